package org.policysearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.policysearch.analysis.Analyzers;
import org.policysearch.analysis.PhraseQueries;
import org.policysearch.analysis.Scripts;
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
 */
public final class PolicyQueryParser extends QueryParser {
  public static final int MAX_QUERY_CHARS = 1000;
  // analysers are thread-safe and keep their token streams per thread: share them across requests
  private static final Analyzer FIELDS = Fields.analyzer();
  private static final Analyzer ENGLISH = Analyzers.englishStemmed();
  private static final Analyzer CHINESE = Analyzers.chineseWords();
  private static final PhraseQueries PHRASES = new PhraseQueries(Analyzers.exact());
  private final Analyzer english = ENGLISH;
  private final Analyzer chinese = CHINESE;
  private final PhraseQueries phrases = PHRASES;

  public PolicyQueryParser() {
    super("text", FIELDS);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setSplitOnWhitespace(true);
    setAllowLeadingWildcard(false);
    setAutoGeneratePhraseQueries(false);
  }

  /** Parses q; throws {@link BadQueryException} with a message a person understands. */
  public Query parseQuery(String q) {
    if (q.length() > MAX_QUERY_CHARS) {
      throw new BadQueryException("bad_query", "The query is " + q.length() + " characters long; the limit is " + MAX_QUERY_CHARS + ".");
    }
    String problem = checkBalance(q);
    if (problem != null) throw new BadQueryException("bad_query", problem);
    try {
      return parse(escapeSlashes(q));
    } catch (ParseException e) {
      throw new BadQueryException("bad_query", explain(e));
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
    return switch (field) {
      case "text" -> text(queryText, quoted, 0);
      case "doc" -> new TermQuery(new Term(Fields.DOC, queryText));
      case "lang" -> lang(queryText);
      case "year" -> year(queryText);
      case "term" -> new TermQuery(new Term(Fields.TERM, queryText));
      case "issuer" -> new TermQuery(new Term(Fields.ISSUER_FILTER, Issuers.normalize(queryText)));
      case "number" -> new TermQuery(new Term(Fields.NUMBER_FILTER, DocumentNumbers.normalize(queryText)));
      default -> {
        // "Section 301: China" is text, not a field: search both parts
        Query a = text(field, false, 0), b = text(queryText, quoted, 0);
        if (a == null) yield b;
        if (b == null) yield a;
        yield new BooleanQuery.Builder().add(a, BooleanClause.Occur.MUST).add(b, BooleanClause.Occur.MUST).build();
      }
    };
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (!field.equals("text")) return getFieldQuery(field, queryText, true);
    return text(queryText, true, slop);
  }

  @Override
  protected Query getRangeQuery(String field, String a, String b, boolean startInclusive, boolean endInclusive) throws ParseException {
    if (!field.equals("year")) throw new ParseException("Ranges work only on year:, as in year:[2015 TO 2017].");
    int lo = a == null || a.equals("*") ? Integer.MIN_VALUE : parseYear(a);
    int hi = b == null || b.equals("*") ? Integer.MAX_VALUE : parseYear(b);
    if (!startInclusive && lo != Integer.MIN_VALUE) lo++;
    if (!endInclusive && hi != Integer.MAX_VALUE) hi--;
    return IntPoint.newRangeQuery(Fields.YEAR, lo, hi);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    String t = termStr.toLowerCase(Locale.ROOT);
    if (t.codePointCount(0, t.length()) < 2) throw new ParseException("A prefix needs at least two characters before '*'.");
    return new PrefixQuery(new Term(Fields.EXACT, t));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (!field.equals("text")) throw new ParseException("Wildcards work on words, not on " + field + ":.");
    String t = termStr.toLowerCase(Locale.ROOT);
    if (t.startsWith("*") || t.startsWith("?")) throw new ParseException("A word cannot start with a wildcard ('*' or '?').");
    return new WildcardQuery(new Term(Fields.EXACT, t));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    int edits = minSimilarity >= 1 ? Math.min(2, (int) minSimilarity) : 2;
    return new FuzzyQuery(new Term(Fields.EXACT, termStr.toLowerCase(Locale.ROOT)), edits);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    throw new ParseException("Regular expressions are not supported.");
  }

  private Query text(String text, boolean quoted, int slop) throws ParseException {
    List<PhraseQueries.Token> tokens = phrases.tokens(Fields.EXACT, text);
    if (tokens.isEmpty()) {
      if (quoted) throw new ParseException("The phrase \"" + text + "\" has no letters or digits to search for.");
      return null;
    }
    if (quoted) {
      Query q = phrases.phrase(Fields.EXACT, text);
      if (slop > 0 && q instanceof PhraseQuery pq) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
        Term[] terms = pq.getTerms();
        int[] pos = pq.getPositions();
        for (int i = 0; i < terms.length; i++) b.add(terms[i], pos[i]);
        return b.build();
      }
      return q;
    }
    boolean han = text.codePoints().anyMatch(Scripts::isHan);
    if (!han && tokens.size() == 1) {
      Query stemmed = wordsQuery(english, Fields.EN, text);
      if (stemmed == null) return null; // an English stop word on its own
      return new DisjunctionMaxQuery(List.of(stemmed,
          new BoostQuery(new TermQuery(new Term(Fields.EXACT, tokens.get(0).text())), 0.5f)), 0.1f);
    }
    Query ranked = han ? wordsQuery(chinese, Fields.ZH, text) : wordsQuery(english, Fields.EN, text);
    // the ranking field only adds score: a passage must still contain the characters in sequence
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(phrases.phrase(Fields.EXACT, text), BooleanClause.Occur.MUST);
    if (ranked != null) b.add(ranked, BooleanClause.Occur.SHOULD);
    return b.build();
  }

  /** The analysed words of text in field as a term (one word) or an exact phrase (several). */
  private static Query wordsQuery(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        String t = term.toString();
        if (t.codePoints().noneMatch(Scripts::isWordChar)) continue; // punctuation tokens of the segmenter
        terms.add(t);
        positions.add(pos);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (terms.isEmpty()) return null;
    if (terms.size() == 1) return new TermQuery(new Term(field, terms.get(0)));
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    int base = positions.get(0);
    for (int i = 0; i < terms.size(); i++) b.add(new Term(field, terms.get(i)), positions.get(i) - base);
    return b.build();
  }

  private static Query lang(String v) throws ParseException {
    String l = v.toLowerCase(Locale.ROOT);
    if (!l.equals("zh") && !l.equals("en") && !l.equals("mixed")) {
      throw new ParseException("lang: takes zh, en or mixed, not '" + v + "'.");
    }
    return new TermQuery(new Term(Fields.LANG, l));
  }

  private static Query year(String v) throws ParseException {
    return IntPoint.newExactQuery(Fields.YEAR, parseYear(v));
  }

  private static int parseYear(String v) throws ParseException {
    try {
      int y = Integer.parseInt(v.trim());
      if (y < 1000 || y > 9999) throw new NumberFormatException();
      return y;
    } catch (NumberFormatException e) {
      throw new ParseException("year: takes a four-digit year, not '" + v + "'.");
    }
  }

  /** '/' starts a regular expression in the classic syntax; here it is just punctuation. */
  static String escapeSlashes(String q) {
    StringBuilder b = new StringBuilder(q.length());
    boolean inQuote = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\' && i + 1 < q.length()) {
        b.append(c).append(q.charAt(++i));
        continue;
      }
      if (c == '"') inQuote = !inQuote;
      if (c == '/' && !inQuote) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }

  /** Unbalanced quotes and brackets, found before the parser's less readable messages. */
  static String checkBalance(String q) {
    boolean inQuote = false;
    int paren = 0, square = 0, curly = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '"') {
        inQuote = !inQuote;
        continue;
      }
      if (inQuote) continue;
      switch (c) {
        case '(' -> paren++;
        case ')' -> paren--;
        case '[' -> square++;
        case ']' -> square--;
        case '{' -> curly++;
        case '}' -> curly--;
        default -> { }
      }
      if (paren < 0) return "There is a ')' without a matching '('.";
      if (square < 0 || curly < 0) return "There is a closing bracket without an opening one.";
    }
    if (inQuote) return "Unbalanced quotes: add the closing \" to end the phrase.";
    if (paren > 0) return "Unbalanced parentheses: " + paren + " '(' not closed.";
    if (square > 0 || curly > 0) return "A range bracket is not closed (write year:[2015 TO 2017]).";
    return null;
  }

  private static String explain(ParseException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("not allowed as first character")) return "A word cannot start with a wildcard ('*' or '?').";
    if (m.contains("too many boolean clauses") || m.contains("maxClauseCount")) {
      return "The query expands to too many terms; make it more specific.";
    }
    if (m.startsWith("Cannot parse")) {
      // "Cannot parse 'x AND': Encountered "<EOF>" at line 1, column 5. Was expecting one of: ..."
      int enc = m.indexOf("Encountered");
      String where = enc >= 0 ? m.substring(enc).split("\\.")[0] : "";
      if (where.contains("<EOF>")) return "The query ends with an operator (AND, OR, NOT, + or -) that has nothing after it.";
      return "Invalid query syntax" + (where.isEmpty() ? "" : ": " + where.replace("\"", "'")) + ". Quote text that contains special characters ( ) [ ] { } : ^ ~ * ?.";
    }
    return m;
  }
}
