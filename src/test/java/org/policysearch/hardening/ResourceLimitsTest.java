package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.Indexer;
import org.policysearch.search.Api;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/**
 * The forked extractor's bounds: a parse that runs past the timeout is killed, a file that needs
 * more than the child's heap kills only the child, a file over the size limit is never opened;
 * each is reported by name and the next file is extracted by a restarted child.
 */
class ResourceLimitsTest {
  @TempDir Path tmp;

  @Test
  void endlessContentStreamTimesOutAndTheNextFileIsIndexed() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    HostileFiles.endlessContentPdf(corpus.resolve("a-endless.pdf"), 20);
    Fixtures.text(corpus.resolve("b-after.txt"), "Extracted after the timeout by a fresh child.\n");
    long t0 = System.nanoTime();
    Map<String, IndexReport.Failure> failed = run(corpus, new Extractor.Limits(50_000_000L, 3, 64L << 20, "256m", true));
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("endless content stream: %s in %.1f s%n", failed, s);
    HostileFilesTest.assertOutcome(failed, "a-endless.pdf", "TIMEOUT", "longer than 3 s");
    assertEquals(Set.of("b-after.txt"), indexed());
    assertTrue(s < 60, "bounded: " + s);
  }

  @Test
  void fileNeedingMoreMemoryThanTheChildHeapIsReportedAndTooLargeFilesAreNotRead() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    // 40 MB of text: its XHTML alone needs more than the child's 96 MB heap
    try (var out = Files.newOutputStream(corpus.resolve("a-huge-text.txt"))) {
      HostileFiles.writeRepeated(out, "Overcapacity in steel and aluminium, paragraph after paragraph.\n".repeat(64).getBytes(), 10_000);
    }
    Fixtures.text(corpus.resolve("b-after.txt"), "Extracted after the out-of-memory child by a fresh one.\n");
    HostileFiles.sparse(corpus.resolve("c-too-large.bin"), 65L << 20);
    Map<String, IndexReport.Failure> failed = run(corpus, new Extractor.Limits(50_000_000L, 120, 64L << 20, "96m", true));
    System.out.println("memory and size limits: " + failed);
    HostileFilesTest.assertOutcome(failed, "a-huge-text.txt", "OUT_OF_MEMORY", "more than 96m");
    HostileFilesTest.assertOutcome(failed, "c-too-large.bin", "TOO_LARGE", "the limit is 64.0 MB");
    assertEquals(Set.of("b-after.txt"), indexed());
  }

  private Map<String, IndexReport.Failure> run(Path corpus, Extractor.Limits limits) throws Exception {
    try (Extractor ex = new Extractor(limits)) {
      IndexReport r = new Indexer(tmp.resolve("index"), ex, Glossary.empty(), 1)
          .run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      return r.failures().stream().collect(Collectors.toMap(IndexReport.Failure::source, Function.identity(), (a, b) -> a, TreeMap::new));
    }
  }

  private Set<String> indexed() throws Exception {
    try (SearchService s = new SearchService(tmp.resolve("index"), Glossary.empty())) {
      return s.documents().stream().map(Api.Doc::source).collect(Collectors.toSet());
    }
  }
}
