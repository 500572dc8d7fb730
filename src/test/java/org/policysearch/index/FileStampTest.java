package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/**
 * Issue 20, cold start: a run trusts a file's size and modification time when they are those its
 * hash was taken at, and hashes it otherwise. The trust is observable: a same-size rewrite that
 * keeps the old modification time is not seen (as with make or rsync's quick check) until
 * {@code --full}; a file hashed within seconds of its last write gets no stamp, so such a rewrite
 * is seen.
 */
class FileStampTest {
  @TempDir Path tmp;

  private IndexReport index(Path corpus, Path idx, boolean full, Extractor ex) throws Exception {
    return new Indexer(idx, ex, Glossary.empty(), 2).run(new CorpusScanner(corpus, Set.of()).scan(), full, IndexListener.NONE);
  }

  private static long hits(Path idx, String q) throws Exception {
    try (SearchService s = new SearchService(idx, Glossary.empty())) {
      return s.search(SearchRequest.of(q)).total();
    }
  }

  @Test
  void anOldFileWithItsStampIsNotHashedAndFullReadsIt() throws Exception {
    Path corpus = tmp.resolve("corpus"), idx = tmp.resolve("index");
    Path a = corpus.resolve("a.txt");
    Fixtures.text(a, "Alpha: semiconductors and robots.");
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(a, old);
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      assertEquals(1, index(corpus, idx, false, ex).indexed());
      // same size, other bytes, the old modification time put back: the stamp is trusted
      Files.writeString(a, "Alpha: overcapacity and robots!!!");
      assertEquals("Alpha: semiconductors and robots.".length(), Files.size(a));
      Files.setLastModifiedTime(a, old);
      IndexReport quick = index(corpus, idx, false, ex);
      assertEquals(1, quick.unchanged());
      assertEquals(1, ex.extractions());
      assertEquals(1, hits(idx, "semiconductors"));

      // any other modification time is hashed: touching alone changes nothing
      FileTime recorded = FileTime.from(Instant.now().minusSeconds(1800));
      Files.setLastModifiedTime(a, recorded);
      IndexReport hashed = index(corpus, idx, false, ex);
      assertEquals(1, hashed.indexed(), "the hash sees the new bytes");
      assertEquals(1, hits(idx, "overcapacity"));

      Files.setLastModifiedTime(a, FileTime.from(Instant.now().minusSeconds(900)));
      assertEquals(1, index(corpus, idx, false, ex).unchanged(), "touched, same bytes: unchanged");
      assertEquals(2, ex.extractions());

      // --full reads every file whatever its stamp
      Files.writeString(a, "Alpha: procurement and robots!!!!");
      assertEquals("Alpha: semiconductors and robots.".length(), Files.size(a));
      Files.setLastModifiedTime(a, recorded);
      assertEquals(1, index(corpus, idx, false, ex).unchanged(), "the recorded stamp again: trusted");
      assertEquals(0, hits(idx, "procurement"));
      assertEquals(1, index(corpus, idx, true, ex).indexed());
      assertEquals(1, hits(idx, "procurement"));
    }
  }

  @Test
  void aFileWrittenJustBeforeItsHashGetsNoStampAndIsHashedNextRun() throws Exception {
    Path corpus = tmp.resolve("corpus"), idx = tmp.resolve("index");
    Path a = corpus.resolve("a.txt");
    Fixtures.text(a, "Alpha: semiconductors and robots.");
    FileTime now = Files.getLastModifiedTime(a);
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      assertEquals(1, index(corpus, idx, false, ex).indexed());
      Files.writeString(a, "Alpha: overcapacity and robots!!!");
      Files.setLastModifiedTime(a, now); // same size, same time: only the hash can tell
      assertEquals(1, index(corpus, idx, false, ex).indexed(), "no stamp was recorded, so the file was hashed");
      assertEquals(1, hits(idx, "overcapacity"));
    }
  }

  @Test
  void theStampIsSizeAndTimeAndNoneForRecentFiles() throws Exception {
    Path f = tmp.resolve("f.txt");
    Fixtures.text(f, "twelve bytes");
    BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
    long mtime = attrs.lastModifiedTime().toMillis();
    assertNull(FileDecision.stamp(attrs, mtime + 1000), "written a second ago");
    assertEquals("12/" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.MICROSECONDS),
        FileDecision.stamp(attrs, mtime + FileDecision.RACY_MS + 1));
  }
}
