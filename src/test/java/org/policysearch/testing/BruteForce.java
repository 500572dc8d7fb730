package org.policysearch.testing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle for exact phrases, written independently of Lucene: text is NFKC-normalised and
 * lower-cased, cut into units (a run of letters and digits, or a single Han character, or a plus
 * sign), and a phrase occurs where its units occur consecutively. Everything else (spaces, line
 * breaks, punctuation) is ignored.
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
      if (isHan(cp) || cp == '+') {
        out.add(new Unit(new String(Character.toChars(cp)), i, i + n));
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
