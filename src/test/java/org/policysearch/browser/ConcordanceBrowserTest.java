package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 18 on the term explorer, the concordance and the reader: keyword-in-context lines and their
 * CSV, the glossary note kept apart, units, heatmap controls, reader Find and "where you are".
 */
class ConcordanceBrowserTest extends BrowserTestBase {
  private static final String TERM = "secure-and-controllable";

  @Override
  UiServer startServer() {
    return UiServer.demo();
  }

  @Test
  void keywordInContextLinesAndTheirCsvListEveryMention() throws Exception {
    JsonNode api = server.json("/api/terms/" + TERM);
    List<String> expected = new ArrayList<>();
    for (JsonNode d : api.get("docs")) {
      for (JsonNode p : d.get("passages")) {
        String text = p.get("text").asText();
        for (JsonNode m : p.get("mentions")) {
          if (m.get("term").asText().equals(TERM)) expected.add(text.substring(m.get("start").asInt(), m.get("end").asInt()));
        }
      }
    }
    assertEquals(api.get("mentions").asLong(), expected.size());
    browser.open("/terms/" + TERM);
    browser.await("#concordance li.conc-passage");
    browser.find("#kwic-mode").click();
    browser.until(d -> browser.find("#concordance table.kwic").isDisplayed());
    browser.until(d -> browser.pathAndQuery().equals("/terms/" + TERM + "?view=kwic"));
    browser.open(browser.pathAndQuery());
    browser.until(d -> browser.find("#concordance table.kwic").isDisplayed());
    List<String> matches = browser.js("return [...document.querySelectorAll('#concordance table.kwic td.kwic-match')].map(td => td.textContent)");
    assertEquals(expected, matches, "one line per mention, documents by date");
    // aligned: every match cell starts at the same x
    List<Number> xs = browser.js("return [...document.querySelectorAll('#concordance table.kwic')].map(t => t.querySelector('td.kwic-match').getBoundingClientRect().left)");
    assertEquals(1, xs.stream().map(Number::longValue).distinct().count(), "the term column is aligned: " + xs);
    assertTrue(browser.find("#term-summary").getText().matches("[\\d,]+ mentions? in [\\d,]+ passages? of [\\d,]+ documents?"), browser.find("#term-summary").getText());
    browser.screenshots("concordance-kwic", "#concordance table.kwic td.kwic-match", null);

    String href = browser.find("#export-kwic").getAttribute("href");
    HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, res.statusCode());
    byte[] b = res.body();
    assertTrue((b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF, "UTF-8 BOM");
    String[] lines = new String(b, 3, b.length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertEquals("doc,title,date,page,language,left,match,right,link", lines[0]);
    assertEquals(expected.size() + 1, lines.length);
    for (int i = 1; i < lines.length; i++) assertTrue(lines[i].contains("," + expected.get(i - 1) + ","), lines[i]);
    assertTrue(lines[1].contains(server.base() + "/p/"), lines[1]);
  }

  @Test
  void theGlossaryNoteIsKeptApartFromTheText() {
    String id = null;
    for (JsonNode t : server.json("/api/terms").get("terms")) {
      JsonNode d = server.json("/api/terms/" + UiServer.enc(t.get("id").asText()));
      if (d.hasNonNull("note") && !d.get("note").asText().isBlank() && d.get("mentions").asLong() > 0) { id = t.get("id").asText(); break; }
    }
    assertTrue(id != null, "a concept with a note");
    browser.open("/terms/" + UiServer.enc(id));
    browser.await("#concordance li.conc-passage");
    WebElement note = browser.find("#term-note");
    assertEquals("details", note.getTagName());
    assertEquals("Glossary note", note.findElement(By.tagName("summary")).getText());
    assertFalse(note.getAttribute("open") != null, "folded");
    String body = browser.js("return document.querySelector('#concordance').textContent");
    String text = server.json("/api/terms/" + UiServer.enc(id)).get("note").asText();
    assertFalse(body.contains(text), "not in the concordance");
  }

  @Test
  void heatmapControlsSortAndShowAllAndLabelsStayInView() {
    browser.open("/terms");
    browser.await("#heatmap svg rect.cell");
    int terms = server.json("/api/terms").get("terms").size();
    assertEquals(30, browser.all("#heatmap svg.heatmap-svg g.row").size(), "the top 30 terms first");
    browser.find("#hm-all-rows").click();
    browser.until(d -> browser.pathAndQuery().contains("all=rows"));
    assertTrue(browser.all("#heatmap svg.heatmap-svg g.row").size() > 30);
    assertTrue(browser.all("#heatmap svg.heatmap-svg g.row").size() <= terms);
    // rows A-Z
    new org.openqa.selenium.support.ui.Select(browser.find("#hm-rows")).selectByValue("alpha");
    List<String> glossaryRows = browser.js("return [...document.querySelectorAll('#heatmap .hm-rows a text.row-label')].map(t => t.dataset.term).filter(id => !id.startsWith('cites-'))");
    List<String> labels = new ArrayList<>();
    for (String id : glossaryRows) labels.add(browser.js("return document.querySelector('#heatmap .hm-rows text.row-label[data-term=\"' + arguments[0] + '\"]').textContent", id));
    List<String> sorted = new ArrayList<>(labels);
    sorted.sort(java.text.Collator.getInstance(java.util.Locale.ENGLISH));
    assertEquals(labels.size(), sorted.size());
    // a year axis above the columns; cited documents' rows carry year and format
    assertFalse(browser.all("#heatmap .hm-cols text.year-label").isEmpty());
    List<String> cited = browser.js("return [...document.querySelectorAll('#heatmap .hm-rows text.row-label')].filter(t => t.dataset.term.startsWith('cites-')).map(t => t.lastChild.textContent)");
    assertFalse(cited.isEmpty());
    assertEquals(cited.size(), new java.util.HashSet<>(cited).size(), "cited documents told apart: " + cited);
    for (String c : cited) assertTrue(c.matches(".* · (\\d{4}|undated)( · \\S+)?"), c);
    // scrolled down and right, the labels are still in view
    assertTrue(LargeHeatmapBrowserTest.labelsInViewAfterScrolling(browser, "400", "200"), "sticky heads");
    browser.screenshots("terms-heatmap-all", "#heatmap svg rect.cell", null);
  }

  @Test
  void readerFindEnterGoesToTheNextMatchAndAFreshDeepLinkSaysWhereItIs() {
    // the last passage that says it: far down the document, where the heading is off screen
    JsonNode hit = null;
    for (JsonNode h : server.json("/api/search?q=" + UiServer.enc("\"网络安全\"") + "&doc=2016-cybersecurity-law-zh-pdf&limit=100").get("hits")) {
      if (hit == null || h.get("ordinal").asInt() > hit.get("ordinal").asInt()) hit = h;
    }
    browser.open(hit.get("link").asText());
    WebElement target = browser.await("#passages section.passage.target").get(0);
    browser.until(d -> browser.find("#reader-where").isDisplayed());
    String where = browser.find("#reader-where").getText();
    assertTrue(where.contains("中华人民共和国网络安全法") && where.contains("2016") && where.contains("p. "), where);
    browser.screenshots("reader-deep-link", "#passages section.passage.target", "#passages section.passage.target");

    WebElement find = browser.find("#find");
    find.clear();
    find.sendKeys("网络", org.openqa.selenium.Keys.ENTER);
    // the first match at or after the linked passage, then each Enter the next one
    browser.until(d -> browser.find("#match-pos").getText().matches("\\d+ of \\d+"));
    int first = Integer.parseInt(browser.find("#match-pos").getText().split(" ")[0]);
    int n = Integer.parseInt(browser.find("#match-pos").getText().split(" of ")[1]);
    assertTrue(n > 3, "matches: " + n);
    find.sendKeys(org.openqa.selenium.Keys.ENTER);
    browser.until(d -> browser.find("#match-pos").getText().equals((first % n + 1) + " of " + n));
    find.sendKeys(org.openqa.selenium.Keys.ENTER);
    browser.until(d -> browser.find("#match-pos").getText().equals(((first + 1) % n + 1) + " of " + n));
    // the short link of a passage is offered
    WebElement shortLink = browser.find("#passages section.passage .short-link");
    assertTrue(shortLink.getAttribute("data-url").matches(".*/p/[a-z0-9-]+"), shortLink.getAttribute("data-url"));
  }

  @Test
  void aBrokenShortLinkShowsAPage() {
    browser.open("/p/nosuchanchor0");
    WebElement h = browser.await("#link-title").get(0);
    assertEquals("Passage not found", h.getText());
    assertTrue(browser.find("#link-text").getText().contains("/p/nosuchanchor0"));
  }

  @Test
  void keysWorkOnTheConcordanceAndTheTermExplorerToo() {
    browser.open("/terms/" + TERM);
    browser.await("#concordance li.conc-passage");
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("j").sendKeys("j").perform();
    browser.until(d -> browser.all("#concordance li.conc-passage").get(1).getAttribute("class").contains("kbd-current"));
    String href = browser.all("#concordance li.conc-passage").get(1).findElement(By.cssSelector("a[href]")).getAttribute("href");
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    browser.until(d -> d.getCurrentUrl().equals(href));
    browser.open("/terms");
    browser.await("#terms-table tbody tr[data-term]");
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("j").perform();
    browser.until(d -> browser.all("#terms-table tbody tr[data-term]").get(0).getAttribute("class").contains("kbd-current"));
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("/").perform();
    browser.until(d -> browser.pathAndQuery().equals("/"));
    browser.until(d -> "q".equals(browser.js("return document.activeElement.id")));
  }
}
