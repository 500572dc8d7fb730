package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.DemoCorpus;

/**
 * Kills a child JVM running the indexer at random moments ({@code destroyForcibly}): the index
 * must open and answer from its last commit, and a rerun must produce exactly the index a clean
 * run produces (same documents, passages and anchors). Runs {@code policysearch.crashRuns} kills
 * (default 3; the hardening profile runs 20).
 */
class CrashRecoveryTest {
  @TempDir Path tmp;

  @Test
  void killedIndexerLeavesAnOpenableIndexAndARerunMatchesACleanRun() throws Exception {
    Path corpus = DemoCorpus.folder();
    Path clean = tmp.resolve("clean");
    assertEquals(0, runIndexer(corpus, clean, -1));
    TreeSet<String> expected = passages(clean);
    int runs = Integer.getInteger("policysearch.crashRuns", 3);
    Random rnd = new Random(42);
    Path idx = tmp.resolve("crashed");
    for (int i = 0; i < runs; i++) {
      long killAfter = 300 + rnd.nextInt(6000);
      runIndexer(corpus, idx, killAfter);
      try (SearchService s = new SearchService(idx, Glossary.empty())) {
        s.search(SearchRequest.of("\"secure and controllable\"")); // opens and answers from the last commit
      }
      TreeSet<String> now = passages(idx);
      assertTrue(now.isEmpty() || now.equals(expected), "after a kill the index holds its last commit (nothing or a whole run)");
      assertEquals(0, runIndexer(corpus, idx, -1), "the rerun completes");
      assertEquals(expected, passages(idx), "a rerun after a kill at " + killAfter + " ms equals a clean run");
      // start the next round from an older state: wipe so that the kill lands in a first run again
      if (i % 2 == 0) DemoCorpus.delete(idx);
    }
  }

  /** Runs the CLI in a child JVM; killAfterMs < 0 waits for it. Returns the exit code (-1 when killed). */
  private static int runIndexer(Path corpus, Path index, long killAfterMs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.policysearch.cli.Main",
        "index", "--corpus", corpus.toString(), "--index", index.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (killAfterMs < 0) {
      assertTrue(p.waitFor(5, TimeUnit.MINUTES));
      return p.exitValue();
    }
    if (!p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      p.waitFor(1, TimeUnit.MINUTES);
      return -1;
    }
    return p.exitValue();
  }

  /** doc, anchor and text of every passage. */
  private static TreeSet<String> passages(Path index) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    if (!new File(index.toFile(), "segments_1").exists() && !DirectoryReader.indexExists(FSDirectory.open(index))) return out;
    try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      var top = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Math.max(1, r.maxDoc()));
      for (var sd : top.scoreDocs) {
        Document d = s.storedFields().document(sd.doc);
        out.add(d.get(Fields.DOC) + "#" + d.get(Fields.ANCHOR) + "#" + d.get(Fields.ORDINAL) + "#" + d.get(Fields.TEXT).hashCode()
            + "#" + d.get(Fields.MENTIONS));
      }
    }
    return out;
  }
}
