package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.policysearch.extraction.Ocr;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;

/**
 * Issue 15: text read by OCR is marked as such over HTTP and on the pages, since it may hold
 * recognition errors. A scan of a real page of the demo corpus's Chinese law beside a text file.
 */
class OcrBrowserTest extends BrowserTestBase {
  static final String SCAN = "scanned-law-pdf";

  @Override
  UiServer startServer() {
    assumeTrue(Ocr.availability().usable(), "Tesseract is not installed here (.ci/run installs it)");
    Path law = DemoCorpus.folder().resolve("2016-cybersecurity-law.zh.pdf");
    assumeTrue(Files.exists(law), "the demo corpus is not beside the repository");
    try {
      Path corpus = Files.createTempDirectory("ocr-corpus");
      Fixtures.scannedPdf(corpus.resolve("scanned-law.pdf"), law, 0, 1, 200);
      Fixtures.text(corpus.resolve("typed-note.txt"), "A typed note on 网络安全 with a text of its own.\n");
      return UiServer.over(corpus);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theApiMarksOcrdPassagesAndDocuments() {
    JsonNode r = server.json("/api/search?q=" + UiServer.enc("\"网络安全\""));
    boolean scan = false, typed = false;
    for (JsonNode h : r.get("hits")) {
      if (h.get("doc").asText().equals(SCAN)) {
        scan = true;
        assertTrue(h.get("ocr").asBoolean(), h.toString());
        assertEquals(1, h.get("page").asInt());
      } else {
        typed = true;
        assertFalse(h.get("ocr").asBoolean(), h.toString());
      }
    }
    assertTrue(scan && typed, r.toString());
    JsonNode doc = server.json("/api/docs/" + SCAN);
    assertEquals(1, doc.get("ocr_pages").asInt());
    assertTrue(doc.get("passages").get(0).get("ocr").asBoolean());
  }

  @Test
  void searchPageAndReaderShowTheOcrMark() {
    browser.open("/?q=" + UiServer.enc("\"网络安全\""));
    browser.await("#results li.hit");
    long marked = browser.all("#results li.hit").stream()
        .filter(li -> !li.findElements(org.openqa.selenium.By.cssSelector(".hit-meta .ocr")).isEmpty()).count();
    assertTrue(marked >= 1 && marked < browser.all("#results li.hit").size(), "only the scan's hits are marked: " + marked);

    browser.open("/d/" + SCAN);
    browser.await("#passages section.passage");
    WebElement meta = browser.find("#doc-meta");
    assertTrue(meta.getText().contains("OCR on 1 of 1 pages"), meta.getText());
    assertEquals(browser.all("#passages section.passage").size(), browser.all("#passages section.passage.ocr-text").size());
    assertFalse(browser.all("#passages section.passage .passage-tools .ocr").isEmpty());
  }
}
