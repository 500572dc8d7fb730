package org.policysearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the query for an exact phrase on the {@link Analyzers#exact()} field. The one place
 * where "this phrase occurs in this passage" is defined: quoted search and glossary tagging both
 * call it, so they cannot disagree.
 *
 * <p>The exact chain emits each Han character as a unigram and, at the same position, the bigram
 * it starts. A phrase keeps every bigram and only the unigrams no bigram covers (a lone Han
 * character, or the single-character query 控), so 安全可控 becomes 安全 全可 可控 at consecutive
 * positions and 中国制造2025 becomes 中国 国制 制造 · 2025.
 */
public final class PhraseQueries {
  private final Analyzer exact;

  public PhraseQueries(Analyzer exact) {
    this.exact = exact;
  }

  /** One token of the analysed phrase. */
  public record Token(String text, int position, boolean bigram) {}

  /** The analysed tokens of text, with the covered unigrams already removed. */
  public List<Token> tokens(String field, String text) {
    List<Token> all = new ArrayList<>();
    try (TokenStream ts = exact.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        boolean bigram = len.getPositionLength() > 1 || "<DOUBLE>".equals(type.type());
        all.add(new Token(term.toString(), pos, bigram));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a unigram is covered when a bigram starts at its position or at the previous one
    java.util.Set<Integer> bigramStarts = new java.util.HashSet<>();
    for (Token t : all) if (t.bigram()) bigramStarts.add(t.position());
    List<Token> kept = new ArrayList<>();
    for (Token t : all) {
      if (t.bigram() || (!bigramStarts.contains(t.position()) && !bigramStarts.contains(t.position() - 1))) {
        kept.add(t);
      }
    }
    return kept;
  }

  /** The exact-phrase query for text, or null when text has no searchable characters. */
  public Query phrase(String field, String text) {
    List<Token> tokens = tokens(field, text);
    if (tokens.isEmpty()) return null;
    if (tokens.size() == 1) return new TermQuery(new Term(field, tokens.get(0).text()));
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    int base = tokens.get(0).position();
    for (Token t : tokens) b.add(new Term(field, t.text()), t.position() - base);
    return b.build();
  }
}
