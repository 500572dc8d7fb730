package org.policysearch.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * (and matches the brute-force oracle). A passage is short, so the filter reads it whole.
 */
public final class HanBigramFilter extends TokenFilter {
  public static final String SINGLE = "<SINGLE>";
  public static final String DOUBLE = "<DOUBLE>";
  private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private record Tok(String term, int start, int end, String type, int posInc) {}

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
  private final List<Tok> out = new ArrayList<>();
  private boolean read;
  private int next;

  public HanBigramFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!read) readAll();
    if (next >= out.size()) return false;
    Tok t = out.get(next++);
    clearAttributes();
    term.setEmpty().append(t.term());
    offset.setOffset(t.start(), t.end());
    type.setType(t.type());
    posInc.setPositionIncrement(t.posInc());
    posLen.setPositionLength(DOUBLE.equals(t.type()) ? 2 : 1);
    return true;
  }

  private void readAll() throws IOException {
    List<Tok> in = new ArrayList<>();
    while (input.incrementToken()) {
      in.add(new Tok(term.toString(), offset.startOffset(), offset.endOffset(), type.type(), posInc.getPositionIncrement()));
    }
    for (int i = 0; i < in.size(); i++) {
      Tok t = in.get(i);
      boolean han = HAN.equals(t.type());
      boolean pairs = han && i + 1 < in.size() && HAN.equals(in.get(i + 1).type()) && in.get(i + 1).posInc() == 1;
      if (!han) {
        out.add(t);
        continue;
      }
      out.add(new Tok(t.term(), t.start(), t.end(), SINGLE, t.posInc()));
      if (pairs) {
        Tok n = in.get(i + 1);
        out.add(new Tok(t.term() + n.term(), t.start(), n.end(), DOUBLE, 0));
      }
    }
    read = true;
  }

  @Override
  public void end() throws IOException {
    super.end();
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    out.clear();
    read = false;
    next = 0;
  }
}
