package org.policysearch.index;

import java.io.IOException;
import org.apache.lucene.util.IOSupplier;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

  /** The file as the index holds it; the stored extraction is read only when a re-tag needs it. */
  record Indexed(String docId, String sha256, IOSupplier<byte[]> extraction) {}

  /** Writes one document; oldDocId, when not null, is an earlier id of the same file to delete. */
  @FunctionalInterface
  interface Writer {
    void write(ExtractedDocument ex, String sha, byte[] extraction, String oldDocId) throws IOException;
  }

  /** Returns "indexed", "unchanged", "retagged" or "failed". */
  static String decide(SourceFile f, Indexed prev, boolean retagAll, Extractor extractor, Writer writer,
      List<IndexReport.Failure> failures, AtomicLong chars, AtomicLong bytes) throws IOException {
    String sha;
    try {
      sha = Indexer.sha256(f.path());
    } catch (NoSuchFileException e) {
      failures.add(new IndexReport.Failure(f.source(), "UNREADABLE", "file disappeared during the run", prev != null));
      return "failed";
    } catch (IOException e) {
      failures.add(new IndexReport.Failure(f.source(), "UNREADABLE", "cannot read: " + e.getMessage(), prev != null));
      return "failed";
    }
    if (prev != null && prev.sha256().equals(sha) && prev.docId().equals(f.docId())) {
      if (!retagAll) return "unchanged";
      byte[] blob = prev.extraction().get();
      writer.write(StoredExtraction.decode(blob), sha, blob, null);
      return "retagged";
    }
    ExtractedDocument ex = extractor.extract(f.path());
    bytes.addAndGet(f.size());
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
