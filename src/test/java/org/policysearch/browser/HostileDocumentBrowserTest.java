package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: a document whose text holds markup ({@code <img src=x onerror=...>}, {@code <script>})
 * shows it as text on every page that shows document text, and nothing of it runs.
 */
class HostileDocumentBrowserTest extends BrowserTestBase {
  String docId;

  @Override
  UiServer startServer() {
    return UiServer.demo();
  }

  @BeforeAll
  void findTheHostileDocument() {
    for (JsonNode d : server.json("/api/docs")) {
      if (d.get("source").asText().equals(UiServer.XSS_FILE)) docId = d.get("id").asText();
    }
    assertTrue(docId != null, "the hostile document is indexed");
  }

  private void assertInert(String page) {
    browser.settle();
    assertEquals((Object) null, browser.js("return window.__xss === undefined ? null : String(window.__xss)"), page + ": injected script ran");
    assertEquals(0L, (long) (Long) browser.js("return document.querySelectorAll('img[src=\"x\"], img[onerror], b[onmouseover], [onerror], [onmouseover]').length"),
        page + ": markup from the document became elements");
    assertEquals(0L, (long) (Long) browser.js("return [...document.scripts].filter(s => !s.src).length"), page + ": inline script elements");
  }

  @Test
  void searchResultsShowTheMarkupAsText() {
    browser.open("/?q=" + UiServer.XSS_WORD);
    browser.await("#results li.hit .snippet mark");
    String text = browser.js("return [...document.querySelectorAll('#results .snippet')].map(s => s.textContent).join('\\n')");
    assertTrue(text.contains(UiServer.IMG_PAYLOAD) && text.contains(UiServer.SCRIPT_PAYLOAD), text);
    assertInert("search");
    browser.screenshots("hostile-search", "#results li.hit .snippet mark", null);
  }

  @Test
  void readerShowsTheMarkupAsText() {
    browser.open("/d/" + docId + "?q=" + UiServer.XSS_WORD);
    browser.await("#passages section.passage mark");
    String text = browser.find("#passages").getText();
    assertTrue(text.contains(UiServer.IMG_PAYLOAD) && text.contains(UiServer.SCRIPT_PAYLOAD)
        && text.contains("<b onmouseover=window.__xss=3>bold?</b>"), text);
    assertInert("reader");
  }

  @Test
  void termPagesShowTheMarkupAsText() {
    JsonNode doc = server.json("/api/docs/" + docId);
    String term = null;
    for (JsonNode p : doc.get("passages")) {
      if (p.get("terms").size() > 0) term = p.get("terms").get(0).get("id").asText();
    }
    assertTrue(term != null, "the hostile document mentions a glossary term");
    browser.open("/terms");
    browser.await("#heatmap svg rect.cell[data-doc='" + docId + "']");
    assertInert("terms");
    browser.open("/terms/" + term + "?doc=" + docId);
    browser.await("#concordance li.conc-passage");
    assertTrue(browser.find("#concordance").getText().contains(UiServer.IMG_PAYLOAD), browser.find("#concordance").getText());
    assertInert("concordance");
    assertFalse(browser.all("#concordance .passage-text").isEmpty());
  }

  @Test
  void contentSecurityPolicyBlocksInlineScriptsAndViolationsAreSeen() {
    browser.open("/?q=" + UiServer.XSS_WORD);
    browser.await("#results li.hit");
    browser.js("const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.appendChild(s);"
        + "const b = document.createElement('button'); b.setAttribute('onclick', 'window.__inline = 2');"
        + "document.body.appendChild(b); b.click(); b.remove();");
    browser.until(d -> browser.js("return JSON.parse(sessionStorage.getItem('__problems') || '[]').filter(p => p.includes('CSP')).length >= 2"));
    assertEquals((Object) null, browser.js("return window.__inline === undefined ? null : String(window.__inline)"), "the CSP stopped both");
    java.util.List<Object> seen = browser.takePageProblems();
    assertTrue(seen.stream().anyMatch(p -> String.valueOf(p).contains("CSP blocked script-src-elem")), "recorded: " + seen);
    assertTrue(seen.stream().anyMatch(p -> String.valueOf(p).contains("CSP blocked script-src-attr")), "recorded: " + seen);
  }
}
