package org.policysearch.search;

import java.util.List;

/**
 * HTML for a passage with its matches: everything HTML-escaped, every match wrapped in
 * {@code <mark>}. A long passage is cut to the window around its densest matches, on word
 * boundaries, with an ellipsis where text was left out.
 */
public final class Snippets {
  static final int WINDOW = 320;

  private Snippets() {}

  /** The snippet of a hit: the best window of the passage. */
  public static String snippet(String text, List<Api.Span> spans) {
    if (text.length() <= WINDOW) return mark(text, spans, 0, text.length());
    int bestStart = 0, bestCount = -1;
    for (Api.Span s : spans) {
      int from = Math.max(0, s.start() - 40);
      int count = 0;
      for (Api.Span t : spans) if (t.start() >= from && t.end() <= from + WINDOW) count++;
      if (count > bestCount) {
        bestCount = count;
        bestStart = from;
      }
    }
    int start = snapBack(text, bestStart);
    int end = Math.min(text.length(), start + WINDOW);
    if (end < text.length()) end = snapBack(text, end);
    if (end <= start) end = Math.min(text.length(), start + WINDOW);
    // a match is never cut: a window ending inside one grows to its end
    for (Api.Span sp : spans) if (sp.start() < end && sp.end() > end) end = sp.end();
    return (start > 0 ? "…" : "") + mark(text, spans, start, end) + (end < text.length() ? "…" : "");
  }

  /** The whole text with every match marked. */
  public static String highlight(String text, List<Api.Span> spans) {
    return mark(text, spans, 0, text.length());
  }

  private static String mark(String text, List<Api.Span> spans, int from, int to) {
    StringBuilder b = new StringBuilder();
    int pos = from;
    for (Api.Span s : spans) {
      int st = Math.max(s.start(), from), en = Math.min(s.end(), to);
      if (en <= st || st < pos) continue;
      escape(b, text, pos, st);
      b.append("<mark>");
      escape(b, text, st, en);
      b.append("</mark>");
      pos = en;
    }
    escape(b, text, pos, to);
    return b.toString();
  }

  /** Moves back to a word boundary (a space, or any CJK character) so a window never starts mid-word. */
  private static int snapBack(String text, int i) {
    if (i <= 0) return 0;
    int j = i;
    while (j > 0 && i - j < 30 && !Character.isWhitespace(text.charAt(j - 1)) && text.charAt(j - 1) < 0x2E80) j--;
    if (i - j >= 30) j = i;
    if (j > 0 && Character.isLowSurrogate(text.charAt(j))) j--;
    return j;
  }

  public static void escape(StringBuilder b, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    escape(b, s, 0, s.length());
    return b.toString();
  }
}
