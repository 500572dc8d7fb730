package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's rules for web/, checked on the sources: no HTML parsing of strings in the scripts
 * (document text is only ever a text node), and nothing inline that the CSP would block.
 */
class WebSourcesTest {
  private static final Path WEB = Path.of("web");

  @Test
  void scriptsNeverAssignHtml() throws IOException {
    Pattern html = Pattern.compile("\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|createContextualFragment|\\beval\\(|new Function\\(");
    List<String> found = new ArrayList<>();
    try (var files = Files.walk(WEB)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".js"))::iterator) {
        List<String> lines = Files.readAllLines(p);
        for (int i = 0; i < lines.size(); i++) if (html.matcher(lines.get(i)).find()) found.add(p + ":" + (i + 1) + ": " + lines.get(i).strip());
      }
    }
    assertTrue(found.isEmpty(), "HTML from strings: " + found);
  }

  @Test
  void pagesHaveNoInlineScriptsStylesOrHandlers() throws IOException {
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern inline = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
    List<String> found = new ArrayList<>();
    try (var files = Files.list(WEB)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".html"))::iterator) {
        String s = Files.readString(p);
        for (Matcher m : List.of(inlineScript.matcher(s), inline.matcher(s))) while (m.find()) found.add(p + ": " + m.group());
      }
    }
    assertTrue(found.isEmpty(), "inline code the CSP blocks: " + found);
  }
}
