package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.policysearch.search.Json;

/**
 * Issue 20: the reader pages a long document. A generated compendium of 3,000 paragraphs (about
 * 1.4 MB of text, English and Chinese) comes a page at a time: every answer stays under 400 KB, the
 * pages cover every passage once, and match numbers count every match of the document (brute force
 * over the generated text), in the API and in the browser, which loads more while scrolling down
 * and up and loads the page of a match it steps to.
 */
class LongDocumentReaderBrowserTest extends BrowserTestBase {
  static final int PARAGRAPHS = 3000;
  static final String WORD = "quasarline";
  static final int MAX_ANSWER_BYTES = 400_000;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private String text;
  private String docId;

  @Override
  UiServer startServer() {
    try {
      Path corpus = Files.createTempDirectory("ui-long-doc");
      Random rnd = new Random(20);
      StringBuilder b = new StringBuilder("Compendium of generated regulations\n\n");
      String[] words = {"industrial", "policy", "capacity", "standards", "enterprise", "procurement", "technology",
          "investment", "security", "innovation", "market", "subsidy", "review", "license", "province"};
      for (int i = 1; i <= PARAGRAPHS; i++) {
        b.append("Article ").append(i).append(". ");
        for (int w = 0; w < 55; w++) b.append(words[rnd.nextInt(words.length)]).append(w % 11 == 10 ? ". " : " ");
        if (i % 17 == 5) b.append(WORD).append(' ');
        if (i % 3 == 0) b.append("第").append(i).append("条 国家支持企业技术创新，推动产业升级和标准化工作。");
        b.append("\n\n");
      }
      text = b.toString();
      Files.writeString(corpus.resolve("compendium.en.txt"), text);
      Files.writeString(corpus.resolve("short-note.en.txt"), "A short note\n\nOne paragraph naming " + WORD + " once.\n");
      UiServer s = UiServer.over(corpus);
      for (JsonNode d : s.json("/api/docs")) if (d.get("file").asText().contains("compendium")) docId = d.get("id").asText();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int occurrences() {
    Matcher m = Pattern.compile("\\b" + WORD + "\\b").matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  /** GET the reader route: the JSON and the size of the answer in bytes. */
  private JsonNode page(String params, int[] bytes) {
    try {
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/docs/" + docId + params))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
      bytes[0] = r.body().length;
      return Json.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void pagesCoverEveryPassageOnceUnderTheSizeLimitAndCountEveryMatch() {
    int[] bytes = new int[1];
    JsonNode first = page("?q=" + WORD, bytes);
    int count = first.get("passage_count").asInt();
    assertTrue(count > PARAGRAPHS / 2, "passages: " + count);
    assertTrue(bytes[0] < MAX_ANSWER_BYTES, "first answer: " + bytes[0] + " bytes");
    assertTrue(first.get("passages").size() < count, "the first answer is a page, not the whole document");
    assertEquals(occurrences(), first.get("match_count").asInt(), "match_count counts the whole document");

    // scrolling down from the start: contiguous pages, every passage once, matches add up
    Set<String> anchors = new HashSet<>();
    int next = 0, matches = 0, pages = 0;
    while (next < count) {
      JsonNode p = page("?q=" + WORD + "&from=" + next, bytes);
      assertTrue(bytes[0] < MAX_ANSWER_BYTES, "page at " + next + ": " + bytes[0] + " bytes");
      assertEquals(next, p.get("from").asInt());
      assertEquals(matches, p.get("matches_before").asInt(), "matches before position " + next);
      for (JsonNode v : p.get("passages")) {
        assertTrue(anchors.add(v.get("anchor").asText()), "passage twice: " + v.get("anchor"));
        matches += v.get("matches").size();
      }
      next += p.get("passages").size();
      pages++;
    }
    assertEquals(count, anchors.size());
    assertEquals(occurrences(), matches);
    assertTrue(pages >= 4, "pages: " + pages);

    // scrolling up from a deep link, and the page of the last match
    JsonNode up = page("?before=" + count, bytes);
    assertEquals(count, up.get("from").asInt() + up.get("passages").size(), "the page before the end ends at the end");
    JsonNode last = page("?q=" + WORD + "&match=" + (occurrences() - 1), bytes);
    int at = occurrences() - 1 - last.get("matches_before").asInt();
    int seen = 0;
    boolean found = false;
    for (JsonNode v : last.get("passages")) {
      if (at >= seen && at < seen + v.get("matches").size()) found = true;
      seen += v.get("matches").size();
    }
    assertTrue(found, "the page of the last match holds it");
  }

  @Test
  void theReaderLoadsMoreWhileScrollingAndStepsToMatchesOutsideThePage() {
    browser.open("/d/" + docId + "?q=" + WORD);
    browser.await("#passages section.passage mark.current");
    int total = occurrences();
    browser.until(d -> browser.find("#match-pos").getText().equals("1 of " + total));
    long loaded = ((Number) browser.js("return document.querySelectorAll('#passages section.passage').length")).longValue();
    assertTrue(loaded < PARAGRAPHS, "a page, not the whole document: " + loaded);

    // scrolling to the bottom loads the next page
    browser.js("window.scrollTo(0, document.documentElement.scrollHeight)");
    browser.until(d -> ((Number) browser.js("return document.querySelectorAll('#passages section.passage').length"))
        .longValue() > loaded);

    // previous from the first match wraps to the last one, on a page that was not loaded
    browser.find("#match-prev").click();
    browser.until(d -> browser.find("#match-pos").getText().equals(total + " of " + total));
    WebElement current = browser.await("mark.current").get(0);
    browser.until(d -> browser.inView(current));
    String lastArticle = current.findElement(org.openqa.selenium.By.xpath("ancestor::section")).getText();
    int lastI = PARAGRAPHS - (PARAGRAPHS - 5) % 17;
    assertTrue(lastArticle.contains("Article " + lastI + "."), "the last match is in article " + lastI);
    browser.find("#match-next").click();
    browser.until(d -> browser.find("#match-pos").getText().equals("1 of " + total));

    // a deep link far down; scrolling up loads earlier passages above it and keeps it on screen
    JsonNode deep = server.json("/api/docs/" + docId + "?from=2500");
    String anchor = deep.get("passages").get(0).get("anchor").asText();
    browser.open("/d/" + docId + "#" + anchor);
    WebElement target = browser.await("#passages section.passage.target").get(0);
    assertEquals(anchor, target.getAttribute("id"));
    browser.until(d -> browser.inView(target));
    long firstPos = ((Number) browser.js("return Number(document.querySelector('#passages section.passage').dataset.position)")).longValue();
    assertTrue(firstPos > 0, "the page starts inside the document");
    browser.js("window.scrollTo(0, 0)");
    browser.until(d -> ((Number) browser.js("return Number(document.querySelector('#passages section.passage').dataset.position)"))
        .longValue() < firstPos);
    // the where-you-are bar counts the passages of the whole document
    String of = "of " + String.format(java.util.Locale.ROOT, "%,d", deep.get("passage_count").asInt());
    browser.js("window.scrollTo(0, document.getElementById(arguments[0]).offsetTop); window.dispatchEvent(new Event('scroll'));", anchor);
    browser.until(d -> browser.find("#reader-where").getText().contains(of));
  }
}
