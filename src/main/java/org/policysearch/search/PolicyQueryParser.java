package org.policysearch.search;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.policysearch.analysis.PhraseQueries;
import org.policysearch.index.Fields;
import org.policysearch.metadata.DocumentNumbers;
import org.policysearch.metadata.Issuers;

/**
 * The query language, on Lucene's classic query parser (AND / OR / NOT, parentheses, +/-,
 * field:value), with policy-search's own meaning for text:
 *
 * <ul>
 *   <li>{@code "..."}: exact phrase on the exact field ({@link PhraseQueries}): case-,
 *       punctuation- and line-break-insensitive, nothing stemmed, stop words count; Chinese as the
 *       exact character sequence.
 *   <li>an unquoted English word: best of its stemmed form and its exact form (BM25); English stop
 *       words alone are ignored;
 *   <li>an unquoted run of Chinese characters (or a hyphenated / mixed token such as 中国制造2025):
 *       the characters in sequence, ranked on smartcn words and exact bigrams;
 *   <li>words are combined with AND unless OR is written;
 *   <li>{@code doc:ID lang:zh|en|mixed year:2015 year:[2015 TO 2017] term:ID issuer:NAME number:NUMBER} filter;
 *   <li>{@code word*} (prefix, two characters at least), {@code w?rd}, {@code word~} (fuzzy) work on exact words.
 * </ul>
 *
 * <p>With a glossary {@link Expansion} (issue 16), a piece of text that is exactly a variant of a
 * concept also matches every other variant of the concept, in both languages: a quoted phrase
 * that is exactly a variant, or a run of adjacent unquoted words (ANDed, or a single word) that is
 * exactly one (the longest wins). Only that piece is widened; the other words keep their meaning,
 * and a phrase or a run of Chinese characters that holds a variant among other words means
 * exactly itself. A passage carrying the concept scores {@link #CONCEPT_SCORE} more, so it ranks
 * above passages that merely share words with the query.
 *
 * <p>This class holds the grammar's decisions and the glossary expansion; the Lucene query of each
 * clause is built by {@link QueryClauses}, and the text is checked (and the parser's errors told in
 * plain words) by {@link QuerySyntax}.
 */
public final class PolicyQueryParser extends QueryParser {
  public static final int MAX_QUERY_CHARS = 1000;
  /** Added to the score of a passage that carries a concept the query names: above any BM25 score of words alone. */
  public static final float CONCEPT_SCORE = 1000f;
  /** Added to the score of a passage holding a run of unquoted words as an exact phrase: above the same words scattered. */
  public static final float PHRASE_SCORE = 50f;
  // analysers are thread-safe and keep their token streams per thread: share them across requests
  private static final Analyzer FIELDS = Fields.analyzer();
  /** null: no glossary expansion. */
  private final Expansion expansion;
  private final List<Expansion.Found> found = new ArrayList<>();
  /** Unquoted words in the order the parser meets them (query null for a stop word); text null marks anything else. */
  private final List<Word> words = new ArrayList<>();
  private final Map<Query, Integer> wordIndex = new IdentityHashMap<>();

  private record Word(String text, Query query) {}

  /** The query, and the same query without glossary expansion (what a passage matches directly). */
  record Parsed(Query query, Query direct, List<Expansion.Found> found) {}

  public PolicyQueryParser() {
    this(null);
  }

  PolicyQueryParser(Expansion expansion) {
    super("text", FIELDS);
    this.expansion = expansion;
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setSplitOnWhitespace(true);
    setAllowLeadingWildcard(false);
    setAutoGeneratePhraseQueries(false);
  }

  /** Parses q with the glossary expansion (null for none), and without it. */
  static Parsed parse(String q, Expansion expansion) {
    Query direct = new PolicyQueryParser().parseQuery(q);
    if (expansion == null) return new Parsed(direct, direct, List.of());
    PolicyQueryParser p = new PolicyQueryParser(expansion);
    Query expanded = p.parseQuery(q);
    return new Parsed(expanded, direct, List.copyOf(p.found));
  }

  /** Parses q; throws {@link BadQueryException} with a message a person understands. */
  public Query parseQuery(String q) {
    if (q.length() > MAX_QUERY_CHARS) {
      throw new BadQueryException("bad_query", "The query is " + q.length() + " characters long; the limit is " + MAX_QUERY_CHARS + ".");
    }
    String problem = QuerySyntax.checkBalance(q);
    if (problem != null) throw new BadQueryException("bad_query", problem);
    try {
      Query parsed = parse(QuerySyntax.escapeSlashes(q));
      // a query of one clause never reaches getBooleanQuery
      if (expansion != null && parsed != null && wordIndex.containsKey(parsed)) {
        List<BooleanClause> one = expandRuns(List.of(new BooleanClause(parsed, BooleanClause.Occur.MUST)));
        parsed = one.get(0).getQuery();
      }
      return parsed;
    } catch (ParseException e) {
      throw new BadQueryException("bad_query", QuerySyntax.explain(e));
    } catch (BooleanQuery.TooManyClauses e) {
      throw new BadQueryException("bad_query", "The query expands to too many terms; make it more specific.");
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      // found by the jqwik fuzzing of issue 6 (a*a*a*…): was a 500
      throw new BadQueryException("bad_query", "A wildcard pattern is too complex; use fewer '*' and '?'.");
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("bad_query", "Invalid query: " + e.getMessage());
    }
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field.equals("text") && !quoted) {
      Query q = QueryClauses.text(queryText, false, 0);
      if (q != null) wordIndex.put(q, words.size());
      words.add(new Word(queryText, q));
      return q;
    }
    words.add(new Word(null, null));
    return switch (field) {
      case "text" -> quoted(queryText, 0);
      case "doc" -> new TermQuery(new Term(Fields.DOC, queryText));
      case "lang" -> QueryClauses.lang(queryText);
      case "year" -> QueryClauses.year(queryText);
      case "term" -> new TermQuery(new Term(Fields.TERM, queryText));
      case "issuer" -> new TermQuery(new Term(Fields.ISSUER_FILTER, Issuers.normalize(queryText)));
      case "number" -> new TermQuery(new Term(Fields.NUMBER_FILTER, DocumentNumbers.normalize(queryText)));
      default -> {
        // "Section 301: China" is text, not a field: search both parts
        Query a = QueryClauses.text(field, false, 0), b = QueryClauses.text(queryText, quoted, 0);
        if (a == null) yield b;
        if (b == null) yield a;
        yield new BooleanQuery.Builder().add(a, BooleanClause.Occur.MUST).add(b, BooleanClause.Occur.MUST).build();
      }
    };
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (!field.equals("text")) return getFieldQuery(field, queryText, true);
    words.add(new Word(null, null));
    return quoted(queryText, slop);
  }

  /** A quoted phrase: exactly itself, widened to its concept only when the whole phrase is a variant. */
  private Query quoted(String text, int slop) throws ParseException {
    Query q = QueryClauses.text(text, true, slop);
    if (expansion == null || slop > 0) return q;
    Expansion.Found f = expansion.exactly(text);
    if (f == null) return q;
    addFound(f);
    return conceptClause(q, f);
  }

  /** Matches direct or any variant of f's concept; a passage carrying the concept scores CONCEPT_SCORE more. */
  private static Query conceptClause(Query direct, Expansion.Found f) {
    return new BooleanQuery.Builder()
        .add(direct, BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(new ConstantScoreQuery(f.query()), CONCEPT_SCORE), BooleanClause.Occur.SHOULD)
        .build();
  }

  private void addFound(Expansion.Found f) {
    for (Expansion.Found g : found) if (g.concept().id().equals(f.concept().id())) return;
    found.add(f);
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    return super.getBooleanQuery(phraseBonus(expansion == null ? clauses : expandRuns(clauses)));
  }

  /**
   * Adds, for each run of two or more adjacent ANDed words, an optional clause that scores
   * PHRASE_SCORE when the passage holds the run as an exact phrase. Only in a group without
   * optional clauses, where it cannot change what matches.
   */
  private List<BooleanClause> phraseBonus(List<BooleanClause> clauses) {
    for (BooleanClause c : clauses) if (c.getOccur() == BooleanClause.Occur.SHOULD) return clauses;
    List<BooleanClause> out = new ArrayList<>(clauses);
    int i = 0;
    while (i < clauses.size()) {
      Integer wi = wordIndex.get(clauses.get(i).getQuery());
      int end = i;
      while (wi != null && clauses.get(i).getOccur() == BooleanClause.Occur.MUST && end + 1 < clauses.size()) {
        BooleanClause n = clauses.get(end + 1);
        Integer ni = wordIndex.get(n.getQuery());
        if (ni == null || n.getOccur() != BooleanClause.Occur.MUST || !onlyStopWordsBetween(wordIndex.get(clauses.get(end).getQuery()), ni)) break;
        end++;
      }
      if (end > i) {
        Query phrase = QueryClauses.phrase(join(wi, wordIndex.get(clauses.get(end).getQuery())));
        if (phrase != null) out.add(new BooleanClause(new BoostQuery(new ConstantScoreQuery(phrase), PHRASE_SCORE), BooleanClause.Occur.SHOULD));
      }
      i = end + 1;
    }
    return out;
  }

  /**
   * Replaces each run of adjacent unquoted words that is exactly a glossary variant (the longest
   * first) by its concept clause. A run of several words must be ANDed (the default) with nothing
   * but stop words between them; a single word may also be ORed. Negated words are not widened.
   */
  private List<BooleanClause> expandRuns(List<BooleanClause> clauses) {
    List<BooleanClause> out = new ArrayList<>(clauses.size());
    int i = 0;
    while (i < clauses.size()) {
      BooleanClause c = clauses.get(i);
      Integer wi = wordIndex.get(c.getQuery());
      if (wi == null || c.getOccur() == BooleanClause.Occur.MUST_NOT) {
        out.add(c);
        i++;
        continue;
      }
      // the longest run of ANDed adjacent words starting here
      int end = i;
      if (c.getOccur() == BooleanClause.Occur.MUST) {
        while (end + 1 < clauses.size() && end - i + 1 < expansion.longest()) {
          BooleanClause n = clauses.get(end + 1);
          Integer ni = wordIndex.get(n.getQuery());
          if (ni == null || n.getOccur() != BooleanClause.Occur.MUST || !onlyStopWordsBetween(wordIndex.get(clauses.get(end).getQuery()), ni)) break;
          end++;
        }
      }
      int matchedEnd = -1;
      Expansion.Found f = null;
      for (int j = end; j >= i && f == null; j--) {
        int from = wi, to = wordIndex.get(clauses.get(j).getQuery());
        f = expansion.exactly(join(from, to));
        // a variant may begin with a stop word ("the Belt and Road")
        for (int lead = from - 1; f == null && lead >= 0 && words.get(lead).text() != null && words.get(lead).query() == null; lead--) {
          f = expansion.exactly(join(lead, to));
        }
        if (f != null) matchedEnd = j;
      }
      if (f == null) {
        out.add(c);
        i++;
        continue;
      }
      addFound(f);
      Query direct;
      if (matchedEnd == i) direct = c.getQuery();
      else {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int k = i; k <= matchedEnd; k++) b.add(clauses.get(k).getQuery(), BooleanClause.Occur.MUST);
        direct = b.build();
      }
      out.add(new BooleanClause(conceptClause(direct, f), c.getOccur()));
      i = matchedEnd + 1;
    }
    return out;
  }

  private boolean onlyStopWordsBetween(int a, int b) {
    if (b <= a) return false;
    for (int k = a + 1; k < b; k++) if (words.get(k).text() == null || words.get(k).query() != null) return false;
    return true;
  }

  private String join(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k <= to; k++) b.append(k > from ? " " : "").append(words.get(k).text());
    return b.toString();
  }

  @Override
  protected Query getRangeQuery(String field, String a, String b, boolean startInclusive, boolean endInclusive) throws ParseException {
    return QueryClauses.yearRange(field, a, b, startInclusive, endInclusive);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return QueryClauses.prefix(termStr);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return QueryClauses.wildcard(field, termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return QueryClauses.fuzzy(termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    throw new ParseException("Regular expressions are not supported.");
  }
}
