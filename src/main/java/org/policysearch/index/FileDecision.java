package org.policysearch.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.util.IOSupplier;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.SourceFile;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;

/**
 * What an incremental run does with one file, the same for both backends: a file whose content
 * hash matches the index is left alone (or re-tagged from its stored extraction when the glossary
 * or schema changed); a new or changed file is extracted and written; a file that fails is
 * reported and its last good version stays.
 */
final class FileDecision {
  private FileDecision() {}

  /** Reads of a file that keeps changing while it is read before it is reported (and left for the next run). */
  static final int CHANGE_RETRIES = 3;

  /** The file as the index holds it; the stored extraction is read only when a re-tag needs it. */
  record Indexed(String docId, String sha256, IOSupplier<byte[]> extraction) {}

  /** Writes one document; oldDocId, when not null, is an earlier id of the same file to delete. */
  @FunctionalInterface
  interface Writer {
    void write(ExtractedDocument ex, String sha, byte[] extraction, String oldDocId) throws IOException;
  }

  /** One file's work in a run: {@link #decide} with the backend's writer; returns its outcome. */
  @FunctionalInterface
  interface PerFile {
    String run(SourceFile f) throws IOException;
  }

  /** How many files a run indexed, left unchanged and re-tagged. */
  record Counts(int indexed, int unchanged, int retagged) {}

  /**
   * Runs every scanned file through perFile on threads daemon threads, reporting each to the
   * listener, and counts the outcomes; the first failure of a task ends the run (the caller rolls
   * back or leaves the commit out).
   */
  static Counts runAll(CorpusScan scan, int threads, String threadName, IndexListener listener, PerFile perFile)
      throws ExecutionException, InterruptedException {
    AtomicInteger indexed = new AtomicInteger(), unchanged = new AtomicInteger(), retagged = new AtomicInteger();
    listener.start(scan.files().size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (SourceFile f : scan.files()) {
        tasks.add(pool.submit(() -> {
          String what = perFile.run(f);
          switch (what) {
            case "indexed" -> indexed.incrementAndGet();
            case "unchanged" -> unchanged.incrementAndGet();
            case "retagged" -> retagged.incrementAndGet();
            default -> { }
          }
          listener.fileDone(f.source(), what);
          return null;
        }));
      }
      for (Future<?> t : tasks) t.get();
    } finally {
      pool.shutdownNow();
    }
    return new Counts(indexed.get(), unchanged.get(), retagged.get());
  }

  /** The entries of a previous run (keyed by source path) whose file is no longer in the scan. */
  static <E> List<E> vanished(CorpusScan scan, Map<String, E> bySource) {
    Set<String> present = new HashSet<>();
    for (SourceFile f : scan.files()) present.add(f.source());
    List<E> out = new ArrayList<>();
    for (Map.Entry<String, E> e : bySource.entrySet()) if (!present.contains(e.getKey())) out.add(e.getValue());
    return out;
  }

  /** The file's SHA-256, or null with the failure recorded when it cannot be read. */
  private static String hash(SourceFile f, Indexed prev, List<IndexReport.Failure> failures) {
    try {
      return Indexer.sha256(f.path());
    } catch (NoSuchFileException e) {
      failures.add(new IndexReport.Failure(f.source(), "UNREADABLE", "file disappeared during the run", prev != null));
    } catch (IOException e) {
      failures.add(new IndexReport.Failure(f.source(), "UNREADABLE", "cannot read: " + e.getMessage(), prev != null));
    }
    return null;
  }

  /** The file's modification time, or null when it cannot be read (the hash then says why). */
  private static java.nio.file.attribute.FileTime modified(SourceFile f) {
    try {
      return java.nio.file.Files.getLastModifiedTime(f.path());
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns "indexed", "unchanged", "retagged" or "failed". */
  static String decide(SourceFile f, Indexed prev, boolean retagAll, Extractor extractor, Writer writer,
      List<IndexReport.Failure> failures, AtomicLong chars, AtomicLong bytes) throws IOException {
    java.nio.file.attribute.FileTime stamp = modified(f); // before the hash: any later write moves it
    String sha = hash(f, prev, failures);
    if (sha == null) return "failed";
    if (prev != null && prev.sha256().equals(sha) && prev.docId().equals(f.docId())) {
      if (!retagAll) return "unchanged";
      byte[] blob = prev.extraction().get();
      writer.write(StoredExtraction.decode(blob), sha, blob, null);
      return "retagged";
    }
    ExtractedDocument ex = null;
    for (int attempt = 1; ex == null; attempt++) {
      ExtractedDocument read = extractor.extract(f.path());
      bytes.addAndGet(f.size());
      // the text must be the content the hash names: a file rewritten while it was read (even back to the
      // same bytes, A B A, which the hash alone cannot see) is read again
      java.nio.file.attribute.FileTime stampAfter = modified(f);
      String after = hash(f, prev, failures);
      if (after == null) return "failed";
      if (after.equals(sha) && java.util.Objects.equals(stamp, stampAfter)) {
        ex = read;
      } else if (attempt == CHANGE_RETRIES) {
        failures.add(new IndexReport.Failure(f.source(), "CHANGING", "the file changed while it was read, " + attempt
            + " times; the next run indexes it", prev != null));
        return "failed";
      } else {
        sha = after;
        stamp = stampAfter;
      }
    }
    if (!ex.outcome().indexable()) {
      failures.add(new IndexReport.Failure(f.source(), ex.outcome().name(), ex.reason(), prev != null));
      return "failed";
    }
    if (ex.reason() != null) {
      failures.add(new IndexReport.Failure(f.source(), ex.outcome().name(), ex.reason() + " (indexed up to there)", false));
    }
    chars.addAndGet(ex.characters());
    writer.write(ex, sha, StoredExtraction.encode(ex), prev != null && !prev.docId().equals(f.docId()) ? prev.docId() : null);
    return "indexed";
  }
}
