package org.policysearch.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;

/** What happens around OCR when it cannot or may not run, and the small rules it follows (issue 15). */
class OcrTest {
  @TempDir Path tmp;

  private Path scan() throws Exception {
    Path law = DemoCorpus.folder().resolve("2016-cybersecurity-law.zh.pdf");
    assumeTrue(Files.exists(law), "the demo corpus is not beside the repository");
    Path scan = tmp.resolve("scan.pdf");
    Fixtures.scannedPdf(scan, law, 0, 1, 100);
    return scan;
  }

  @Test
  void aMachineWithoutTesseractSaysSoOnceAndNamesTheFiles() throws Exception {
    Ocr.Availability none = Ocr.probe(tmp.resolve("no-such-tesseract").toString());
    assertFalse(none.usable());
    assertTrue(none.problem().contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"), none.problem());
    Path scan = scan(), text = tmp.resolve("note.pdf");
    Fixtures.pdf(text, "A note with a text layer.");
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT, none)) {
      assertNull(ex.ocrProblem(), "nothing needed OCR yet");
      assertEquals(Outcome.OK, ex.extract(text).outcome());
      assertNull(ex.ocrProblem());
      ExtractedDocument d = ex.extract(scan);
      assertEquals(Outcome.EMPTY, d.outcome());
      assertTrue(d.reason().startsWith("no text layer (application/pdf): it needs OCR, and Tesseract is not installed"), d.reason());
      assertEquals(none.problem(), ex.ocrProblem());
      assertEquals(List.of(scan.toString()), ex.ocrMissed());
    }
  }

  @Test
  void missingLanguageModelsAreNamedWithTheirPackages() {
    Ocr.Availability a = new Ocr.Availability(true, "eng", null);
    assertTrue(a.usable());
    // the probe's reading of `tesseract --list-langs` is checked with a fake command printing a partial list
    Path fake = tmp.resolve("tesseract");
    try {
      Files.writeString(fake, "#!/bin/sh\necho 'List of available languages in \"/x/\" (2):'\necho eng\necho osd\n");
      fake.toFile().setExecutable(true);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    Ocr.Availability partial = Ocr.probe(fake.toString());
    assertTrue(partial.usable());
    assertEquals("eng", partial.languages());
    assertEquals("Tesseract lacks tesseract-ocr-chi-sim, tesseract-ocr-chi-tra (apt-get install tesseract-ocr-chi-sim "
        + "tesseract-ocr-chi-tra); OCR reads with eng only.", partial.problem());
  }

  @Test
  void ocrOffSaysWhyAScanHasNoText() throws Exception {
    Path scan = scan();
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT.withOcr(Ocr.Mode.OFF, 60))) {
      ExtractedDocument d = ex.extract(scan);
      assertEquals(Outcome.EMPTY, d.outcome());
      assertEquals("no text layer (application/pdf); OCR is off (--ocr off)", d.reason());
      assertEquals(0, ex.ocrFiles());
    }
  }

  @Test
  void ocrHasItsOwnTimeLimit() throws Exception {
    assumeTrue(Ocr.availability().usable(), "Tesseract is not installed here (.ci/run installs it)");
    Path law = DemoCorpus.folder().resolve("2016-cybersecurity-law.zh.pdf");
    assumeTrue(Files.exists(law), "the demo corpus is not beside the repository");
    Path scan = tmp.resolve("long-scan.pdf");
    Fixtures.scannedPdf(scan, law, 0, 4, 200);
    // a generous limit for reading files, one second for OCR: the OCR child is stopped, not the text reading
    Set<String> tikaTemporaries = tikaTemporaries();
    try (Extractor ex = new Extractor(new Extractor.Limits(50_000_000L, 60).withOcr(Ocr.Mode.AUTO, 1))) {
      ExtractedDocument d = ex.extract(scan);
      assertEquals(Outcome.TIMEOUT, d.outcome(), d.reason());
      assertEquals("OCR took longer than 1 s and was stopped (--ocr-timeout)", d.reason());
      Path note = tmp.resolve("note.pdf");
      Fixtures.pdf(note, "The next file is read as usual.");
      assertEquals(Outcome.OK, ex.extract(note).outcome());
    }
    Set<String> left = tikaTemporaries();
    left.removeAll(tikaTemporaries);
    assertEquals(Set.of(), left, "the stopped OCR child's temporary files are gone with the extractor");
  }

  /** Tika's temporary files in the system's temporary folder. */
  private static Set<String> tikaTemporaries() throws java.io.IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("apache-tika-"))
          .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
  }

  @Test
  void aMixedPdfWhoseOcrFailsKeepsItsTextLayerAndIsNamed() throws Exception {
    assumeTrue(Ocr.availability().usable(), "Tesseract is not installed here (.ci/run installs it)");
    Path law = DemoCorpus.folder().resolve("2016-cybersecurity-law.zh.pdf");
    assumeTrue(Files.exists(law), "the demo corpus is not beside the repository");
    Path mixed = tmp.resolve("mixed.pdf");
    Fixtures.mixedPdf(mixed, "Page one has a text layer about semiconductors.", law, 0, 200);
    try (Extractor ex = new Extractor(new Extractor.Limits(50_000_000L, 60).withOcr(Ocr.Mode.AUTO, 1))) {
      ExtractedDocument d = ex.extract(mixed);
      assertEquals(Outcome.OK, d.outcome(), d.reason());
      assertEquals(List.of(), d.ocrPages());
      assertTrue(d.blocks().get(0).text().contains("semiconductors"));
      assertEquals(List.of(mixed + ": OCR took longer than 1 s (--ocr-timeout)"), ex.ocrFailed());
      assertNull(ex.ocrProblem(), "Tesseract is there: no installation problem to report");
    }
  }

  @Test
  void forceReadsEveryPageWithOcrAlsoInProcess() throws Exception {
    assumeTrue(Ocr.availability().usable(), "Tesseract is not installed here (.ci/run installs it)");
    Path pdf = tmp.resolve("typed.pdf");
    Fixtures.pdf(pdf, "Secure and controllable technology for critical information infrastructure.");
    try (Extractor auto = new Extractor(Extractor.Limits.IN_PROCESS)) {
      ExtractedDocument d = auto.extract(pdf);
      assertEquals(List.of(), d.ocrPages(), "auto leaves a page with a text layer alone");
    }
    try (Extractor force = new Extractor(Extractor.Limits.IN_PROCESS.withOcr(Ocr.Mode.FORCE, 300))) {
      ExtractedDocument d = force.extract(pdf);
      assertEquals(Outcome.OK, d.outcome(), d.reason());
      assertEquals(List.of(1), d.ocrPages());
      String text = String.join("\n", d.blocks().stream().map(Block::text).toList());
      assertTrue(text.contains("controllable technology"), text);
      assertEquals(1, force.ocrFiles());
    }
  }

  @Test
  void theIndexSummaryCountsOcrAndBadOptionsAreUsageErrors() throws Exception {
    assumeTrue(Ocr.availability().usable(), "Tesseract is not installed here (.ci/run installs it)");
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    Files.move(scan(), corpus.resolve("scan.pdf"));
    Fixtures.text(corpus.resolve("note.txt"), "A typed note.\n");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream oldOut = System.out, oldErr = System.err;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    int ok, bad;
    try {
      ok = org.policysearch.cli.Main.run("index", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString());
      bad = org.policysearch.cli.Main.run("index", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString(),
          "--ocr", "sometimes");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String summary = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, ok, summary);
    assertTrue(summary.contains("OCR: 1 file, 1 page read from images"), summary);
    assertEquals(2, bad);
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("--ocr takes auto, off or force, not 'sometimes'"), err.toString());
  }

  @Test
  void modesParseAndRefuseNonsense() {
    assertEquals(Ocr.Mode.FORCE, Ocr.Mode.parse("Force"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ocr.Mode.parse("sometimes"));
    assertEquals("--ocr takes auto, off or force, not 'sometimes'", e.getMessage());
  }

  @Test
  void whichFilesAreReadAgainWithOcr() {
    Block text = new Block("A page with plenty of text on it.", 1, Block.Kind.LINES);
    ExtractedDocument full = new ExtractedDocument(Outcome.OK, null, "application/pdf", null, null, 1, List.of(text));
    ExtractedDocument mixed = new ExtractedDocument(Outcome.OK, null, "application/pdf", null, null, 2, List.of(text));
    ExtractedDocument pageNumberOnly = new ExtractedDocument(Outcome.OK, null, "application/pdf", null, null, 2,
        List.of(text, new Block("- 2 -", 2, Block.Kind.LINES)));
    ExtractedDocument empty = ExtractedDocument.failed(Outcome.EMPTY, "no text", "application/pdf");
    ExtractedDocument image = ExtractedDocument.failed(Outcome.EMPTY, "no text", "image/png");
    ExtractedDocument html = ExtractedDocument.failed(Outcome.EMPTY, "no text", "text/html; charset=UTF-8");
    assertFalse(Ocr.wanted(Ocr.Mode.AUTO, full));
    assertTrue(Ocr.wanted(Ocr.Mode.AUTO, mixed));
    assertTrue(Ocr.wanted(Ocr.Mode.AUTO, pageNumberOnly), "a page holding only its number has no text layer");
    assertTrue(Ocr.wanted(Ocr.Mode.AUTO, empty));
    assertTrue(Ocr.wanted(Ocr.Mode.AUTO, image));
    assertFalse(Ocr.wanted(Ocr.Mode.AUTO, html));
    assertTrue(Ocr.wanted(Ocr.Mode.FORCE, full));
    assertFalse(Ocr.wanted(Ocr.Mode.OFF, empty));
  }

  @Test
  void spacesBetweenRecognisedChineseCharactersGo() {
    assertEquals("第一条为了保障网络安全，维护网络空间主权。\nSection 301 of the Trade Act",
        Ocr.tidy("第一条 为 了 保障 网 络 安全 ， 维护 网络 空间 主权 。\nSection 301 of the Trade Act"));
  }
}
