package org.policysearch.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.Indexer;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;
import org.policysearch.search.Api;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import org.policysearch.testing.BruteForce;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;

/**
 * Scanned documents are searchable (issue 15): real pages of the demo corpus's Chinese law and
 * English notice rendered to images (PDFBox) and put into image-only PDFs, PNG, JPEG and TIFF files
 * and a PDF whose first page has a text layer and whose second is a scan; indexed with the default
 * settings (OCR auto, extraction in child processes) and the project's glossary; then random
 * phrases of the original text layer are searched for in the scans.
 */
class OcrSearchTest {
  @TempDir static Path tmp;
  static SearchService search;
  static IndexReport report;
  static Extractor extractor;
  static Path law, notice;

  @BeforeAll
  static void setUp() throws Exception {
    assumeTrue(Ocr.availability().usable(), "Tesseract is not installed here (.ci/run installs it): " + Ocr.availability().problem());
    law = DemoCorpus.folder().resolve("2016-cybersecurity-law.zh.pdf");
    notice = DemoCorpus.folder().resolve("2018-ustr-section-301-notice-of-action.en.pdf");
    assumeTrue(Files.exists(law) && Files.exists(notice), "the demo corpus is not beside the repository");
    Path corpus = tmp.resolve("corpus"), idx = tmp.resolve("index");
    Fixtures.scannedPdf(corpus.resolve("scan-law.pdf"), law, 1, 2, 200);
    Fixtures.scannedPdf(corpus.resolve("scan-notice.pdf"), notice, 0, 1, 200);
    Fixtures.pageImage(corpus.resolve("law-page-4.png"), law, 3, 200, "png");
    Fixtures.pageImage(corpus.resolve("law-page-5.jpeg"), law, 4, 200, "jpeg");
    Fixtures.pageImage(corpus.resolve("notice-page-2.tiff"), notice, 1, 200, "tiff");
    Fixtures.mixedPdf(corpus.resolve("mixed.pdf"), "Mixed memo: the text layer of page one speaks of semiconductor subsidies.", law, 5, 200);
    extractor = new Extractor(Extractor.Limits.DEFAULT);
    report = new Indexer(idx, extractor, GlossaryLoader.load(Path.of("corpus/glossary.tsv")), 2)
        .run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
    search = new SearchService(idx, Glossary.empty());
  }

  @AfterAll
  static void close() throws Exception {
    if (search != null) search.close();
    if (extractor != null) extractor.close();
  }

  @Test
  void everyScanIsIndexedAndCounted() throws Exception {
    assertTrue(report.failures().isEmpty(), report.failures().toString());
    assertEquals(6, report.indexed());
    assertEquals(6, extractor.ocrFiles());
    assertEquals(2 + 1 + 3 + 1, extractor.ocrPages());
    Map<String, Integer> ocrPages = new TreeMap<>();
    for (Api.Doc d : search.documents()) ocrPages.put(d.id(), d.ocrPages());
    assertEquals(Map.of("scan-law-pdf", 2, "scan-notice-pdf", 1, "law-page-4-png", 1, "law-page-5-jpeg", 1, "notice-page-2-tiff", 1,
        "mixed-pdf", 1), ocrPages);
  }

  @Test
  void chineseScanFindsMostPhrasesOfTheOriginalText() throws Exception {
    double found = recall("scan-law-pdf", pageText(law, Set.of(2, 3)), true, new Random(151));
    assertTrue(found >= 0.8, "found " + found);
  }

  @Test
  void englishScanFindsMostPhrasesOfTheOriginalText() throws Exception {
    double found = recall("scan-notice-pdf", pageText(notice, Set.of(1)), false, new Random(152));
    assertTrue(found >= 0.8, "found " + found);
  }

  @Test
  void imagesAreReadInEveryFormat() throws Exception {
    assertTrue(recall("law-page-4-png", pageText(law, Set.of(4)), true, new Random(153)) >= 0.8);
    assertTrue(recall("law-page-5-jpeg", pageText(law, Set.of(5)), true, new Random(154)) >= 0.8);
    assertTrue(recall("notice-page-2-tiff", pageText(notice, Set.of(2)), false, new Random(155)) >= 0.8);
  }

  @Test
  void passagesSayTheyWereOcrdAndKeepTheirPages() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("", 100, 0, null, "scan-law-pdf", null, true));
    assertFalse(r.hits().isEmpty());
    for (Api.Hit h : r.hits()) {
      assertTrue(h.ocr(), h.text());
      assertTrue(h.page() != null && (h.page() == 1 || h.page() == 2), "page " + h.page());
    }
    assertTrue(r.hits().stream().anyMatch(h -> h.page() == 2), "both pages have passages");
    Api.SearchResponse image = search.search(new SearchRequest("", 5, 0, null, "law-page-4-png", null, true));
    assertTrue(image.hits().stream().allMatch(h -> h.ocr() && h.page() == null));
  }

  @Test
  void aMixedPdfKeepsItsTextLayerAndReadsOnlyTheScannedPage() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("", 100, 0, null, "mixed-pdf", null, true));
    List<Api.Hit> first = r.hits().stream().filter(h -> h.page() == 1).toList();
    List<Api.Hit> second = r.hits().stream().filter(h -> h.page() == 2).toList();
    assertEquals(1, first.size(), r.hits().toString());
    assertEquals("Mixed memo: the text layer of page one speaks of semiconductor subsidies.", first.get(0).text());
    assertFalse(first.get(0).ocr(), "the text layer is not OCR'd");
    assertFalse(second.isEmpty());
    assertTrue(second.stream().allMatch(Api.Hit::ocr));
    assertTrue(recall("mixed-pdf", pageText(law, Set.of(6)), true, new Random(156)) >= 0.8);
  }

  @Test
  void phrasesOfTheRecognisedTextFindExactlyTheDocumentsHoldingThem() throws Exception {
    // the oracle over what OCR produced (the passages as stored and shown), glossary expansion on
    Map<String, String> texts = new TreeMap<>();
    Map<String, List<String>> passages = new TreeMap<>();
    for (Api.Doc d : search.documents()) {
      List<String> ps = new ArrayList<>();
      for (int offset = 0; ; offset += 100) {
        Api.SearchResponse page = search.search(new SearchRequest("", 100, offset, null, d.id(), null, true));
        page.hits().forEach(h -> ps.add(h.text()));
        if (page.hits().size() < 100) break;
      }
      passages.put(d.id(), ps);
      texts.put(d.id(), BruteForce.normalize(String.join("\n", ps)));
    }
    Random rnd = new Random(157);
    List<String> docs = new ArrayList<>(passages.keySet());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      List<String> ps = passages.get(docs.get(rnd.nextInt(docs.size())));
      List<BruteForce.Unit> units = BruteForce.units(ps.get(rnd.nextInt(ps.size())));
      if (units.size() < 3) continue;
      int len = 2 + rnd.nextInt(4), start = rnd.nextInt(Math.max(1, units.size() - len));
      StringBuilder phrase = new StringBuilder();
      for (int k = start; k < Math.min(units.size(), start + len); k++) phrase.append(units.get(k).text()).append(' ');
      String p = phrase.toString().strip();
      Set<String> expected = new java.util.TreeSet<>();
      for (var e : texts.entrySet()) if (BruteForce.contains(e.getValue(), p)) expected.add(e.getKey());
      Set<String> got = new java.util.TreeSet<>();
      for (Api.FacetCount f : search.search(new SearchRequest("\"" + p + "\"", 0, 0, null, null, null, true)).facets().docs()) {
        if (f.direct() > 0) got.add(f.id());
      }
      if (!expected.equals(got)) failures.add("\"" + p + "\": search " + got + " vs brute force " + expected);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static final Set<String> SHORT_WORDS = Set.of("of", "to", "in", "on", "by", "an", "as", "at", "be", "is", "it", "or",
      "we", "no", "if", "us", "a");

  /**
   * An English word of the original: letters only, and a one- or two-letter unit only when it is a
   * common word (the Federal Register's text layer holds debris such as "d w ith" and "ov ic h").
   */
  private static boolean word(String u) {
    return u.codePoints().allMatch(Character::isLetter) && (u.length() > 2 || SHORT_WORDS.contains(u));
  }

  /** The passages of the text layer of the given pages (1-based) of a PDF, as the product splits them. */
  private static List<String> pageText(Path pdf, Set<Integer> pages) {
    try (Extractor ex = new Extractor(Extractor.Limits.IN_PROCESS.withOcr(Ocr.Mode.OFF, 60))) {
      List<Block> blocks = ex.extract(pdf).blocks().stream().filter(b -> pages.contains(b.page())).toList();
      List<String> out = new PassageSplitter().split("original", blocks, "zh").stream().map(Passage::text).toList();
      assertFalse(out.isEmpty(), "no text on pages " + pages + " of " + pdf);
      return out;
    }
  }

  /**
   * The share of 40 random phrases of the original text found in the OCR'd document: Chinese runs of
   * 4-6 characters, or English runs of 2-4 words, each inside one passage of the original (a phrase
   * across two passages is not found in the original either).
   */
  private static double recall(String doc, List<String> original, boolean chinese, Random rnd) throws Exception {
    int tries = 40, found = 0;
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < tries; i++) {
      String phrase = null;
      while (phrase == null) {
        List<BruteForce.Unit> units = BruteForce.units(original.get(rnd.nextInt(original.size())));
        int len = chinese ? 4 + rnd.nextInt(3) : 2 + rnd.nextInt(3);
        if (units.size() <= len) continue;
        int start = rnd.nextInt(units.size() - len);
        StringBuilder p = new StringBuilder();
        for (int k = start; k < start + len && p != null; k++) {
          String u = units.get(k).text();
          boolean han = Character.UnicodeScript.of(u.codePointAt(0)) == Character.UnicodeScript.HAN;
          if (han != chinese || !chinese && !word(u)) p = null; // one script; English words, not text-layer debris
          else p.append(chinese ? "" : " ").append(u);
        }
        if (p != null) phrase = p.toString().strip();
      }
      long total = search.search(new SearchRequest("\"" + phrase + "\"", 0, 0, null, doc, null, true)).total();
      if (total > 0) found++;
      else missed.add(phrase);
    }
    double share = found / (double) tries;
    System.out.printf("OCR recall %s: %d of %d random phrases of the original found (%.0f%%); missed %s%n", doc, found, tries,
        100 * share, missed);
    return share;
  }
}
