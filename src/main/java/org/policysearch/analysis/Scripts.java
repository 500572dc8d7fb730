package org.policysearch.analysis;

/** Character classes the whole engine agrees on: what a CJK ideograph is, what a word character is. */
public final class Scripts {
  private Scripts() {}

  /** A Han ideograph: indexed one character at a time (then as bigrams). */
  public static boolean isHan(int cp) {
    if (cp < 0x2E80) return false; // fast path: no ideograph below the CJK radicals (the script lookup is a binary search)
    if (cp >= 0x4E00 && cp <= 0x9FFC) return true; // fast path: CJK Unified Ideographs, every one assigned (Unicode 13)
    if (cp >= 0xA000 && cp < 0xF900) return false; // Yi, Hangul, surrogates, private use: no ideographs
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp);
  }

  /** A character that belongs to a word: letters, digits and the combining marks that attach to them. */
  public static boolean isWordChar(int cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    if (Character.isLetterOrDigit(cp)) return true;
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
  }

  /** Symbols that are searchable tokens of their own: the plus of 互联网+ / "Internet+". */
  public static boolean isTokenSymbol(int cp) {
    return cp == '+' || cp == 0xFF0B;
  }

  /** CJK text for line-joining purposes: ideographs, CJK punctuation, full-width forms. */
  public static boolean isCjkText(int cp) {
    if (cp < 0x2000) return false;
    if (isHan(cp)) return true;
    Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
    return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || b == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || b == Character.UnicodeBlock.VERTICAL_FORMS
        || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && (cp == 0x2014 || cp == 0x2026)
        || b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA;
  }

  /** Counts Han characters in s. */
  public static int countHan(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      if (isHan(cp)) n++;
      i += Character.charCount(cp);
    }
    return n;
  }

  /** Counts runs of non-Han word characters (Latin words, numbers). */
  public static int countWords(CharSequence s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      boolean w = isWordChar(cp) && !isHan(cp) && Character.isLetter(cp);
      if (w && !in) n++;
      in = w;
      i += Character.charCount(cp);
    }
    return n;
  }
}
