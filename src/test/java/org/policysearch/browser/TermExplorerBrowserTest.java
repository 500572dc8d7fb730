package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 5, term explorer: the heatmap is exactly the API's counts; a cell opens the concordance. */
class TermExplorerBrowserTest extends BrowserTestBase {

  @Override
  UiServer startServer() {
    return UiServer.demo();
  }


  @Test
  void heatmapHasOneCellPerTermAndDocumentWithMentions() {
    // every term and every document (the map shows the top 30 terms until "show all")
    browser.open("/terms?all=both");
    browser.await("#heatmap svg rect.cell");
    Set<String> expected = new TreeSet<>();
    for (JsonNode t : server.json("/api/terms").get("terms")) {
      for (JsonNode bd : t.get("by_doc")) {
        if (bd.get("count").asLong() > 0) expected.add(t.get("id").asText() + " | " + bd.get("doc").asText() + " | " + bd.get("count").asLong());
      }
    }
    List<String> cells = browser.js("return [...document.querySelectorAll('#heatmap svg rect.cell')]"
        + ".map(r => r.dataset.term + ' | ' + r.dataset.doc + ' | ' + r.dataset.count)");
    assertEquals(expected.size(), cells.size(), "one cell per pair, none twice");
    assertEquals(expected, new TreeSet<>(cells));
    // each cell links to that term's passages in that document
    List<String> bad = browser.js("return [...document.querySelectorAll('#heatmap svg rect.cell')].filter(r => {"
        + "const a = r.closest('a'); return !a || a.getAttribute('href') !== '/terms/' + encodeURIComponent(r.dataset.term)"
        + " + '?doc=' + encodeURIComponent(r.dataset.doc); }).map(r => r.dataset.term + ' ' + r.dataset.doc)");
    assertTrue(bad.isEmpty(), "cells without the right link: " + bad);
    assertFalse(browser.all("#terms-table tbody tr[data-term] svg.spark").isEmpty(), "use over time per term");
    browser.screenshots("terms-heatmap", "#heatmap svg rect.cell", null);
  }

  @Test
  void clickingACellOpensTheConcordanceOfThatDocument() {
    browser.open("/terms");
    browser.await("#heatmap svg rect.cell");
    // the busiest cell of the top row
    WebElement cell = browser.js("const cells = [...document.querySelectorAll('#heatmap svg g.row')[0].querySelectorAll('rect.cell')];"
        + "cells.sort((a, b) => b.dataset.count - a.dataset.count); return cells[0]");
    String term = cell.getAttribute("data-term");
    String doc = cell.getAttribute("data-doc");
    browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell);
    cell.click();
    browser.until(d -> browser.pathAndQuery().equals("/terms/" + term + "?doc=" + doc));
    browser.await("#concordance section.conc-doc[data-doc='" + doc + "'] li.conc-passage");

    JsonNode api = server.json("/api/terms/" + UiServer.enc(term) + "?doc=" + UiServer.enc(doc));
    JsonNode d = api.get("docs").get(0);
    assertEquals(1, browser.all("#concordance section.conc-doc").size(), "only that document");
    List<String> anchors = browser.js("return [...document.querySelectorAll('#concordance li.conc-passage')].map(li => li.dataset.anchor)");
    assertEquals(d.get("passages").findValuesAsText("anchor"), anchors);
    long count = d.get("count").asLong();
    assertEquals(String.format("%,d %s", count, count == 1 ? "mention" : "mentions"),
        browser.find("#concordance .conc-doc .count-badge").getText());
    List<String> unmarked = browser.js("return [...document.querySelectorAll('#concordance li.conc-passage')]"
        + ".filter(li => !li.querySelector('.mention.this-term')).map(li => li.dataset.anchor)");
    assertTrue(unmarked.isEmpty(), "passages without the term underlined: " + unmarked);
    browser.screenshots("concordance", "#concordance li.conc-passage", null);

    // the whole concordance: every document that uses the term
    browser.find("#show-all").click();
    browser.until(d2 -> browser.pathAndQuery().equals("/terms/" + term));
    JsonNode all = server.json("/api/terms/" + UiServer.enc(term));
    browser.until(d2 -> browser.all("#concordance section.conc-doc").size() == all.get("docs").size());
    WebElement open = browser.find("#concordance li.conc-passage a[href^='/d/']");
    String anchor = open.findElement(By.xpath("ancestor::li[1]")).getAttribute("data-anchor");
    open.click();
    WebElement target = browser.await("#passages section.passage.target").get(0);
    assertEquals(anchor, target.getAttribute("id"));
  }
}
