package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a hit's snippet against its text and match offsets. */
final class Hits {
  private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>", Pattern.DOTALL);

  private Hits() {}

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** The texts the offsets point at. */
  static List<String> spanTexts(String text, JsonNode matches) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : matches) {
      int start = m.get("start").asInt(), end = m.get("end").asInt();
      assertTrue(0 <= start && start < end && end <= text.length(), "span inside the text: " + m);
      out.add(text.substring(start, end));
    }
    return out;
  }

  /** The marked texts of a snippet, unescaped. */
  static List<String> marked(String snippet) {
    List<String> out = new ArrayList<>();
    Matcher m = MARK.matcher(snippet);
    while (m.find()) out.add(unescape(m.group(1)));
    return out;
  }

  /**
   * Everything but the marks is escaped; every match of the shown window is marked, and the marks
   * are exactly the texts at the match offsets.
   */
  static void assertConsistent(JsonNode hit) {
    String snippet = hit.get("snippet").asText();
    String text = hit.get("text").asText();
    String bare = snippet.replace("<mark>", "").replace("</mark>", "");
    assertFalse(bare.contains("<") || bare.contains(">"), "snippet escaped: " + snippet);
    List<String> spans = spanTexts(text, hit.get("matches"));
    List<String> marks = marked(snippet);
    assertFalse(spans.isEmpty(), "a hit has matches: " + hit.get("passage"));
    if (text.length() <= 320) {
      assertEquals(text, unescape(bare), "short passages are shown whole");
      assertEquals(spans, marks, "every match marked, at its offsets");
    } else {
      // a match crossing the end of the window is cut there by Snippets (reported); the other marks are whole matches
      for (int i = 0; i < marks.size(); i++) {
        String m = marks.get(i);
        boolean lastAtCut = i == marks.size() - 1 && snippet.endsWith("</mark>…");
        assertTrue(spans.contains(m) || lastAtCut && spans.stream().anyMatch(x -> x.startsWith(m)),
            "marks are matches: " + marks + " vs " + spans);
      }
      assertFalse(marks.isEmpty(), "the snippet window shows a match");
    }
  }
}
