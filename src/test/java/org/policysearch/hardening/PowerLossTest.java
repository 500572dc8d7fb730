package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexHealth;
import org.policysearch.testing.CliProcess;
import org.policysearch.testing.Fixtures;

/**
 * A power loss, simulated: the index folder is copied file by file, in random order and without
 * any fsync, at random moments while an indexing run (a child JVM) writes it. What a copy holds is
 * what a disk might keep: files of two commits, a file deleted before it was copied, and (in half
 * the copies) the most recently written file cut short, as a disk that acknowledged writes it had
 * not made leaves it. Each copy
 * must open to a complete commit (the one before the run or the run's own) or be found damaged
 * by the check on open, and then be rebuilt by index to the run's result.
 */
class PowerLossTest {
  @TempDir Path tmp;

  @Test
  void everyCopyTakenDuringARunOpensToACompleteCommitOrIsFoundDamagedAndRebuilt() throws Exception {
    Path corpus = DamagedIndexTest.generatedCorpus(tmp.resolve("corpus"), 300);
    Path live = tmp.resolve("live");
    Random rnd = new Random(2026);
    List<Path> copies = new ArrayList<>();

    indexWhileCopying(corpus, live, rnd, copies, "first");
    TreeSet<String> v1 = passages(live);
    for (int i = 0; i < 150; i++) {
      Fixtures.text(corpus.resolve(String.format("report-%03d.txt", i * 2)), "Report on harbour number " + (i * 2)
          + "\n\nRevised after the audit: berth " + (5000 + i) + " is reassigned.\n");
    }
    int firstRunCopies = copies.size();
    indexWhileCopying(corpus, live, rnd, copies, "second");
    TreeSet<String> v2 = passages(live);
    assertTrue(!v1.equals(v2));

    int empty = 0, before = 0, after = 0, damaged = 0;
    for (int c = 0; c < copies.size(); c++) {
      Path copy = copies.get(c);
      TreeSet<String> previous = c < firstRunCopies ? new TreeSet<>() : v1, next = c < firstRunCopies ? v1 : v2;
      IndexHealth.Damage damage = IndexHealth.verify(copy);
      if (damage == null) {
        TreeSet<String> now = passages(copy);
        assertTrue(now.equals(previous) || now.equals(next), "copy " + c + " opens to a complete commit: " + now.size() + " passages");
        if (now.isEmpty()) empty++;
        else if (now.equals(previous)) before++;
        else after++;
      } else if (damaged++ < 3) {
        // found damaged on open: index rebuilds it from the corpus (which now holds the second run's files)
        DamagedIndexTest.Cli r = DamagedIndexTest.cli("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", copy.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("the index was damaged (" + damage), r.out());
        assertEquals(v2, passages(copy), "rebuilt to the corpus");
      }
    }
    System.out.printf("power loss: %d copies: %d without a commit, %d at the commit before the run, %d at the run's commit,"
        + " %d found damaged (the first 3 rebuilt)%n", copies.size(), empty, before, after, damaged);
    assertTrue(copies.size() >= 10, "enough copies were taken: " + copies.size());
  }

  /** Runs index in a child JVM; meanwhile copies the index folder at random moments (20 to 300 ms apart). */
  private void indexWhileCopying(Path corpus, Path index, Random rnd, List<Path> copies, String run) throws Exception {
    try (CliProcess p = CliProcess.start(List.of(), "index", "--extract-in-process", "--threads", "2", "--corpus", corpus.toString(),
        "--index", index.toString())) {
      while (p.process().isAlive()) {
        Thread.sleep(20 + rnd.nextInt(280));
        if (Files.isDirectory(index)) copies.add(copyWithoutSync(index, tmp.resolve(run + "-copy-" + copies.size()), rnd));
      }
      assertEquals(ExitCodes.OK, p.exitCode(60), p.output());
    }
  }

  /** Copies the files present now, in random order; a file deleted meanwhile is missing from the copy, as after a crash. */
  private static Path copyWithoutSync(Path from, Path to, Random rnd) throws IOException {
    Files.createDirectories(to);
    List<Path> files;
    try (var s = Files.list(from)) {
      files = new ArrayList<>(s.toList());
    }
    Collections.shuffle(files, rnd);
    Path newest = null;
    long newestTime = Long.MIN_VALUE;
    for (Path f : files) {
      if (f.getFileName().toString().equals("write.lock")) continue;
      try {
        long t = Files.getLastModifiedTime(f).toMillis();
        Files.write(to.resolve(f.getFileName()), Files.readAllBytes(f)); // what was written so far, no fsync
        if (t >= newestTime) {
          newestTime = t;
          newest = to.resolve(f.getFileName());
        }
      } catch (NoSuchFileException gone) {
        // deleted by the writer (an older commit's file, a merged-away segment) before it was copied
      }
    }
    if (newest != null && rnd.nextBoolean()) {
      // a disk that acknowledged writes it had not made: the most recently written file loses its tail
      byte[] b = Files.readAllBytes(newest);
      Files.write(newest, java.util.Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length)));
    }
    return to;
  }

  /** doc, anchor and text of every passage of the last commit. */
  private static TreeSet<String> passages(Path index) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    try (var dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) return out;
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        var top = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Math.max(1, r.maxDoc()));
        for (var sd : top.scoreDocs) {
          Document d = s.storedFields().document(sd.doc);
          out.add(d.get(Fields.DOC) + "#" + d.get(Fields.ANCHOR) + "#" + d.get(Fields.TEXT).hashCode());
        }
      }
    }
    return out;
  }
}
