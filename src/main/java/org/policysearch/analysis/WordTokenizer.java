package org.policysearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The tokenizer behind exact phrases: a word is a maximal run of letters and digits, every Han
 * ideograph is a token of its own (typed so that HanBigramFilter pairs it with its neighbours).
 * The plus sign is a one-character token too, so 互联网+ ("Internet Plus") is not 互联网 ("Internet").
 * Everything else (punctuation, spaces, line breaks) only separates tokens, which is what makes
 * quoted phrases punctuation- and line-break-insensitive. Unlike StandardTokenizer it has no
 * special cases ("U.S.", "China's", "2,025"), so brute-force matching over normalised text
 * predicts its output exactly.
 */
public final class WordTokenizer extends Tokenizer {
  /** Longer words are cut: keeps a pathological line from producing a giant term. */
  public static final int MAX_TOKEN_CHARS = 255;
  private static final String WORD = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
  private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final StringBuilder text = new StringBuilder();
  private boolean loaded;
  private int pos;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (!loaded) load();
    int n = text.length();
    while (pos < n) {
      int cp = Character.codePointAt(text, pos);
      if (!Scripts.isWordChar(cp) && !Scripts.isTokenSymbol(cp)) {
        pos += Character.charCount(cp);
        continue;
      }
      int start = pos;
      if (Scripts.isHan(cp) || Scripts.isTokenSymbol(cp)) {
        pos += Character.charCount(cp);
        emit(start, pos, Scripts.isHan(cp) ? HAN : WORD);
        return true;
      }
      while (pos < n && pos - start < MAX_TOKEN_CHARS) {
        int c = Character.codePointAt(text, pos);
        if (!Scripts.isWordChar(c) || Scripts.isHan(c)) break;
        pos += Character.charCount(c);
      }
      emit(start, pos, WORD);
      return true;
    }
    return false;
  }

  private void emit(int start, int end, String t) {
    term.setEmpty().append(text, start, end);
    offset.setOffset(correctOffset(start), correctOffset(end));
    type.setType(t);
  }

  private void load() throws IOException {
    char[] buf = new char[4096];
    for (int r; (r = input.read(buf)) != -1; ) text.append(buf, 0, r);
    loaded = true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int fin = correctOffset(text.length());
    offset.setOffset(fin, fin);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    text.setLength(0);
    loaded = false;
    pos = 0;
  }
}
