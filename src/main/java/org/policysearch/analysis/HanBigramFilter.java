package org.policysearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Han characters as unigrams, each followed at the same position by the bigram it starts with the
 * next Han character (the output of Lucene's {@code CJKBigramFilter} with unigrams), with one
 * difference: two Han characters are neighbours whatever stands between them in the source (a
 * space, a line break, punctuation), as long as no other token does. Lucene's filter pairs only
 * characters whose offsets touch, so "第一章 总则" in a document could not be found by the phrase
 * 第一章总则; here it can, which is what "Chinese phrases ignore whitespace and line breaks" needs
 * (and matches the brute-force oracle). It streams with one token of lookahead.
 */
public final class HanBigramFilter extends TokenFilter {
  public static final String SINGLE = "<SINGLE>";
  public static final String DOUBLE = "<DOUBLE>";
  private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);

  // streaming with one token of lookahead (issue 7: the first version buffered the whole passage
  // as objects, one String per token, English words included)
  private final Saved current = new Saved();
  private final Saved lookahead = new Saved();
  private boolean hasLookahead;
  private boolean exhausted;
  private boolean bigramNext;

  /** The attributes of one token, copied by hand (no per-token allocation). */
  private static final class Saved {
    char[] chars = new char[8];
    int length, start, end, posInc;
    String type;
  }

  public HanBigramFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (bigramNext) {
      // the bigram of the Han unigram just emitted (still in current) and the lookahead Han character
      bigramNext = false;
      clearAttributes();
      char[] b = term.resizeBuffer(current.length + lookahead.length);
      System.arraycopy(current.chars, 0, b, 0, current.length);
      System.arraycopy(lookahead.chars, 0, b, current.length, lookahead.length);
      term.setLength(current.length + lookahead.length);
      offset.setOffset(current.start, lookahead.end);
      type.setType(DOUBLE);
      posInc.setPositionIncrement(0);
      posLen.setPositionLength(2);
      return true;
    }
    if (hasLookahead) {
      hasLookahead = false;
      restore(lookahead);
    } else if (exhausted || !input.incrementToken()) {
      exhausted = true;
      return false;
    }
    posLen.setPositionLength(1);
    if (!HAN.equals(type.type())) return true;
    save(current);
    if (!exhausted) {
      if (input.incrementToken()) {
        save(lookahead);
        hasLookahead = true;
        bigramNext = HAN.equals(lookahead.type) && lookahead.posInc == 1;
      } else {
        exhausted = true;
      }
    }
    restore(current);
    type.setType(SINGLE);
    posLen.setPositionLength(1);
    return true;
  }

  private void save(Saved s) {
    int n = term.length();
    if (s.chars.length < n) s.chars = new char[Math.max(n, s.chars.length * 2)];
    System.arraycopy(term.buffer(), 0, s.chars, 0, n);
    s.length = n;
    s.start = offset.startOffset();
    s.end = offset.endOffset();
    s.posInc = posInc.getPositionIncrement();
    s.type = type.type();
  }

  private void restore(Saved s) {
    clearAttributes();
    term.copyBuffer(s.chars, 0, s.length);
    offset.setOffset(s.start, s.end);
    posInc.setPositionIncrement(s.posInc);
    type.setType(s.type);
    posLen.setPositionLength(1);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    hasLookahead = false;
    exhausted = false;
    bigramNext = false;
  }
}
