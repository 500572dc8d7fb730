package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 18 on the search page: sort, filters in the URL, documents view, CSV export, saved searches, keyboard, labels. */
class AnalystWorkflowBrowserTest extends BrowserTestBase {
  private static final String Q = "安全可控";

  @Override
  UiServer startServer() {
    return UiServer.demo();
  }

  private List<String> hitDates() {
    return browser.js("return [...document.querySelectorAll('#results > li.hit time')].map(t => t.getAttribute('datetime'))");
  }

  @Test
  void sortingByDateAndFilteringByYearKeepTheStateInTheUrl() {
    browser.open("/?q=" + UiServer.enc(Q));
    browser.await("#results li.hit");
    browser.find("#refine summary").click();
    new Select(browser.find("#sort")).selectByValue("date_desc");
    browser.until(d -> browser.pathAndQuery().contains("sort=date_desc"));
    browser.await("#results li.hit");
    browser.until(d -> browser.find("#count").getText().contains("newest first"));
    List<String> dates = hitDates();
    List<String> sorted = new ArrayList<>(dates);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, dates, "newest first");
    JsonNode api = server.json("/api/search?q=" + UiServer.enc(Q) + "&sort=date_desc");
    assertEquals(api.get("hits").get(0).get("passage").asText(), browser.find("#results > li.hit").getAttribute("data-anchor"));

    browser.find("#year-from").sendKeys("2015");
    browser.find("#year-to").sendKeys("2016");
    browser.find("#refine-form button[type=submit]").click();
    browser.until(d -> browser.pathAndQuery().contains("from=2015") && browser.pathAndQuery().contains("to=2016"));
    browser.until(d -> !browser.all("#active-filters .chip[data-filter='from']").isEmpty());
    JsonNode years = server.json("/api/search?q=" + UiServer.enc("(" + Q + ") year:[2015 TO 2016]") + "&sort=date_desc");
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", years.get("total").asLong())));
    for (String date : hitDates()) assertTrue(date.startsWith("2015") || date.startsWith("2016"), date);
    // the state survives a reload: the form shows it and the same results come back
    browser.open(browser.pathAndQuery());
    browser.await("#results li.hit");
    assertEquals("2015", browser.find("#year-from").getAttribute("value"));
    assertEquals("date_desc", browser.find("#sort").getAttribute("value"));
    browser.screenshots("search-sorted-filtered", "#results li.hit", null);
  }

  @Test
  void formatIssuerAndLanguageFiltersNarrowTheResults() {
    browser.open("/?q=" + UiServer.enc("安全"));
    browser.await("#results li.hit");
    browser.find("#refine summary").click();
    browser.until(d -> browser.all("#f-format option").size() > 2);
    new Select(browser.find("#f-format")).selectByValue("text/html");
    browser.until(d -> browser.pathAndQuery().contains("format=text%2Fhtml"));
    browser.await("#results li.hit");
    JsonNode api = server.json("/api/search?q=" + UiServer.enc("安全") + "&filetype=text%2Fhtml");
    assertTrue(api.get("total").asLong() > 0);
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", api.get("total").asLong())));
    List<String> formats = browser.js("return [...document.querySelectorAll('#results > li.hit .format')].map(x => x.textContent)");
    assertFalse(formats.isEmpty());
    for (String f : formats) assertEquals("HTML", f);

    // the issuer list names each issuer once, as the issuer: filter knows it
    List<String> issuers = browser.js("return [...document.querySelectorAll('#f-issuer option')].map(o => o.value).filter(Boolean)");
    assertTrue(issuers.contains("国务院") && issuers.contains("The White House"), issuers.toString());
    new Select(browser.find("#f-issuer")).selectByValue("国务院");
    browser.until(d -> browser.pathAndQuery().contains("issuer="));
    JsonNode iss = server.json("/api/search?limit=0&filetype=text%2Fhtml&q=" + UiServer.enc("(安全) issuer:\"国务院\""));
    assertTrue(iss.get("total").asLong() > 0);
    browser.until(d -> browser.find("#count").getText().startsWith(String.format("%,d passage", iss.get("total").asLong())));
    for (WebElement f : browser.all("#facet-docs .facet")) assertTrue(f.getAttribute("data-id").contains("government-work-report"), f.getAttribute("data-id"));
    new Select(browser.find("#f-lang")).selectByValue("en");
    browser.until(d -> browser.pathAndQuery().contains("lang=en"));
    browser.await("#message.message-empty");
    assertFalse(browser.all("#message .remove-filter[data-filter='issuer']").isEmpty(), "no results names the filters to remove");
  }

  @Test
  void documentLabelsCarryYearAndFormatAndUnitsAreNamed() {
    browser.open("/?q=" + UiServer.enc("政府工作报告"));
    browser.await("#facet-docs .facet");
    List<String> metas = browser.js("return [...document.querySelectorAll('#facet-docs .facet')].map(b => b.querySelector('.facet-label').textContent + ' | ' + (b.querySelector('.facet-meta') || {}).textContent)");
    assertEquals(metas.size(), new java.util.HashSet<>(metas).size(), "no two facet labels alike: " + metas);
    for (String m : metas) assertTrue(m.matches(".* \\| (\\d{4}|undated) · \\S+"), m);
    assertTrue(browser.find("#count").getText().matches("[\\d,]+ passages? in [\\d,]+ documents?.*"), browser.find("#count").getText());
    // a concept made from a document's title (the three reports cite each other) names that document's year and format too
    List<String> terms = browser.js("return [...document.querySelectorAll('#facet-terms .facet')].map(b => b.textContent)");
    assertEquals(terms.size(), new java.util.HashSet<>(terms).size(), "no two term facets alike: " + terms);
    // the year and format are never clipped: the meta line is fully visible
    List<Boolean> clipped = browser.js("return [...document.querySelectorAll('#facet-docs .facet-meta')].map(m => m.scrollWidth > m.clientWidth + 1)");
    assertFalse(clipped.contains(true));
    browser.screenshots("search-labels", "#facet-docs .facet", null);
  }

  @Test
  void theDocumentsViewShowsEachDocumentOnceWithItsCountAndExpands() {
    browser.open("/?q=" + UiServer.enc(Q));
    browser.await("#results li.hit");
    browser.find("#show-docs").click();
    browser.until(d -> browser.pathAndQuery().contains("view=docs"));
    browser.await("#results li.hit.group");
    JsonNode api = server.json("/api/search?limit=0&q=" + UiServer.enc(Q));
    Map<String, Long> counts = new java.util.HashMap<>();
    for (JsonNode f : api.get("facets").get("docs")) counts.put(f.get("id").asText(), f.get("count").asLong());
    List<WebElement> groups = browser.all("#results > li.hit.group");
    assertEquals(counts.size(), groups.size(), "one row per document");
    for (WebElement g : groups) {
      long n = counts.get(g.getAttribute("data-doc"));
      assertEquals(String.format("%,d %s", n, n == 1 ? "passage" : "passages"), g.findElement(By.cssSelector(".passages-count")).getText());
    }
    WebElement first = groups.get(0);
    first.findElement(By.cssSelector(".expand-group")).click();
    long n = counts.get(first.getAttribute("data-doc"));
    browser.until(d -> first.findElements(By.cssSelector(".group-passages > li.hit")).size() == Math.min(100, n));
    String export = browser.find("#export-csv").getAttribute("href");
    assertTrue(export.contains("group=doc") && export.contains("format=csv"), export);
    assertEquals("Export CSV (documents)", browser.find("#export-csv").getText());
    browser.screenshots("search-documents-view", "#results li.hit.group", null);
    browser.find("#show-passages").click();
    browser.until(d -> !browser.pathAndQuery().contains("view=docs"));
    browser.await("#results > li.hit:not(.group)");
  }

  @Test
  void exportDownloadsEveryPassageAsCsvWithABom() {
    browser.open("/?q=" + UiServer.enc(Q) + "&sort=date_asc");
    browser.await("#results li.hit");
    WebElement a = browser.find("#export-csv");
    assertTrue(a.isDisplayed());
    String href = a.getAttribute("href");
    assertTrue(href.contains("format=csv") && href.contains("sort=date_asc"), href);
    // what the link downloads: fetched as the browser would, bytes checked
    @SuppressWarnings("unchecked")
    List<Object> r = (List<Object>) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(async res => { const b = new Uint8Array(await res.arrayBuffer());"
        + "done([res.headers.get('content-disposition'), b[0], b[1], b[2], new TextDecoder().decode(b).split('\\r\\n').filter(Boolean).length]); })", href);
    assertTrue(String.valueOf(r.get(0)).contains("attachment"));
    assertEquals(List.of(0xEFL, 0xBBL, 0xBFL), r.subList(1, 4));
    long total = server.json("/api/search?limit=0&q=" + UiServer.enc(Q)).get("total").asLong();
    assertTrue(total > 20, "more than one page");
    // header plus one line per passage (a passage with line breaks would add lines: the demo's hits here have none)
    assertTrue((Long) r.get(4) >= total + 1, r.toString());
  }

  @Test
  void aSavedSearchSurvivesAReloadAndCountsWhatIsNew() {
    browser.open("/");
    browser.js("localStorage.clear()");
    browser.open("/?q=" + UiServer.enc(Q) + "&lang=zh");
    browser.await("#results li.hit");
    browser.js("window.prompt = () => 'security zh'");
    browser.find("#save-search").click();
    browser.await("#saved-list a.saved-item");
    // as if the corpus watcher had added documents since: the stored counts are older
    browser.js("const l = JSON.parse(localStorage.getItem('policy-search.saved')); l[0].docs = l[0].docs.slice(1); l[0].total = l[0].total - 5;"
        + "localStorage.setItem('policy-search.saved', JSON.stringify(l))");
    browser.open("/");
    browser.await("#saved-list a.saved-item");
    assertEquals("security zh", browser.find("#saved-list a.saved-item").getText());
    browser.until(d -> browser.find("#saved-list .new-count").getText().equals("1 new document"));
    assertFalse(browser.all("#history-list a.history-item").isEmpty(), "recent searches are listed");
    browser.find("#saved-list a.saved-item").click();
    browser.until(d -> browser.pathAndQuery().contains("lang=zh") && browser.pathAndQuery().contains("q="));
    browser.await("#results li.hit");
    browser.open("/");
    browser.await("#saved-list a.saved-item");
    browser.settle();
    browser.until(d -> browser.find("#saved-list .new-count").getAttribute("hidden") != null);
    browser.js("localStorage.clear()");
  }

  @Test
  void jAndKMoveThroughResultsAndEnterOpens() {
    browser.open("/?q=" + UiServer.enc(Q));
    browser.await("#results li.hit");
    browser.js("document.activeElement.blur()");
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("j").sendKeys("j").sendKeys("k").sendKeys("j").perform();
    List<WebElement> hits = browser.all("#results > li.hit");
    browser.until(d -> hits.get(1).getAttribute("class").contains("kbd-current"));
    String href = hits.get(1).findElement(By.cssSelector(".hit-title a")).getAttribute("href");
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    browser.until(d -> d.getCurrentUrl().equals(href));
    browser.await("#passages section.passage.target");
    new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("/").perform();
    browser.until(d -> "find".equals(browser.js("return document.activeElement.id")));
  }

  @Test
  void printingResultsLeavesOutTheControls() {
    browser.open("/?q=" + UiServer.enc(Q));
    browser.await("#results li.hit");
    browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      List<String> shown = browser.js("return ['.site-header', '.facets', '.search-form', '.refine', '.results-tools', '.hit-actions', '#results li.hit .snippet']"
          + ".filter(s => { const e = document.querySelector(s); return e && getComputedStyle(e).display !== 'none'; })");
      assertEquals(List.of("#results li.hit .snippet"), shown, "only the results print");
    } finally {
      browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }
}
