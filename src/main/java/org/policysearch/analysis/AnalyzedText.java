package org.policysearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A text analysed once, its tokens kept so that several consumers read the same analysis: the
 * tagger looks its terms up and runs its phrase queries over them, and the index writer inverts
 * them, instead of each running the chain again (issue 7: the exact chain ran three times per
 * passage during indexing). {@link #stream()} replays the tokens with the attributes the
 * analyser produced (term, position increment and length, offsets, type), final offsets included.
 *
 * <p>The tokens are packed into one character buffer and one int array, so caching a passage
 * allocates a handful of arrays, not an object per token. Not thread-safe; each replay stream is
 * independent.
 */
public final class AnalyzedText {
  private static final int TERM_START = 0, TERM_LEN = 1, POS_INC = 2, POS_LEN = 3, START = 4, END = 5, TYPE = 6, INTS = 7;

  private char[] chars = new char[64];
  private int charCount;
  private int[] ints = new int[16 * INTS];
  private String[] types = new String[4];
  private int typeCount;
  private int size;
  private int finalOffset;

  private AnalyzedText() {}

  /** Analyses text with the analyser's chain for field and keeps every token. */
  public static AnalyzedText of(Analyzer analyzer, String field, String text) {
    AnalyzedText t = new AnalyzedText();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute posLen = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        t.add(term.buffer(), term.length(), posInc.getPositionIncrement(), posLen.getPositionLength(), offset.startOffset(),
            offset.endOffset(), type.type());
      }
      ts.end();
      t.finalOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return t;
  }

  private void add(char[] term, int len, int posInc, int posLen, int start, int end, String type) {
    if (charCount + len > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + len));
    System.arraycopy(term, 0, chars, charCount, len);
    if ((size + 1) * INTS > ints.length) ints = Arrays.copyOf(ints, ints.length * 2);
    int b = size * INTS;
    ints[b + TERM_START] = charCount;
    ints[b + TERM_LEN] = len;
    ints[b + POS_INC] = posInc;
    ints[b + POS_LEN] = posLen;
    ints[b + START] = start;
    ints[b + END] = end;
    ints[b + TYPE] = typeIndex(type);
    charCount += len;
    size++;
  }

  private int typeIndex(String type) {
    for (int i = 0; i < typeCount; i++) if (types[i] == type) return i; // token types are constants: identity first
    for (int i = 0; i < typeCount; i++) if (types[i].equals(type)) return i;
    if (typeCount == types.length) types = Arrays.copyOf(types, typeCount * 2);
    types[typeCount] = type;
    return typeCount++;
  }

  /** The number of tokens. */
  public int size() {
    return size;
  }

  /** The characters of every term, back to back; token i's term is {@code termLength(i)} chars from {@code termStart(i)}. */
  public char[] termBuffer() {
    return chars;
  }

  public int termStart(int i) {
    return ints[i * INTS + TERM_START];
  }

  public int termLength(int i) {
    return ints[i * INTS + TERM_LEN];
  }

  public String term(int i) {
    return new String(chars, termStart(i), termLength(i));
  }

  /** Whether some token's term is exactly term (a scan without allocation: passages have tens of tokens). */
  public boolean contains(char[] term) {
    outer:
    for (int i = 0; i < size; i++) {
      int b = i * INTS;
      if (ints[b + TERM_LEN] != term.length) continue;
      int start = ints[b + TERM_START];
      for (int k = 0; k < term.length; k++) if (chars[start + k] != term[k]) continue outer;
      return true;
    }
    return false;
  }

  /** A fresh stream over the kept tokens (give each consumer its own). */
  public TokenStream stream() {
    return new Replay();
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private int next;

    @Override
    public boolean incrementToken() {
      if (next >= size) return false;
      clearAttributes();
      int b = next++ * INTS;
      term.copyBuffer(chars, ints[b + TERM_START], ints[b + TERM_LEN]);
      posInc.setPositionIncrement(ints[b + POS_INC]);
      posLen.setPositionLength(ints[b + POS_LEN]);
      offset.setOffset(ints[b + START], ints[b + END]);
      type.setType(types[ints[b + TYPE]]);
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
