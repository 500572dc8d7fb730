package org.policysearch.analysis;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * NFKC-normalises the text seen by the tokenizer (full-width letters, compatibility ideographs,
 * ligatures) and folds Traditional Chinese characters to Simplified ({@link ScriptFolding}, one
 * character for one) while keeping offsets that point into the original, displayed text. Every
 * analysis chain starts here, so this is the one place where scripts fold. Passages are short, so
 * the whole input is normalised on the first read.
 *
 * <p>With {@code fullWidthPunctuation}, ASCII punctuation and symbols ({@code ,.;:!?()} and the
 * rest of U+0021-U+007E that is not a letter or digit) come out in their full-width forms
 * (U+FF01-U+FF5E) after normalisation, one character for one, so offsets do not move. The Chinese
 * words chain needs that: smartcn's dictionaries were built from text with full-width punctuation,
 * and its bigram table, asked for a word followed by an ASCII punctuation mark, sometimes goes round
 * all of its 402,137 slots before answering (the probe step, a second hash, is 0 for about one such
 * key in 40; never for a key ending in a full-width mark). NFKC turns every full-width comma,
 * semicolon, colon and parenthesis of Chinese text into ASCII, which made segmentation 1.5 times
 * slower; the words found are the same or better, since the dictionary knows the full-width marks.
 */
public final class NfkcCharFilter extends BaseCharFilter {
  private final boolean fullWidthPunctuation;
  private String normalized;
  private int pos;

  public NfkcCharFilter(Reader in) {
    this(in, false);
  }

  public NfkcCharFilter(Reader in, boolean fullWidthPunctuation) {
    super(in);
    this.fullWidthPunctuation = fullWidthPunctuation;
  }

  /**
   * Whether text is in NFKC form, as {@link Normalizer#isNormalized} answers, with a fast path for
   * the characters of nearly every passage: ASCII, CJK unified ideographs and the common Chinese
   * and typographic punctuation (none has a compatibility form or composes with a neighbour).
   * Every analysis chain and every passage's anchor ask it, and the JDK's check was 3% of an
   * indexing run's CPU (issue 20). Any other character leaves the answer to the JDK.
   */
  public static boolean isNfkc(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80 || c >= 0x4E00 && c <= 0x9FFF || isStablePunctuation(c)) continue;
      return Normalizer.isNormalized(text, Normalizer.Form.NFKC);
    }
    return true;
  }

  /** text in NFKC form: itself when {@link #isNfkc} says it already is (no copy, no JDK normaliser). */
  public static String toNfkc(CharSequence text) {
    return isNfkc(text) ? text.toString() : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  /** 、。〈〉《》「」『』【】, curly quotes, en and em dashes, the middle dot: their own NFKC form. */
  static boolean isStablePunctuation(char c) {
    return c == 0x3001 || c == 0x3002 || c >= 0x3008 && c <= 0x3011 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D
        || c == 0x2013 || c == 0x2014 || c == 0x00B7;
  }

  /** True for the ASCII characters that have a full-width form and are not letters or digits. */
  static boolean isAsciiPunctuation(char c) {
    return c >= 0x21 && c <= 0x7E && !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (normalized == null) fill();
    if (pos >= normalized.length()) return -1;
    int n = Math.min(len, normalized.length() - pos);
    normalized.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }

  private void fill() throws IOException {
    normalize();
    // one pass, one character for one: offsets do not move
    char[] c = null;
    for (int i = 0; i < normalized.length(); i++) {
      char ch = normalized.charAt(i), to;
      if (ch >= 0x3400) to = ScriptFolding.fold(ch);
      else if (fullWidthPunctuation && isAsciiPunctuation(ch)) to = (char) (ch + 0xFEE0);
      else continue;
      if (to == ch) continue;
      if (c == null) c = normalized.toCharArray();
      c[i] = to;
    }
    if (c != null) normalized = new String(c);
  }

  private void normalize() throws IOException {
    StringBuilder raw = new StringBuilder();
    char[] buf = new char[4096];
    for (int r; (r = input.read(buf)) != -1; ) raw.append(buf, 0, r);
    if (isNfkc(raw)) {
      normalized = raw.toString();
      return;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int diff = 0; // input offset minus output offset
    int i = 0;
    while (i < raw.length()) {
      // a base character with the combining marks that follow it normalises as one unit
      int j = i + Character.charCount(Character.codePointAt(raw, i));
      while (j < raw.length()) {
        int t = Character.getType(Character.codePointAt(raw, j));
        if (t != Character.NON_SPACING_MARK && t != Character.COMBINING_SPACING_MARK && t != Character.ENCLOSING_MARK) break;
        j += Character.charCount(Character.codePointAt(raw, j));
      }
      char c = raw.charAt(i);
      if (j == i + 1 && (c < 0x80 || c >= 0x4E00 && c <= 0x9FFC)) {
        out.append(c); // ASCII and unified ideographs without marks are their own NFKC form: no String per character
        i = j;
        continue;
      }
      String unit = raw.substring(i, j);
      String norm = Normalizer.normalize(unit, Normalizer.Form.NFKC);
      int outStart = out.length();
      out.append(norm);
      int inLen = j - i, outLen = norm.length();
      if (outLen < inLen) {
        diff += inLen - outLen;
        addOffCorrectMap(outStart + outLen, diff);
      } else if (outLen > inLen) {
        // every extra output character maps to the end of its input unit, so offsets never run backwards
        for (int k = 1; k <= outLen - inLen; k++) {
          diff--;
          addOffCorrectMap(outStart + inLen + k, diff);
        }
      }
      i = j;
    }
    normalized = out.toString();
  }
}
