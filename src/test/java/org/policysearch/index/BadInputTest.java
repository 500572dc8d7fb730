package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.search.Api;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/** Broken and unusual files are reported by name with a reason; every good file is indexed; nothing is lost. */
class BadInputTest {
  @TempDir Path tmp;

  @Test
  void brokenFilesAreReportedByNameAndGoodFilesIndexed() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    Fixtures.encryptedPdf(corpus.resolve("encrypted.pdf"));
    Fixtures.truncatedPdf(corpus.resolve("truncated.pdf"));
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(corpus.resolve("random.bin"), junk);
    Fixtures.gbk(corpus.resolve("gbk-law.txt"), "第一条 为了保障网络安全，维护网络空间主权，制定本法。\n\n第二条 关键信息基础设施安全可控。\n");
    Fixtures.text(corpus.resolve("报告 2015 final.txt"), "A file name with spaces and 中文. Indigenous innovation matters.\n");
    Fixtures.pdf(corpus.resolve("good.pdf"), "Page one talks about semiconductors.", "Page two talks about robots.");
    Files.createDirectories(corpus.resolve("sub"));
    Files.createSymbolicLink(corpus.resolve("sub/loop"), corpus);
    Path index = tmp.resolve("index");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
    } finally {
      System.setOut(old);
    }
    String summary = out.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.INDEXED_WITH_FAILURES, code, summary);
    assertTrue(summary.contains("FAILED encrypted.pdf: encrypted"), summary);
    assertTrue(summary.matches("(?s).*FAILED truncated\\.pdf: .*\\(CORRUPT\\).*"), summary);
    assertTrue(summary.contains("FAILED empty.txt: empty file"), summary);
    assertTrue(summary.matches("(?s).*FAILED random\\.bin: .*(UNSUPPORTED|EMPTY).*"), summary);
    assertTrue(summary.matches("(?s).*FAILED sub/loop: symlink loop.*"), summary);

    try (SearchService s = new SearchService(index, Glossary.empty())) {
      Set<String> docs = s.documents().stream().map(Api.Doc::source).collect(Collectors.toSet());
      assertEquals(Set.of("gbk-law.txt", "报告 2015 final.txt", "good.pdf"), docs);
      Api.SearchResponse gbk = s.search(new SearchRequest("\"关键信息基础设施安全可控\"", 10, 0, null, null, null, false));
      assertEquals(1, gbk.total(), "the GBK file was decoded");
      Api.SearchResponse page = s.search(new SearchRequest("robots", 10, 0, null, null, null, false));
      assertEquals(2, page.hits().get(0).page(), "PDF page numbers");
      Api.SearchResponse spaced = s.search(new SearchRequest("\"indigenous innovation\"", 10, 0, null, null, null, false));
      assertEquals("报告-2015-final-txt", spaced.hits().get(0).doc());
    }
  }

  @Test
  void aFileThatDisappearsMidRunIsReportedAndTheRestIndexed() throws Exception {
    Path corpus = tmp.resolve("c");
    Fixtures.text(corpus.resolve("a.txt"), "Alpha policy text.");
    Fixtures.text(corpus.resolve("b.txt"), "Beta policy text.");
    CorpusScan scan = new CorpusScanner(corpus, Set.of()).scan();
    Files.delete(corpus.resolve("b.txt")); // gone between the scan and its extraction
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      IndexReport r = new Indexer(tmp.resolve("i"), ex, Glossary.empty(), 1).run(scan, false, IndexListener.NONE);
      assertEquals(1, r.indexed());
      Map<String, IndexReport.Failure> f = r.failures().stream().collect(Collectors.toMap(IndexReport.Failure::source, Function.identity()));
      assertTrue(f.get("b.txt").reason().contains("disappeared"), f.toString());
    }
  }

  @Test
  void aFileThatBreaksKeepsItsLastGoodVersion() throws Exception {
    Path corpus = tmp.resolve("c");
    Fixtures.pdf(corpus.resolve("report.pdf"), "Semiconductors and robots.");
    Fixtures.text(corpus.resolve("other.txt"), "Other text.");
    Path index = tmp.resolve("i");
    assertEquals(ExitCodes.OK, Main.run("index", "--corpus", corpus.toString(), "--index", index.toString()));
    Fixtures.truncatedPdf(corpus.resolve("report.pdf"));
    assertEquals(ExitCodes.INDEXED_WITH_FAILURES, Main.run("index", "--corpus", corpus.toString(), "--index", index.toString()));
    try (SearchService s = new SearchService(index, Glossary.empty())) {
      assertEquals(1, s.search(SearchRequest.of("semiconductors")).total(), "the previous version is still searchable");
    }
  }

  @Test
  void aMissingCorpusFolderIsAClearErrorNotAStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run("index", "--corpus", tmp.resolve("nope").toString(), "--index", tmp.resolve("i").toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(ExitCodes.CANNOT_RUN, code);
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("corpus folder does not exist"), e);
    assertFalse(e.contains("\tat "), "no stack trace: " + e);
  }

}
