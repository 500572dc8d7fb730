package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.Indexer;
import org.policysearch.search.Api;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/**
 * Pathological files, generated in the test, go through the forked extractor (the default): each
 * ends as a failure named with its reason, or, when it is legitimate (invalid UTF-8, a very long
 * line, odd file names), indexed and searchable; every good file is indexed; the run ends.
 */
class HostileFilesTest {
  @TempDir Path tmp;

  @Test
  void hostileFilesAreNamedFailuresAndGoodFilesAreIndexed() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    goodFiles(corpus);
    HostileFiles.zipBomb(corpus.resolve("zip-bomb.zip"), 30);
    HostileFiles.docxBomb(corpus.resolve("docx-bomb.docx"), 30);
    HostileFiles.deeplyNestedPdf(corpus.resolve("deep-nesting.pdf"), 100_000);
    Fixtures.truncatedPdf(corpus.resolve("truncated.pdf"));
    Fixtures.encryptedPdf(corpus.resolve("encrypted.pdf"));
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    HostileFiles.invalidUtf8(corpus.resolve("invalid-utf8.txt"));
    HostileFiles.longLine(corpus.resolve("long-line.txt"), 2, "zzyzxterminus");
    Fixtures.text(corpus.resolve("division\u2215slash.txt"), "A name with a division slash: lookalikedivision.\n");
    Fixtures.text(corpus.resolve("fullwidth\uFF0Fsolidus.txt"), "A name with a fullwidth solidus: lookalikefullwidth.\n");
    Fixtures.text(corpus.resolve("bell\u0007and\ttab.txt"), "A name with control characters: lookalikecontrol.\n");
    Fixtures.text(corpus.resolve("line\nbreak.txt"), "A name with a line break: lookalikenewline.\n");

    long t0 = System.nanoTime();
    IndexReport r;
    Path index = tmp.resolve("index");
    try (Extractor ex = new Extractor(new Extractor.Limits(50_000_000L, 60))) {
      r = new Indexer(index, ex, Glossary.empty(), 2).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, IndexReport.Failure> failed = r.failures().stream()
        .collect(Collectors.toMap(IndexReport.Failure::source, Function.identity(), (a, b) -> a, TreeMap::new));
    System.out.printf("hostile corpus: %d indexed, %d failed in %.1f s%n", r.indexed(), failed.size(), seconds);
    failed.values().forEach(f -> System.out.println("  FAILED " + f.source() + " (" + f.outcome() + "): " + f.reason()));

    for (IndexReport.Failure f : r.failures()) assertFalse(f.reason() == null || f.reason().isBlank(), "a reason for " + f.source());
    assertOutcome(failed, "zip-bomb.zip", "CORRUPT", "decompression bomb refused");
    assertOutcome(failed, "docx-bomb.docx", "CORRUPT", "decompression bomb refused");
    assertOutcome(failed, "truncated.pdf", "CORRUPT", "");
    assertOutcome(failed, "encrypted.pdf", "ENCRYPTED", "encrypted");
    assertOutcome(failed, "empty.txt", "EMPTY", "0 bytes");

    try (SearchService s = new SearchService(index, Glossary.empty())) {
      Set<String> indexed = s.documents().stream().map(Api.Doc::source).collect(Collectors.toSet());
      for (String good : new String[] {"good.txt", "good.pdf", "good.docx", "good.html", "invalid-utf8.txt", "long-line.txt"}) {
        assertTrue(indexed.contains(good), good + " indexed: " + indexed);
      }
      assertEquals(1, total(s, "\"shipbuilding overcapacity\""), "text after the invalid bytes is searchable");
      assertEquals(1, total(s, "\"semiconductor subsidies\""), "text before the invalid bytes is searchable");
      assertEquals(1, total(s, "zzyzxterminus"), "the end of a 2 MB line is searchable");
      assertEquals(2, total(s, "\"policy hardening fixture\" AND page"), "both PDF pages");
      // names with look-alike separators and control characters: each indexed under its own name, or a named failure
      for (String[] n : new String[][] {{"division\u2215slash.txt", "lookalikedivision"}, {"fullwidth\uFF0Fsolidus.txt", "lookalikefullwidth"},
          {"bell\u0007and\ttab.txt", "lookalikecontrol"}, {"line\nbreak.txt", "lookalikenewline"}}) {
        boolean in = indexed.contains(n[0]);
        assertTrue(in != failed.containsKey(n[0]), n[0] + " is either indexed or a named failure");
        if (in) assertEquals(1, total(s, n[1]), n[0]);
        for (Api.Doc d : s.documents()) {
          assertFalse(d.id().contains("/") || d.id().chars().anyMatch(Character::isISOControl), "document id is a safe slug: " + d.id());
        }
      }
      for (String hostile : new String[] {"zip-bomb.zip", "docx-bomb.docx", "truncated.pdf", "encrypted.pdf", "empty.txt"}) {
        assertFalse(indexed.contains(hostile), hostile);
      }
      assertTrue(indexed.contains("deep-nesting.pdf") || failed.containsKey("deep-nesting.pdf"), "deep nesting ends somewhere");
    }
  }

  private static void goodFiles(Path corpus) throws Exception {
    Fixtures.text(corpus.resolve("good.txt"), "Plain text about industrial policy and semiconductors.\n");
    Fixtures.pdf(corpus.resolve("good.pdf"), "Policy hardening fixture page one.", "Policy hardening fixture page two.");
    try (XWPFDocument d = new XWPFDocument(); var out = Files.newOutputStream(corpus.resolve("good.docx"))) {
      d.createParagraph().createRun().setText("A Word document about export controls.");
      d.write(out);
    }
    Fixtures.text(corpus.resolve("good.html"), "<html><head><title>Good page</title></head><body><p>Cloud services and data rules.</p></body></html>");
  }

  static void assertOutcome(Map<String, IndexReport.Failure> failed, String source, String outcome, String reasonPart) {
    IndexReport.Failure f = failed.get(source);
    assertTrue(f != null, source + " is a named failure: " + failed.keySet());
    assertEquals(outcome, f.outcome(), source + ": " + f.reason());
    assertTrue(f.reason().toLowerCase(java.util.Locale.ROOT).contains(reasonPart.toLowerCase(java.util.Locale.ROOT)), source + ": " + f.reason());
  }

  static long total(SearchService s, String q) throws Exception {
    return s.search(new SearchRequest(q, 10, 0, null, null, null, false)).total();
  }
}
