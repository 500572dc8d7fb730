package org.policysearch.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.FileHash;
import org.policysearch.corpus.ScanProblem;
import org.policysearch.corpus.SourceFile;
import org.policysearch.corpus.SourceMetadata;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;
import org.policysearch.prepare.DocumentPreparation;
import org.policysearch.terms.Tagger;

/**
 * One run's way through the scanned files, the same for both backends: for each file, decide
 * ({@link FileDecision}: unchanged, changed; gone files are the backend's to delete), extract,
 * prepare (language, front matter, metadata, passages: {@link DocumentPreparation}), tag, and
 * write ({@link DocumentWriter}); each file ends in a {@link FileOutcome}, counted for the summary
 * ({@link #counts}). A file that fails is reported by name and its last good version stays.
 */
public final class FilePipeline {
  /** Reads of a file that keeps changing while it is read before it is reported (and left for the next run). */
  static final int CHANGE_RETRIES = 3;

  private final Extractor extractor;
  private final PassageSplitter splitter;
  private final Tagger tagger;
  private final DocumentWriter writer;
  private final Map<FileOutcome, AtomicInteger> outcomes = new EnumMap<>(FileOutcome.class);
  private final AtomicLong characters = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final List<IndexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());

  public FilePipeline(Extractor extractor, PassageSplitter splitter, Tagger tagger, DocumentWriter writer) {
    this.extractor = extractor;
    this.splitter = splitter;
    this.tagger = tagger;
    this.writer = writer;
    for (FileOutcome o : FileOutcome.values()) outcomes.put(o, new AtomicInteger());
  }

  /**
   * Runs every scanned file through {@link #index} on threads daemon threads, reporting each to
   * the listener; the scan's problems are failures too. The first failure of a task (an error of
   * the backend, not of a file) ends the run: the caller rolls back or leaves the commit out.
   */
  public void runAll(CorpusScan scan, Map<String, FileDecision.Indexed> indexed, boolean retagAll, int threads,
      String threadName, IndexListener listener) throws ExecutionException, InterruptedException {
    for (ScanProblem p : scan.problems()) failures.add(new IndexReport.Failure(p.source(), "SKIPPED", p.reason(), false));
    listener.start(scan.files().size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (SourceFile f : scan.files()) {
        tasks.add(pool.submit(() -> {
          FileOutcome outcome = index(f, scan.metadataFor(f.source()), indexed.get(f.source()), retagAll);
          outcomes.get(outcome).incrementAndGet();
          listener.fileDone(f.source(), outcome);
          return null;
        }));
      }
      for (Future<?> t : tasks) t.get();
    } finally {
      pool.shutdownNow();
    }
  }

  /** One file: decide, extract, prepare, tag, write. */
  FileOutcome index(SourceFile f, SourceMetadata meta, FileDecision.Indexed indexed, boolean retagAll) throws IOException {
    boolean kept = indexed != null; // a failure leaves the indexed version searchable
    FileDecision.Decision decision;
    try {
      decision = FileDecision.decide(f, indexed, retagAll);
    } catch (IOException e) {
      return unreadable(f, e, kept);
    }
    switch (decision.action()) {
      case UNCHANGED:
        return FileOutcome.UNCHANGED;
      case RETAG:
        byte[] stored = indexed.extraction().get();
        write(f, meta, StoredExtraction.decode(stored), decision.sha256(), decision.stamp(), stored, null);
        return FileOutcome.RETAGGED;
      case CHANGED:
      default:
        break;
    }
    Extraction read = extract(f, decision, kept);
    if (read.failed != null) return read.failed;
    ExtractedDocument ex = read.document;
    if (!ex.outcome().indexable()) {
      failures.add(new IndexReport.Failure(f.source(), ex.outcome().name(), ex.reason(), kept));
      return FileOutcome.FAILED;
    }
    if (ex.reason() != null) {
      failures.add(new IndexReport.Failure(f.source(), ex.outcome().name(), ex.reason() + " (indexed up to there)", false));
    }
    characters.addAndGet(ex.characters());
    String renamedFrom = indexed != null && !indexed.docId().equals(f.docId()) ? indexed.docId() : null;
    write(f, meta, ex, read.sha256, read.stamp, StoredExtraction.encode(ex), renamedFrom);
    return FileOutcome.INDEXED;
  }

  /** An extraction whose text is the content sha256 names, or the outcome of a file that could not be read. */
  private record Extraction(ExtractedDocument document, String sha256, String stamp, FileOutcome failed) {}

  /**
   * Extracts the file. The text must be the content the hash names: a file rewritten while it was
   * read (even back to the same bytes, A B A, which the hash alone cannot see) is read again.
   */
  private Extraction extract(SourceFile f, FileDecision.Decision seen, boolean kept) throws IOException {
    String sha = seen.sha256();
    FileTime stamp = seen.modified();
    String fileStamp = seen.stamp();
    for (int attempt = 1; ; attempt++) {
      ExtractedDocument read = extractor.extract(f.path());
      bytes.addAndGet(f.size());
      FileTime stampAfter = FileDecision.modified(f);
      String after;
      try {
        after = FileHash.sha256(f.path());
      } catch (IOException e) {
        return new Extraction(null, null, null, unreadable(f, e, kept));
      }
      if (after.equals(sha) && Objects.equals(stamp, stampAfter)) return new Extraction(read, sha, fileStamp, null);
      if (attempt == CHANGE_RETRIES) {
        failures.add(new IndexReport.Failure(f.source(), "CHANGING", "the file changed while it was read, " + attempt
            + " times; the next run indexes it", kept));
        return new Extraction(null, null, null, FileOutcome.FAILED);
      }
      sha = after;
      stamp = stampAfter;
      fileStamp = null; // changed while read: hash it again next run
    }
  }

  /** Prepares, tags and writes one document. */
  private void write(SourceFile f, SourceMetadata meta, ExtractedDocument ex, String sha, String stamp, byte[] extraction,
      String replacedDocId) throws IOException {
    DocumentPreparation.Prepared p = DocumentPreparation.prepare(splitter, f, meta, ex);
    DocumentInfo info = new DocumentInfo(f.docId(), f.source(), p.title(), p.titleEn(), p.lang(), p.date(), p.issuer(),
        p.dateFirst(), p.dateSource(), p.number(), ex.mediaType(), ex.pages(), p.passages().size(), sha, p.fingerprint(),
        ex.ocrPages().size(), stamp);
    List<TaggedPassage> tagged = new ArrayList<>(p.passages().size());
    for (Passage passage : p.passages()) tagged.add(TaggedPassage.of(tagger, passage));
    writer.write(info, tagged, extraction, replacedDocId);
  }

  private FileOutcome unreadable(SourceFile f, IOException e, boolean kept) {
    String reason = e instanceof NoSuchFileException ? "file disappeared during the run" : "cannot read: " + e.getMessage();
    failures.add(new IndexReport.Failure(f.source(), "UNREADABLE", reason, kept));
    return FileOutcome.FAILED;
  }

  /** The run's counts, with the documents of gone files the backend deleted. */
  public IndexCounts counts(int deleted) {
    return new IndexCounts(outcomes.get(FileOutcome.INDEXED).get(), outcomes.get(FileOutcome.UNCHANGED).get(),
        outcomes.get(FileOutcome.RETAGGED).get(), deleted, failures.size(), characters.get(), bytes.get());
  }

  /** The run's failures so far: the scan's problems first, then the files' in the order they happened. */
  public List<IndexReport.Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }
}
