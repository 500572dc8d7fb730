package org.policysearch.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;

/**
 * Is the index in a folder whole? Two checks, both Lucene's own:
 *
 * <ul>
 *   <li>{@link #verify} (on every open by search, serve and index): reads the last commit point
 *       (the segments file is checksummed as it is read), then checks the footer of every file
 *       the commit references and the CRC32 of the whole file for the smallest files up to
 *       {@link #openCheckBytes()} bytes in all (256 MB by default: the whole of any index up to
 *       that size). Costs about a millisecond per megabyte from the page cache.
 *   <li>{@link #fullCheck}: Lucene's {@link CheckIndex} (checksums, then every segment opened and
 *       its postings, stored fields, doc values and points decoded and cross-checked), run by the
 *       {@code check} command and in the background after {@code serve} starts.
 * </ul>
 */
public final class IndexHealth {
  private IndexHealth() {}

  /** What is wrong with one file or segment of the index, in words. */
  public record Damage(String where, String problem) {
    @Override
    public String toString() {
      return where + ": " + problem;
    }
  }

  /** The result of a full check: clean, or the damage found, with what was looked at. */
  public record Report(boolean clean, int segments, int documents, List<Damage> damage, double seconds, String log) {}

  /**
   * Bytes read whole by {@link #verify}, smallest files first; beyond it only footers are
   * checked. System property {@code policysearch.openCheckBytes} (default 256 MB).
   */
  public static long openCheckBytes() {
    return Long.getLong("policysearch.openCheckBytes", 256L << 20);
  }

  /** True when the folder holds a commit point (damaged or not). */
  public static boolean exists(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) return false;
    try (Directory dir = FSDirectory.open(indexDir)) {
      return DirectoryReader.indexExists(dir);
    }
  }

  /**
   * The cheap check run on every open: null when the last commit and the files it references are
   * whole (or there is no index yet), else the first damage found. A folder that cannot be read at
   * all (permissions) is not damage: that IOException is thrown.
   */
  public static Damage verify(Path indexDir) throws IOException {
    return verify(indexDir, openCheckBytes());
  }

  /** As {@link #verify(Path)}, reading whole files up to this many bytes (0: footers only). */
  public static Damage verify(Path indexDir, long wholeFileBudget) throws IOException {
    if (!Files.isDirectory(indexDir)) return null;
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) return null;
      SegmentInfos infos;
      try {
        infos = SegmentInfos.readLatestCommit(dir);
      } catch (AccessDeniedException e) {
        throw e;
      } catch (IOException e) {
        return new Damage("the commit point (segments file)", brief(e));
      }
      List<String> files = new ArrayList<>(infos.files(true));
      List<long[]> sizes = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        try {
          sizes.add(new long[] {dir.fileLength(files.get(i)), i});
        } catch (AccessDeniedException e) {
          throw e;
        } catch (IOException e) {
          return new Damage(files.get(i), "missing (" + brief(e) + ")");
        }
      }
      sizes.sort(Comparator.comparingLong(s -> s[0]));
      long budget = wholeFileBudget;
      for (long[] s : sizes) {
        String file = files.get((int) s[1]);
        boolean whole = s[0] <= budget;
        if (whole) budget -= s[0];
        try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
          if (whole) CodecUtil.checksumEntireFile(in);
          else CodecUtil.retrieveChecksum(in, s[0]);
        } catch (AccessDeniedException e) {
          throw e;
        } catch (IOException e) {
          return new Damage(file, brief(e));
        }
      }
      return null;
    }
  }

  /**
   * Lucene's CheckIndex over the last commit. It takes the index's write lock for its duration,
   * so it never reads a commit that a writer is replacing; {@link org.apache.lucene.store.LockObtainFailedException}
   * when a writer holds it.
   */
  public static Report fullCheck(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      return check(dir, dir.obtainLock(IndexWriter.WRITE_LOCK_NAME));
    }
  }

  /**
   * {@link #fullCheck} without the write lock, so that an indexing run (a file saved while a
   * server's start-up check runs: issue 20) need not wait 10 to 20 s for it. A run that commits
   * meanwhile may delete files of the commit being read (a merged segment, an older deletions
   * file, an older commit point), which would look like damage: a check that is not clean while the
   * index's commit points changed under it proves nothing and answers null, and the caller checks
   * again with {@link #fullCheck}. A clean answer means the commit it read was whole.
   */
  public static Report fullCheckBesideWriters(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      List<String> before = commitPoints(dir);
      Report r;
      try {
        r = check(dir, NO_LOCK);
      } catch (IOException e) {
        if (commitPoints(dir).equals(before)) throw e;
        return null; // a file gone from under the check itself (as a missing one above): unsure
      }
      if (r.clean() || commitPoints(dir).equals(before)) return r;
      return null;
    }
  }

  /**
   * The commit points' files (segments_N). A writer deletes files of a commit only with the commit
   * point itself, and writes each commit's point: while this list stays the same, no file a check
   * reads went away (CheckIndex also reads the older commit points it lists, which a commit deletes).
   */
  private static List<String> commitPoints(Directory dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String f : dir.listAll()) if (f.startsWith(org.apache.lucene.index.IndexFileNames.SEGMENTS + "_")) out.add(f);
    return out;
  }

  /** Stands for the write lock where none is taken: {@link #fullCheckBesideWriters} reads beside writers. */
  private static final Lock NO_LOCK = new Lock() {
    @Override
    public void close() {}

    @Override
    public void ensureValid() {}
  };

  private static Report check(Directory dir, Lock lock) throws IOException {
    long t0 = System.nanoTime();
    try (lock; CheckIndex checker = new CheckIndex(dir, lock)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8), false);
      checker.setThreadCount(1);
      CheckIndex.Status st = checker.checkIndex();
      List<Damage> damage = new ArrayList<>();
      int docs = 0;
      if (st.missingSegments) {
        damage.add(new Damage("the commit point (segments file)", "unreadable: " + firstError(log.toString(StandardCharsets.UTF_8))));
      }
      for (CheckIndex.Status.SegmentInfoStatus s : st.segmentInfos) {
        docs += s.maxDoc;
        if (s.error != null) {
          damage.add(new Damage("segment " + s.name + " (" + s.maxDoc + " records, " + String.format("%.1f", s.sizeMB) + " MB)",
              brief(s.error)));
        }
      }
      if (!st.clean && damage.isEmpty()) damage.add(new Damage("the index", firstError(log.toString(StandardCharsets.UTF_8))));
      return new Report(st.clean && damage.isEmpty(), st.numSegments, docs, List.copyOf(damage), (System.nanoTime() - t0) / 1e9,
          log.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Drops the damaged segments from the last commit with CheckIndex's own repair ({@link
   * CheckIndex#exorciseIndex}), so that the next incremental run re-extracts only the files whose
   * documents they held. Returns what was dropped ("segment (1504 records)"), or null when the
   * commit point itself is damaged or nothing could be dropped (then only a rebuild helps).
   */
  static String dropDamagedSegments(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        CheckIndex checker = new CheckIndex(dir, lock)) {
      checker.setInfoStream(new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), false);
      checker.setThreadCount(1);
      CheckIndex.Status st = checker.checkIndex();
      if (st.clean || st.missingSegments || st.numBadSegments == 0 || st.partial) return null;
      checker.exorciseIndex(st);
      return (st.numBadSegments == 1 ? "segment (" : st.numBadSegments + " segments (") + st.totLoseDocCount + " records)";
    } catch (IOException | RuntimeException e) {
      return null; // CheckIndex could not make sense of it: rebuild
    }
  }

  /** Deletes every file of the index folder but the lock, holding the lock: a damaged index is rebuilt from nothing. */
  static void wipe(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      for (String f : dir.listAll()) {
        if (f.equals(IndexWriter.WRITE_LOCK_NAME)) continue;
        lock.ensureValid();
        dir.deleteFile(f);
      }
    }
  }

  /** The first line of an exception's message, without Lucene's resource suffix, named by its kind. */
  public static String brief(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
    String m = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    int r = m.indexOf(" (resource=");
    if (r > 0) m = m.substring(0, r);
    String kind = t instanceof org.apache.lucene.index.CorruptIndexException ? "corrupt"
        : t instanceof java.io.EOFException ? "truncated"
        : t instanceof java.nio.file.NoSuchFileException || t instanceof java.io.FileNotFoundException ? "file missing"
        : t instanceof org.apache.lucene.index.IndexFormatTooOldException || t instanceof org.apache.lucene.index.IndexFormatTooNewException
            ? "written by another Lucene version"
        : t.getClass().getSimpleName();
    return m.isBlank() ? kind : kind + ", " + m.strip();
  }

  private static String firstError(String log) {
    return log.lines().filter(l -> l.contains("ERROR") || l.contains("FAILED")).map(String::strip).findFirst().orElse("CheckIndex found it unclean");
  }
}
