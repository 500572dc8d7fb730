package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Issue 5, search page: typing, marked hits, facets, URL state (reload, back/forward), errors, keyboard. */
class SearchPageBrowserTest extends BrowserTestBase {
  static final String QUERY = "安全可控";


  @Override
  UiServer startServer() {
    return UiServer.demo();
  }


  @Test
  void typedQueryShowsMarkedHitsAndTheUrlHoldsIt() {
    browser.open("/");
    browser.await("#message .doc-list li"); // the idle page lists the indexed documents
    browser.find("#q").sendKeys(QUERY);
    List<WebElement> hits = browser.await("#results li.hit");
    JsonNode api = server.json("/api/search?q=" + UiServer.enc(QUERY));
    assertEquals(Math.min(20, api.get("hits").size()), hits.size(), "hits on the first page");
    assertEquals("/?q=" + UiServer.enc(QUERY), browser.pathAndQuery().replace("+", "%20"));
    assertTrue(browser.find("#count").getText().startsWith(String.format("%,d passage", api.get("total").asLong())),
        browser.find("#count").getText());

    for (int i = 0; i < hits.size(); i++) {
      WebElement hit = hits.get(i);
      JsonNode h = api.get("hits").get(i);
      assertEquals(h.get("passage").asText(), hit.getAttribute("data-anchor"), "hit " + i + " in the server's order");
      assertFalse(hit.findElements(org.openqa.selenium.By.cssSelector(".snippet mark")).isEmpty(), "hit " + i + " has marks");
      assertFalse(hit.findElement(org.openqa.selenium.By.cssSelector(".hit-title a")).getText().isBlank(), "title");
      assertFalse(hit.findElements(org.openqa.selenium.By.cssSelector(".hit-meta .badge")).isEmpty(), "language badge");
      String url = hit.findElement(org.openqa.selenium.By.cssSelector(".copy-link")).getAttribute("data-url");
      assertEquals(server.base() + h.get("link").asText(), url, "copy-link is the absolute deep link");
    }
    // every mark is one of the query's forms (the term or a glossary variant it expands to)
    List<String> marked = browser.js("return [...document.querySelectorAll('#results .snippet mark')].map(m => m.textContent)");
    for (String m : marked) {
      String t = m.toLowerCase(java.util.Locale.ROOT);
      assertTrue(t.contains("安全可控") || t.contains("secure") || t.contains("controllab") || t.contains("safe")
          || t.contains("security"), "marked text: " + m);
    }
    browser.screenshots("search-results", "#results li.hit .snippet mark", null);
  }

  /** Issue 16: a misspelt term finds nothing, and the page offers the term as a link that searches it. */
  @Test
  void misspeltTermOffersDidYouMeanLink() {
    browser.open("/?q=" + UiServer.enc("semiconducter"));
    WebElement link = browser.await("#didyoumean a.suggestion").get(0);
    assertEquals("semiconductor", link.getText());
    assertEquals("No results", browser.find("#count").getText());
    link.click();
    browser.until(d -> browser.pathAndQuery().equals("/?q=semiconductor"));
    List<WebElement> hits = browser.await("#results li.hit");
    assertFalse(hits.isEmpty());
    assertFalse(browser.find("#didyoumean").isDisplayed(), "no suggestion once the query finds enough");
  }

  @Test
  void termFacetNarrowsResultsAndTheUrlRestoresTheState() {
    browser.open("/?q=" + UiServer.enc("security"));
    browser.await("#results li.hit");
    long total = server.json("/api/search?q=security").get("total").asLong();
    // a term that narrows the results
    WebElement facet = null;
    for (WebElement f : browser.all("#facet-terms button.facet")) {
      long c = Long.parseLong(f.findElement(org.openqa.selenium.By.cssSelector(".facet-count")).getText().replace(",", ""));
      if (c < total && c > 1) {
        facet = f;
        break;
      }
    }
    assertTrue(facet != null, "a term facet that narrows " + total + " results");
    String term = facet.getAttribute("data-id");
    long expected = server.json("/api/search?q=security&term=" + UiServer.enc(term)).get("total").asLong();
    assertEquals("false", facet.getAttribute("aria-pressed"));
    facet.click();

    browser.until(d -> browser.pathAndQuery().contains("term=" + term));
    waitForFilteredResults(term, expected);
    assertEquals("true", browser.find("#facet-terms button.facet[data-id='" + term + "']").getAttribute("aria-pressed"));
    assertEquals(1, browser.all("#active-filters .chip[data-filter='term'][data-id='" + term + "']").size(), "active filter chip");
    browser.screenshots("search-filtered", "#results li.hit .snippet mark", null);
    waitForFilteredResults(term, expected);

    // reload restores query, filter and results
    String url = browser.pathAndQuery();
    browser.driver.navigate().refresh();
    waitForFilteredResults(term, expected);
    assertEquals(url, browser.pathAndQuery());
    assertEquals("security", browser.find("#q").getAttribute("value"));

    // back: the unfiltered results; forward: the filter again
    browser.driver.navigate().back();
    browser.until(d -> !browser.pathAndQuery().contains("term="));
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", total)));
    assertTrue(browser.all("#active-filters .chip").isEmpty(), "no filter chip after back");
    browser.driver.navigate().forward();
    browser.until(d -> browser.pathAndQuery().contains("term=" + term));
    waitForFilteredResults(term, expected);

    // clicking the active facet again removes the filter
    browser.find("#facet-terms button.facet[data-id='" + term + "']").click();
    browser.until(d -> !browser.pathAndQuery().contains("term="));
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", total)));

    // and so does the chip's ×
    browser.open("/?q=security&term=" + UiServer.enc(term));
    waitForFilteredResults(term, expected);
    browser.find("#active-filters .chip[data-filter='term']").click();
    browser.until(d -> !browser.pathAndQuery().contains("term="));
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", total)));
  }

  private void waitForFilteredResults(String term, long expected) {
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", expected)));
    List<WebElement> hits = browser.await("#results li.hit");
    for (WebElement h : hits) {
      assertFalse(h.findElements(org.openqa.selenium.By.cssSelector(".term-chip[data-term='" + term + "']")).isEmpty(),
          "every hit mentions " + term + ": " + h.getAttribute("data-anchor"));
    }
  }

  @Test
  void slashFocusesTheSearchBoxAndEscapeClearsIt() {
    browser.open("/?q=security");
    browser.await("#results li.hit");
    browser.js("document.activeElement.blur()");
    assertFalse("q".equals(browser.js("return document.activeElement.id")));
    new Actions(browser.driver).sendKeys("/").perform();
    assertEquals("q", browser.js("return document.activeElement.id"));
    assertEquals("security", browser.find("#q").getAttribute("value"), "the slash is not typed into the box");
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform(); // closes suggestions if open
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.until(d -> browser.find("#q").getAttribute("value").isEmpty());
    browser.until(d -> browser.pathAndQuery().equals("/"));
  }

  @Test
  void enterSearchesAndSuggestionsComeFromTheServer() {
    browser.open("/");
    browser.await("#message .doc-list li");
    WebElement q = browser.find("#q");
    q.sendKeys("cyber");
    browser.await("#suggestions li[role=option]");
    assertEquals("true", q.getAttribute("aria-expanded"));
    q.sendKeys("security law", Keys.ENTER);
    browser.until(d -> browser.pathAndQuery().equals("/?q=cybersecurity+law") || browser.pathAndQuery().equals("/?q=cybersecurity%20law"));
    browser.await("#results li.hit .snippet mark");
  }

  @Test
  void badQueryShowsTheServersMessage() {
    String bad = "\"critical information";
    UiServer.Answer a = server.get("/api/search?q=" + UiServer.enc(bad));
    assertEquals(400, a.status());
    String message = a.body().get("message").asText();
    browser.open("/?q=" + UiServer.enc(bad));
    WebElement m = browser.await("#message.message-error").get(0);
    assertTrue(m.getText().contains(message), "shows '" + message + "', got: " + m.getText());
    assertTrue(browser.all("#results li.hit").isEmpty());
  }

  @Test
  void noResultsExplainsAndOffersToRemoveTheFilter() {
    browser.open("/?q=security&lang=zh&term=made-in-china-2025&doc=2024-white-house-fact-sheet-section-301-tariffs-en-html");
    WebElement m = browser.await("#message.message-empty").get(0);
    assertTrue(m.getText().contains("No results for"), m.getText());
    assertFalse(browser.all("#message button.remove-filter").isEmpty(), "offers to remove a filter");
    assertFalse(browser.all("#message details.syntax-help").isEmpty(), "offers query syntax help");
  }
}
