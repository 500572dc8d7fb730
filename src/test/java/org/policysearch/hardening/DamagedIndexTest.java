package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.index.IndexHealth;
import org.policysearch.search.Api;
import org.policysearch.search.DocumentReader;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.CliProcess;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;
import org.policysearch.testing.IndexFiles;

/**
 * A damaged index (4 KB overwritten in the middle of its largest file, as a failing disk or a bad
 * copy leaves it) is never answered from: search, terms, serve and check say so in one sentence with the
 * way out and exit 3; index repairs it from the corpus (the damaged segment dropped, the files it
 * held re-extracted) and the passages' anchors still resolve.
 */
class DamagedIndexTest {
  @TempDir Path tmp;

  /** A passage's document and anchor. */
  private record Anchor(String doc, String anchor) {}

  @Test
  void aDamagedDemoIndexIsRefusedByEveryCommandAndRebuiltByIndexWithItsAnchors() throws Exception {
    Path corpus = DemoCorpus.folder();
    Path index = IndexFiles.copy(DemoCorpus.index(), tmp.resolve("index"));
    List<Anchor> before = anchors(index, "\"secure and controllable\"");
    assertTrue(before.size() >= 5, "the demo corpus has such passages: " + before);
    assertEquals(null, IndexHealth.verify(index), "whole before the damage");

    Path damaged = IndexFiles.damageLargest(index, 21);

    Cli search = cli("search", "--corpus", corpus.toString(), "--index", index.toString(), "\"secure and controllable\"");
    assertEquals(ExitCodes.CANNOT_RUN, search.code, search.err);
    assertOneSentenceWithTheWayOut(search.err, index);
    assertTrue(search.err.contains(damaged.getFileName().toString()), "names the damaged file: " + search.err);
    assertFalse(search.out.contains("passages match"), "nothing was answered: " + search.out);

    Cli terms = cli("terms", "--corpus", corpus.toString(), "--index", index.toString());
    assertEquals(ExitCodes.CANNOT_RUN, terms.code, terms.err);
    assertOneSentenceWithTheWayOut(terms.err, index);

    Cli check = cli("check", "--corpus", corpus.toString(), "--index", index.toString());
    assertEquals(ExitCodes.CANNOT_RUN, check.code, check.out + check.err);
    assertTrue(check.out.contains("DAMAGED segment _"), "names the damaged segment: " + check.out);
    assertOneSentenceWithTheWayOut(check.err, index);

    // serve with no corpus folder to rebuild from: refused before it listens
    Cli serve = cli("serve", "--corpus", tmp.resolve("no-corpus").toString(), "--index", index.toString(), "--port", "0", "--no-watch");
    assertEquals(ExitCodes.CANNOT_RUN, serve.code, serve.err);
    assertTrue(serve.err.lines().anyMatch(l -> l.startsWith("policy-search: the index ") && l.contains("is damaged")), serve.err);

    Cli rebuild = cli("index", "--corpus", corpus.toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, rebuild.code, rebuild.out + rebuild.err);
    assertTrue(rebuild.out.contains("the index was damaged (" + damaged.getFileName()) && rebuild.out.contains("re-extracted the files it held"),
        "reports what it did: " + rebuild.out);
    var counts = java.util.regex.Pattern.compile("indexed (\\d+), unchanged (\\d+)").matcher(rebuild.out);
    assertTrue(counts.find(), rebuild.out);
    int reExtracted = Integer.parseInt(counts.group(1)), kept = Integer.parseInt(counts.group(2));
    assertEquals(14, reExtracted + kept, rebuild.out);
    assertTrue(reExtracted >= 1, "the files of the damaged segment were read again: " + rebuild.out);
    System.out.println("damaged demo index repaired: " + reExtracted + " files re-extracted, " + kept + " kept");

    Cli checkAgain = cli("check", "--index", index.toString());
    assertEquals(ExitCodes.OK, checkAgain.code, checkAgain.out + checkAgain.err);
    assertTrue(checkAgain.out.contains("full check (Lucene CheckIndex)") && checkAgain.out.contains(": OK"), checkAgain.out);

    try (SearchService s = new SearchService(index, Glossary.empty())) {
      DocumentReader reader = new DocumentReader(s);
      for (Anchor a : before) {
        assertEquals(a.doc(), reader.findAnchor(a.anchor()).orElse(null), "the deep link #" + a.anchor() + " resolves after the rebuild");
        assertEquals("ok", reader.read(a.doc(), null, true, a.anchor(), null).anchorStatus(), a.toString());
      }
    }
    assertEquals(before, anchors(index, "\"secure and controllable\""), "the same passages answer, in the same order");
  }

  /** The cost of the check every open makes, and of the full CheckIndex, on the demo index; printed for RELIABILITY.md. */
  @Test
  void theCheckOnOpenIsCheapOnTheDemoIndex() throws Exception {
    Path index = DemoCorpus.index();
    long bytes;
    try (var files = java.nio.file.Files.list(index)) {
      bytes = files.mapToLong(f -> f.toFile().length()).sum();
    }
    for (int i = 0; i < 5; i++) assertEquals(null, IndexHealth.verify(index)); // warm-up
    int n = 50;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) assertEquals(null, IndexHealth.verify(index));
    double perOpenMs = (System.nanoTime() - t0) / 1e6 / n;
    IndexHealth.Report full = IndexHealth.fullCheck(index);
    assertTrue(full.clean(), full.damage().toString());
    System.out.printf("check on open over the demo index (%.1f MB, every file checksummed whole): %.2f ms per open, mean of %d;"
        + " full CheckIndex: %.2f s (%d segments, %d records)%n", bytes / 1e6, perOpenMs, n, full.seconds(), full.segments(), full.documents());
    assertTrue(perOpenMs < 250, "the check on open stays cheap: " + perOpenMs + " ms");
  }

  @Test
  void serveRebuildsADamagedIndexAtStartFromTheCorpusAndAnswers() throws Exception {
    Path corpus = generatedCorpus(tmp.resolve("corpus"), 60);
    Path index = tmp.resolve("index");
    assertEquals(ExitCodes.OK, Main.run("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString()));
    IndexFiles.damageLargest(index, 7);
    assertTrue(IndexHealth.verify(index) != null, "the check on open sees the damage");

    try (CliProcess serve = CliProcess.start(List.of(), "serve", "--corpus", corpus.toString(), "--index", index.toString(),
        "--port", "0", "--no-watch")) {
      int port = serve.port(120);
      HttpResponse<String> r = get(port, "/api/search?q=%22harbour+number+17%22");
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"total\":1"), r.body());
      assertTrue(serve.output().contains("the index was damaged ("), "says it rebuilt the index: " + serve.output());
      assertTrue(serve.await("clean", 60), "the background CheckIndex finds the rebuilt index clean: " + serve.output());
    }
    assertEquals(null, IndexHealth.verify(index));
  }

  @Test
  void damageTheCheckOnOpenDoesNotReadIsNeverAnswered() throws Exception {
    Path index = IndexFiles.copy(DemoCorpus.index(), tmp.resolve("index"));
    IndexFiles.damageLargest(index, 99);
    // footers only on open (as for files beyond the 256 MB budget): the middle of the file is not read
    try (CliProcess serve = CliProcess.start(List.of("-Dpolicysearch.openCheckBytes=0"), "serve", "--corpus",
        tmp.resolve("no-corpus").toString(), "--index", index.toString(), "--port", "0", "--no-watch")) {
      assertTrue(serve.await("is damaged", 120), "the damage is found: " + serve.output());
      if (serve.await("policy-search: the index " + index + " is damaged", 2)) {
        // the first search at start (just after it listens) decoded the damaged bytes: serve stops
        assertEquals(ExitCodes.CANNOT_RUN, serve.exitCode(30), serve.output());
        System.out.println("damage met by the first search at start: serve exited 3");
        return;
      }
      int port = serve.port(1);
      System.out.println("damage found by the background check: searches refused");
      HttpResponse<String> r = get(port, "/api/search?q=%22secure+and+controllable%22");
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"error\":\"index_damaged\"") && r.body().contains("policy-search index --corpus"), r.body());
      assertEquals(503, get(port, "/health").statusCode());
    }
  }

  private static void assertOneSentenceWithTheWayOut(String err, Path index) {
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one sentence: " + err);
    String l = lines.get(0);
    assertTrue(l.startsWith("policy-search: the index " + index + " is damaged ("), l);
    assertTrue(l.contains("rebuild it from your documents with policy-search index --corpus "), "the way out: " + l);
    assertFalse(err.contains("\tat "), "no stack trace");
  }

  private static List<Anchor> anchors(Path index, String query) throws Exception {
    try (SearchService s = new SearchService(index, Glossary.empty())) {
      Api.SearchResponse r = s.search(new SearchRequest(query, 100, 0, null, null, null, true));
      return r.hits().stream().map(h -> new Anchor(h.doc(), h.passage())).toList();
    }
  }

  /** Text files with numbered paragraphs, enough for an index file of some size. */
  static Path generatedCorpus(Path dir, int files) throws Exception {
    for (int i = 0; i < files; i++) {
      StringBuilder b = new StringBuilder("Report on harbour number " + i + "\n\n");
      for (int p = 0; p < 20; p++) {
        b.append("Paragraph ").append(p).append(" of report ").append(i).append(" records cargo tonnage ").append(i * 31 + p * 7)
            .append(" and vessel ").append(Integer.toHexString(i * 977 + p)).append(" under the port authority rules.\n\n");
      }
      Fixtures.text(dir.resolve(String.format("report-%03d.txt", i)), b.toString());
    }
    return dir;
  }

  static HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The CLI run in this JVM, its exit code, stdout and stderr. */
  record Cli(int code, String out, String err) {}

  static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out, oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
