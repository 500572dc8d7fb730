package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the term explorer over a corpus of 200+ documents (every 16th Chinese law of the benchmark
 * corpus, extracted to a temporary folder): the top of the map first, every document on "show all",
 * labels in view, the page no taller than the screen's share the map takes.
 */
class LargeHeatmapBrowserTest extends BrowserTestBase {
  static final Path ARCHIVE = Path.of("..", "shared", "bench-corpus", "laws-zh.tar.gz");

  @Override
  UiServer startServer() {
    assumeTrue(Files.isRegularFile(ARCHIVE), "the benchmark corpus is not beside the repository");
    try {
      Path corpus = Files.createTempDirectory("ui-large-corpus");
      int seen = 0, kept = 0;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(ARCHIVE));
           TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          if (!e.isFile() || !e.getName().endsWith(".md")) continue;
          if (seen++ % 16 != 0) continue;
          Files.copy(tar, corpus.resolve(String.format("%04d-", kept++) + Path.of(e.getName()).getFileName()));
        }
      }
      assertTrue(kept >= 200, "documents: " + kept);
      return UiServer.over(corpus);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theMapOfTwoHundredDocumentsIsLegible() {
    JsonNode terms = server.json("/api/terms");
    int docs = terms.get("docs").size();
    assertTrue(docs >= 200, "documents: " + docs);
    browser.open("/terms");
    browser.await("#heatmap svg rect.cell");
    assertEquals(40, ((Number) browser.js("return document.querySelectorAll('#heatmap .hm-cols text.col-label').length")).intValue(),
        "the 40 documents with the most mentions first");
    Number boxH = browser.js("return document.querySelector('.heatmap-scroll').getBoundingClientRect().height");
    Number viewH = browser.js("return window.innerHeight");
    assertTrue(boxH.doubleValue() <= viewH.doubleValue() * 0.76, "the map scrolls inside three quarters of the screen: " + boxH);
    browser.screenshots("terms-heatmap-large-top", "#heatmap svg rect.cell", null);

    browser.open("/terms?all=both");
    browser.await("#heatmap svg rect.cell");
    assertEquals(docs, ((Number) browser.js("return document.querySelectorAll('#heatmap .hm-cols text.col-label').length")).intValue());
    Set<String> expected = new TreeSet<>();
    for (JsonNode t : terms.get("terms")) {
      for (JsonNode bd : t.get("by_doc")) if (bd.get("count").asLong() > 0) expected.add(t.get("id").asText() + " | " + bd.get("doc").asText());
    }
    List<String> cells = browser.js("return [...document.querySelectorAll('#heatmap svg rect.cell')].map(r => r.dataset.term + ' | ' + r.dataset.doc)");
    assertEquals(expected, new TreeSet<>(cells));
    long rects = browser.js("return document.querySelectorAll('#heatmap svg.heatmap-svg rect').length");
    assertTrue(rects < expected.size() + 200, "no rectangle per empty cell in a big map: " + rects);
    // a year axis: every year of the documents is on it (written, or abbreviated where its columns are narrow)
    List<String> years = browser.js("return [...document.querySelectorAll('#heatmap .hm-cols text.year-label title')].map(t => t.textContent)");
    Set<String> docYears = new TreeSet<>();
    for (JsonNode d : terms.get("docs")) docYears.add(d.hasNonNull("date") && d.get("date").asText().length() >= 4 ? d.get("date").asText().substring(0, 4) : "undated");
    assertTrue(new TreeSet<>(years).size() >= docYears.size() * 0.5, years + " vs " + docYears);
    // scrolled to the far right and bottom, the term labels and document heads are still in view
    assertTrue(labelsInViewAfterScrolling(browser, "s.scrollHeight", "s.scrollWidth"), "labels stay in view");
    browser.screenshots("terms-heatmap-large-all", "#heatmap svg rect.cell", null);
  }

  /** Scrolls the heatmap's box to (top, left), JavaScript over its element s; true when the document heads and term labels are still at its edges. */
  static boolean labelsInViewAfterScrolling(Browser browser, String top, String left) {
    browser.js("const s = document.querySelector('.heatmap-scroll'); s.scrollTop = " + top + "; s.scrollLeft = " + left + ";");
    browser.settle();
    return browser.js("const s = document.querySelector('.heatmap-scroll').getBoundingClientRect();"
        + "const h = document.querySelector('.hm-head').getBoundingClientRect(); const r = document.querySelector('.hm-side').getBoundingClientRect();"
        + "return Math.abs(h.top - s.top) < 2 && Math.abs(r.left - s.left) < 2");
  }
}
