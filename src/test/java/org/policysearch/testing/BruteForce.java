package org.policysearch.testing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle for exact phrases, written independently of Lucene: text is NFKC-normalised and
 * lower-cased, cut into units (a run of letters and digits, or a single Han character, or a plus
 * sign), and a phrase occurs where its units occur consecutively. Everything else (spaces, line
 * breaks, punctuation) is ignored. A Han character counts as its Simplified form (ICU's
 * Traditional-Simplified transform asked about that one character, not the product's folding
 * table), so a phrase in either script occurs in text of either script.
 */
public final class BruteForce {
  private BruteForce() {}

  /** A unit with its offsets in the original (un-normalised) string when the string was already NFKC. */
  public record Unit(String text, int start, int end) {}

  public static List<Unit> units(String s) {
    List<Unit> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (isHan(cp)) {
        out.add(new Unit(simplified(cp), i, i + n));
        i += n;
      } else if (cp == '+') {
        out.add(new Unit("+", i, i + n));
        i += n;
      } else if (isWord(cp)) {
        int st = i;
        while (i < s.length()) {
          int c = s.codePointAt(i);
          if (!isWord(c) || isHan(c)) break;
          i += Character.charCount(c);
        }
        out.add(new Unit(s.substring(st, i).toLowerCase(Locale.ROOT), st, i));
      } else {
        i += n;
      }
    }
    return out;
  }

  public static String normalize(String s) {
    StringBuilder b = new StringBuilder(" ");
    for (Unit u : units(Normalizer.normalize(s, Normalizer.Form.NFKC))) b.append(u.text()).append(' ');
    return b.toString();
  }

  /** Whether the phrase occurs in the text under the oracle's rules. */
  public static boolean contains(String normalizedText, String phrase) {
    String p = normalize(phrase);
    return p.length() > 2 && normalizedText.contains(p);
  }

  private static final java.util.Map<Integer, String> SIMPLIFIED = new java.util.concurrent.ConcurrentHashMap<>();
  private static final ThreadLocal<com.ibm.icu.text.Transliterator> T2S =
      ThreadLocal.withInitial(() -> com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified"));

  /** The Simplified form of one Han character, as ICU gives it for that character alone. */
  public static String simplified(int cp) {
    return SIMPLIFIED.computeIfAbsent(cp, c -> {
      String one = new String(Character.toChars(c));
      String s = T2S.get().transliterate(one);
      return s.codePointCount(0, s.length()) == 1 ? s : one;
    });
  }

  /**
   * A document's searchable text: its extracted text, then each title (metadata, not guessed) that
   * the text does not already hold, letters and digits compared (issue 16: titles are searchable).
   */
  public static String withTitles(String text, String... titles) {
    String letters = letters(text);
    StringBuilder b = new StringBuilder(text);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String t : titles) {
      if (t == null || t.isBlank()) continue;
      String l = letters(t);
      if (l.isEmpty() || !seen.add(l) || letters.contains(l)) continue;
      b.append('\n').append(t);
    }
    return b.toString();
  }

  private static String letters(String s) {
    StringBuilder b = new StringBuilder();
    for (Unit u : units(Normalizer.normalize(s, Normalizer.Form.NFKC))) b.append(u.text());
    return b.toString();
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp);
  }

  private static boolean isWord(int cp) {
    if (Character.isLetterOrDigit(cp)) return true;
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
  }
}
