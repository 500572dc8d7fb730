package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.index.IndexHealth;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.CliProcess;
import org.policysearch.testing.Fixtures;
import org.policysearch.testing.Tmpfs;

/**
 * The index folder on a 16 MB tmpfs: the disk fills during a commit and during a merge, and the
 * file system turns read-only while the server answers. Needs root to mount (skipped otherwise).
 */
class DiskFaultsTest {
  @TempDir Path tmp;

  @Test
  void aCommitOnAFullDiskFailsCleanlyAndTheRunAfterSpaceReturnsCompletes() throws Exception {
    Path corpus = DamagedIndexTest.generatedCorpus(tmp.resolve("corpus"), 20);
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "16m")) {
      Path index = firstRun(corpus, disk);
      Path filler = disk.dir().resolve("filler");
      disk.fillLeaving(filler, 64 * 1024);
      Fixtures.text(corpus.resolve("large.txt"), randomText(new Random(1), 100_000) + "\n\nThe closing words of the large file.\n");

      DamagedIndexTest.Cli full = index(corpus, index);
      assertEquals(ExitCodes.CANNOT_RUN, full.code(), full.out() + full.err());
      List<String> lines = full.err().lines().filter(l -> l.startsWith("policy-search: ")).toList();
      assertEquals(1, lines.size(), full.err());
      assertTrue(lines.get(0).contains("the disk holding the index " + index + " is full") && lines.get(0).contains("No space left on device"),
          "says what happened: " + lines.get(0));
      assertFalse(full.err().contains("\tat "), "no stack trace");
      assertIntact(index, 20, 0);

      Files.delete(filler);
      DamagedIndexTest.Cli again = index(corpus, index);
      assertEquals(ExitCodes.OK, again.code(), again.out() + again.err() + "\nfree: " + disk.free() + " bytes");
      assertTrue(again.out().contains("indexed 1, unchanged 20"), again.out());
      assertIntact(index, 21, 1);
    }
  }

  @Test
  void aFileTooLargeForTheDiskLeftSaysTheDiskIsFull() throws Exception {
    // the segment of one large file does not fit: the writer fails while a file's thread is still at work, and that
    // thread sees only "this IndexWriter is closed"; the run says why it closed
    Path corpus = DamagedIndexTest.generatedCorpus(tmp.resolve("corpus"), 300);
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "16m")) {
      Path index = firstRun(corpus, disk);
      Fixtures.text(corpus.resolve("report-000.txt"), "Report on harbour number 0\n\n" + randomText(new Random(7), 12_000));
      disk.keepFree(disk.dir().resolve("filler"), 1024 * 1024);
      DamagedIndexTest.Cli r = index(corpus, index);
      assertEquals(ExitCodes.CANNOT_RUN, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("the disk holding the index " + index + " is full (No space left on device")
          && r.err().contains("the previous index is unchanged"), r.err());
      assertFalse(r.err().contains("IndexWriter is closed") || r.err().contains("\tat "), r.err());
      assertIntact(index, 300, 0);
    }
  }

  @Test
  void aMergeOnAFullDiskLosesNothingAndTheNextRunMerges() throws Exception {
    Path corpus = DamagedIndexTest.generatedCorpus(tmp.resolve("corpus"), 300);
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "16m")) {
      Path index = firstRun(corpus, disk);
      // each run changes another file (some 27 KB of words that compress poorly) and adds a segment of its own (some
      // 180 KB); about the tenth run starts a merge of most of them (over 1 MB). Each run starts with 700 KB free: room
      // for its own segment (twice, while it becomes a compound file) and the commit, not for the merged segment
      // Lucene counts a failed merge as fatal to that writer: when the merge fails before the run's commit is
      // written, the run stops (exit 3) with the previous commit intact; after it, the commit stands (exit 0, a note)
      DamagedIndexTest.Cli failed = null;
      int k = 0, lastCommitted = -1, mostSegments = 0;
      StringBuilder runs = new StringBuilder();
      for (; k < 40 && failed == null; k++) {
        Fixtures.text(corpus.resolve(String.format("report-%03d.txt", k)), "Report on harbour number " + k + "\n\nRevised: quay "
            + (1000 + k) + " is closed for dredging.\n\n" + randomText(new Random(k), 4_000));
        disk.keepFree(disk.dir().resolve("filler"), 700 * 1024);
        DamagedIndexTest.Cli r = index(corpus, index);
        if (r.code() == ExitCodes.OK) {
          lastCommitted = k;
          if (r.out().contains("segments were not merged")) failed = r;
        } else {
          assertEquals(ExitCodes.CANNOT_RUN, r.code(), r.out() + r.err());
          assertTrue(r.err().contains("is full (No space left on device") && r.err().contains("the previous index is unchanged"), r.err());
          assertFalse(r.err().contains("\tat "), "no stack trace");
          if (r.err().contains("while merging segments")) failed = r;
        }
        assertNull(IndexHealth.verify(index), "whole after run " + k);
        runs.append("\nrun ").append(k).append(": exit ").append(r.code()).append(", segments ").append(sizes(index)).append("; ")
            .append((r.out() + r.err()).lines().filter(l -> l.startsWith("note") || l.startsWith("policy-search")).toList());
        mostSegments = Math.max(mostSegments, segments(index));
      }
      assertTrue(failed != null, "a merge ran out of space within 40 runs:" + runs);
      System.out.println("disk full during a merge:" + runs);
      assertTrue((failed.out() + failed.err()).contains("No space left on device"), failed.out() + failed.err());
      assertTrue(IndexHealth.fullCheck(index).clean());
      try (SearchService s = new SearchService(index, Glossary.empty())) {
        assertEquals(1, s.search(SearchRequest.of("\"quay " + (1000 + lastCommitted) + " is closed\"")).total(), "the last commit stands");
        assertEquals(300, s.documents().size());
      }

      Files.delete(disk.dir().resolve("filler"));
      Fixtures.text(corpus.resolve("report-299.txt"), "Report on harbour number 299\n\nRevised again.\n");
      DamagedIndexTest.Cli merged = index(corpus, index);
      assertEquals(ExitCodes.OK, merged.code(), merged.out() + merged.err());
      assertFalse(merged.out().contains("not merged"), merged.out());
      assertTrue(segments(index) < mostSegments, "the next run merged: " + mostSegments + " -> " + segments(index) + " segments");
      assertTrue(IndexHealth.fullCheck(index).clean());
    }
  }

  @Test
  void anIndexFolderThatTurnsReadOnlyWhileServingKeepsAnsweringAndIndexingSaysWhy() throws Exception {
    Path corpus = DamagedIndexTest.generatedCorpus(tmp.resolve("corpus"), 20);
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "16m")) {
      Path index = disk.dir().resolve("index");
      try (CliProcess serve = CliProcess.start(List.of(), "serve", "--corpus", corpus.toString(), "--index", index.toString(),
          "--port", "0", "--no-watch")) {
        int port = serve.port(120);
        assertTrue(serve.await("clean", 60), serve.output()); // the background check is done before the remount
        assertEquals(1, total(DamagedIndexTest.get(port, "/api/search?q=%22harbour+number+7%22")));

        disk.readOnly();
        Fixtures.text(corpus.resolve("report-007.txt"), "Report on harbour number 7\n\nRevised while the disk is read-only.\n");
        HttpResponse<String> re = post(port, "/api/reindex");
        assertEquals(503, re.statusCode(), re.body());
        assertTrue(re.body().contains("\"error\":\"reindex_failed\"") && re.body().contains("read-only file system")
            && re.body().contains("searches go on"), re.body());
        for (int i = 0; i < 5; i++) {
          assertEquals(1, total(DamagedIndexTest.get(port, "/api/search?q=%22harbour+number+7%22")), "still answers from the last commit");
          assertEquals(0, total(DamagedIndexTest.get(port, "/api/search?q=%22revised+while+the+disk%22")));
        }
        assertEquals(200, DamagedIndexTest.get(port, "/health").statusCode());
        assertTrue(serve.output().contains("re-indexing failed: the index " + index + " is on a read-only file system"), serve.output());
      }
    }
  }

  /** The index folder on the tmpfs, after a first run over the corpus. */
  private static Path firstRun(Path corpus, Tmpfs disk) {
    Path index = disk.dir().resolve("index");
    assertEquals(ExitCodes.OK, index(corpus, index).code());
    return index;
  }

  private static DamagedIndexTest.Cli index(Path corpus, Path index) {
    return DamagedIndexTest.cli("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString());
  }

  private static int total(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    var m = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(r.body());
    assertTrue(m.find(), r.body());
    return Integer.parseInt(m.group(1));
  }

  private static HttpResponse<String> post(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertIntact(Path index, int documents, int largeFileHits) throws Exception {
    assertNull(IndexHealth.verify(index), "the index is whole");
    try (SearchService s = new SearchService(index, Glossary.empty())) {
      assertEquals(documents, s.documents().size());
      assertEquals(1, s.search(SearchRequest.of("\"harbour number 7\"")).total());
      assertEquals(largeFileHits, s.search(SearchRequest.of("\"closing words of the large file\"")).total());
    }
  }

  private static int segments(Path index) throws Exception {
    try (var dir = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(dir).size();
    }
  }

  /** The sizes of the last commit's segments. */
  private static String sizes(Path index) throws Exception {
    try (var dir = FSDirectory.open(index)) {
      StringBuilder b = new StringBuilder("[");
      for (var si : SegmentInfos.readLatestCommit(dir)) b.append(si.sizeInBytes() / 1024).append("K ");
      return b.append("]").toString();
    }
  }

  /** Words of random letters: text that compresses poorly, so its index is large. */
  static String randomText(Random rnd, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int len = 3 + rnd.nextInt(8);
      for (int j = 0; j < len; j++) b.append((char) ('a' + rnd.nextInt(26)));
      b.append(i % 15 == 14 ? ".\n\n" : " ");
    }
    return b.toString();
  }
}
