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

/**
 * The Lucene queries of {@link PolicyQueryParser}'s clauses, without the glossary: text (quoted or
 * not, English or Chinese, analysed as at index time), the filters (lang:, year:) and the word
 * patterns (prefix, wildcard, fuzzy) on the exact field.
 */
final class QueryClauses {
  private QueryClauses() {}

  // analysers are thread-safe and keep their token streams per thread: share them across requests
  private static final Analyzer ENGLISH = Analyzers.englishStemmed();
  private static final Analyzer CHINESE = Analyzers.chineseWords();
  private static final PhraseQueries PHRASES = new PhraseQueries(Analyzers.exact());

  /** Text as an exact phrase on the exact field (null when it has no words). */
  static Query phrase(String text) {
    return PHRASES.phrase(Fields.EXACT, text);
  }

  /**
   * A piece of text: quoted, the exact phrase (with slop, if given); unquoted, an English word as the
   * best of its stemmed and exact forms, else the characters in sequence ranked on the words. Null for
   * unquoted text with nothing to search (a stop word alone).
   */
  static Query text(String text, boolean quoted, int slop) throws ParseException {
    List<PhraseQueries.Token> tokens = PHRASES.tokens(Fields.EXACT, text);
    if (tokens.isEmpty()) {
      if (quoted) throw new ParseException("The phrase \"" + text + "\" has no letters or digits to search for.");
      return null;
    }
    if (quoted) {
      Query q = PHRASES.phrase(Fields.EXACT, text);
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
      Query stemmed = wordsQuery(ENGLISH, Fields.EN, text);
      if (stemmed == null) return null; // an English stop word on its own
      return new DisjunctionMaxQuery(List.of(stemmed,
          new BoostQuery(new TermQuery(new Term(Fields.EXACT, tokens.get(0).text())), 0.5f)), 0.1f);
    }
    Query ranked = han ? wordsQuery(CHINESE, Fields.ZH, text) : wordsQuery(ENGLISH, Fields.EN, text);
    // the ranking field only adds score: a passage must still contain the characters in sequence
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(PHRASES.phrase(Fields.EXACT, text), BooleanClause.Occur.MUST);
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

  static Query lang(String v) throws ParseException {
    String l = v.toLowerCase(Locale.ROOT);
    if (!l.equals("zh") && !l.equals("en") && !l.equals("mixed")) {
      throw new ParseException("lang: takes zh, en or mixed, not '" + v + "'.");
    }
    return new TermQuery(new Term(Fields.LANG, l));
  }

  static Query year(String v) throws ParseException {
    return IntPoint.newExactQuery(Fields.YEAR, parseYear(v));
  }

  static Query yearRange(String field, String a, String b, boolean startInclusive, boolean endInclusive) throws ParseException {
    if (!field.equals("year")) throw new ParseException("Ranges work only on year:, as in year:[2015 TO 2017].");
    int lo = a == null || a.equals("*") ? Integer.MIN_VALUE : parseYear(a);
    int hi = b == null || b.equals("*") ? Integer.MAX_VALUE : parseYear(b);
    if (!startInclusive && lo != Integer.MIN_VALUE) lo++;
    if (!endInclusive && hi != Integer.MAX_VALUE) hi--;
    return IntPoint.newRangeQuery(Fields.YEAR, lo, hi);
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

  static Query prefix(String termStr) throws ParseException {
    String t = termStr.toLowerCase(Locale.ROOT);
    if (t.codePointCount(0, t.length()) < 2) throw new ParseException("A prefix needs at least two characters before '*'.");
    return new PrefixQuery(new Term(Fields.EXACT, t));
  }

  static Query wildcard(String field, String termStr) throws ParseException {
    if (!field.equals("text")) throw new ParseException("Wildcards work on words, not on " + field + ":.");
    String t = termStr.toLowerCase(Locale.ROOT);
    if (t.startsWith("*") || t.startsWith("?")) throw new ParseException("A word cannot start with a wildcard ('*' or '?').");
    return new WildcardQuery(new Term(Fields.EXACT, t));
  }

  static Query fuzzy(String termStr, float minSimilarity) {
    int edits = minSimilarity >= 1 ? Math.min(2, (int) minSimilarity) : 2;
    return new FuzzyQuery(new Term(Fields.EXACT, termStr.toLowerCase(Locale.ROOT)), edits);
  }
}
