package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/** Issue 5, reader: deep links land on the passage, copied links open it again, matches step one by one. */
class ReaderBrowserTest extends BrowserTestBase {
  static final String QUERY = "secure and controllable";
  static final String DOC = "uschamber-2017-made-in-china-2025-en-pdf";


  @Override
  UiServer startServer() {
    return UiServer.demo();
  }


  /** Clipboard writes are recorded in window.__copied instead of reaching the system clipboard. */
  private void interceptClipboard() {
    browser.js("window.__copied = null;"
        + "const rec = (t) => { window.__copied = String(t); return Promise.resolve(); };"
        + "if (navigator.clipboard) navigator.clipboard.writeText = rec;"
        + "const exec = document.execCommand.bind(document);"
        + "document.execCommand = (c, ...a) => { if (c === 'copy') { window.__copied = document.activeElement.value; return true; } return exec(c, ...a); };");
  }

  private WebElement awaitTarget(String anchor) {
    WebElement target = browser.await("#passages section.passage.target").get(0);
    assertEquals(anchor, target.getAttribute("id"), "the highlighted passage");
    assertEquals(1, browser.all("section.passage.target").size(), "one highlighted passage");
    browser.until(d -> browser.inView(target));
    return target;
  }

  @Test
  void hitDeepLinkOpensThePassageInViewAndHighlighted() {
    browser.open("/?q=" + UiServer.enc(QUERY) + "&doc=" + DOC);
    browser.await("#results li.hit");
    // a passage far down the document, so landing on it needs a scroll
    String anchor = null;
    for (JsonNode h : server.json("/api/search?q=" + UiServer.enc(QUERY) + "&doc=" + DOC).get("hits")) {
      if (h.get("ordinal").asInt() > 40) {
        anchor = h.get("passage").asText();
        break;
      }
    }
    assertTrue(anchor != null, "a hit past passage 40");
    WebElement hit = browser.find("#results li.hit[data-anchor='" + anchor + "']");
    hit.findElement(By.cssSelector(".hit-title a")).click();

    WebElement target = awaitTarget(anchor);
    assertEquals("/d/" + DOC, browser.js("return location.pathname"));
    assertEquals("#" + anchor, browser.js("return location.hash"));
    assertTrue((Long) browser.js("return window.scrollY") > 1000, "scrolled down to the passage");
    assertFalse(target.findElements(By.cssSelector("mark")).isEmpty(), "query matches are marked in the passage");
    assertFalse(target.findElements(By.cssSelector("mark.current")).isEmpty(), "the current match is in the passage");
    assertTrue(browser.find("#match-pos").getText().matches("\\d+ of \\d+"), browser.find("#match-pos").getText());
    assertFalse(browser.all("#passages span.mention[data-term][title]").isEmpty(), "term mentions are underlined");
    assertFalse(browser.all("#passages .page-marker").isEmpty(), "page markers for the PDF pages");
    browser.screenshots("reader-deep-link", "#passages section.passage.target", "#passages section.passage.target");
  }

  @Test
  void copiedLinkOfAHitOpensTheSamePassageInANewPage() {
    browser.open("/?q=" + UiServer.enc(QUERY));
    WebElement hit = browser.await("#results li.hit").get(3);
    String anchor = hit.getAttribute("data-anchor");
    interceptClipboard();
    WebElement copy = hit.findElement(By.cssSelector(".copy-link"));
    copy.click();
    browser.until(d -> browser.js("return window.__copied") != null);
    String copied = browser.js("return window.__copied");
    assertEquals(copy.getAttribute("data-url"), copied);
    assertTrue(copied.startsWith(server.base() + "/d/") && copied.endsWith("#" + anchor), copied);
    browser.until(d -> copy.getText().contains("Copied"));

    openInNewPage(copied, anchor);
  }

  @Test
  void copiedLinkOfAPassageInTheReaderOpensItInANewPage() {
    JsonNode doc = server.json("/api/docs/" + DOC);
    String anchor = doc.get("passages").get(60).get("anchor").asText();
    browser.open("/d/" + DOC + "?q=" + UiServer.enc(QUERY) + "#" + anchor);
    WebElement target = awaitTarget(anchor);
    interceptClipboard();
    target.findElement(By.cssSelector(".copy-link")).click();
    browser.until(d -> browser.js("return window.__copied") != null);
    String copied = browser.js("return window.__copied");
    assertEquals(server.base() + "/d/" + DOC + "?q=" + UiServer.enc(QUERY) + "#" + anchor, copied.replace("+", "%20"));
    openInNewPage(copied, anchor);
  }

  private void openInNewPage(String url, String anchor) {
    String first = browser.driver.getWindowHandle();
    browser.driver.switchTo().newWindow(WindowType.TAB);
    try {
      browser.driver.get(url);
      awaitTarget(anchor);
    } finally {
      browser.driver.close();
      browser.driver.switchTo().window(first);
    }
  }

  @Test
  void stepsThroughTheMatchesOfTheQuery() {
    JsonNode doc = server.json("/api/docs/" + DOC + "?q=" + UiServer.enc(QUERY));
    int n = doc.get("match_count").asInt();
    assertTrue(n > 3, "matches: " + n);
    browser.open("/d/" + DOC + "?q=" + UiServer.enc(QUERY));
    browser.until(d -> browser.find("#match-pos").getText().equals("1 of " + n));
    browser.screenshots("reader-top", "mark.current", null);
    browser.until(d -> browser.find("#match-pos").getText().equals("1 of " + n));
    WebElement first = browser.find("mark.current");
    assertTrue(browser.inView(first), "first match in view");

    browser.find("#match-next").click();
    browser.until(d -> browser.find("#match-pos").getText().equals("2 of " + n));
    WebElement second = browser.find("mark.current");
    assertNotEquals(first, second);
    browser.until(d -> browser.inView(second));

    new Actions(browser.driver).sendKeys("n").perform();
    browser.until(d -> browser.find("#match-pos").getText().equals("3 of " + n));
    new Actions(browser.driver).sendKeys("p").perform();
    browser.until(d -> browser.find("#match-pos").getText().equals("2 of " + n));
    browser.find("#match-prev").click();
    browser.until(d -> browser.find("#match-pos").getText().equals("1 of " + n));
    browser.find("#match-prev").click();
    browser.until(d -> browser.find("#match-pos").getText().equals(n + " of " + n));
    WebElement last = browser.find("mark.current");
    browser.until(d -> browser.inView(last));
    // once scrolling has loaded every page of the document (issue 20: the reader pages long documents)
    browser.until(d -> {
      browser.js("window.scrollTo(0, document.documentElement.scrollHeight)");
      browser.js("window.scrollTo(0, 0)");
      return browser.find("#load-after").getAttribute("hidden") != null && browser.find("#load-before").getAttribute("hidden") != null;
    });
    assertEquals(n, browser.all("#passages mark.match-start").size(), "one match-start mark per match the server counts");
  }

  @Test
  void permalinkRedirectsToThePassage() {
    JsonNode doc = server.json("/api/docs/" + DOC);
    String anchor = doc.get("passages").get(80).get("anchor").asText();
    browser.open("/p/" + anchor + "?q=" + UiServer.enc(QUERY));
    awaitTarget(anchor);
    assertEquals("/d/" + DOC, browser.js("return location.pathname"));
  }

  @Test
  void vanishedPassageShowsTheServersNotice() {
    browser.open("/d/" + DOC + "?q=" + UiServer.enc(QUERY) + "#zz0000000000-999");
    WebElement notice = browser.await("#notice.notice-missing").get(0);
    String expected = server.json("/api/docs/" + DOC + "?anchor=zz0000000000-999").path("notice").asText("");
    assertTrue(notice.getText().contains(expected.isEmpty() ? "not found" : expected), notice.getText());
    assertTrue(browser.all("section.passage.target").isEmpty(), "no passage pretends to be the linked one");
  }
}
