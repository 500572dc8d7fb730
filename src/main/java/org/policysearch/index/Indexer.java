package org.policysearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.policysearch.analysis.Analyzers;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.extraction.Extractor;
import org.policysearch.passages.PassageSplitter;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.Tagger;

/**
 * The incremental indexer of the embedded index. A run sends every scanned file through the
 * {@link FilePipeline} into this index's {@link IndexWriter} ({@link PassageDocuments#into}):
 * unchanged files are skipped (or re-tagged from their stored extraction when the glossary or
 * schema changed), changed and new files are extracted and replace their passages as one block;
 * the documents of gone files are deleted. A file that fails keeps its last good version. The run's changes are one commit, so
 * a crash at any point leaves the previous commit intact; the merges that commit starts are
 * committed after it (same documents, fewer segments). A damaged index is rebuilt from the corpus.
 */
public final class Indexer {
  private final Path indexDir;
  private final Extractor extractor;
  private final Glossary glossary;
  private final PassageSplitter splitter = new PassageSplitter();
  private final Tagger tagger;
  private final int threads;

  public Indexer(Path indexDir, Extractor extractor, Glossary glossary, int threads) {
    this.indexDir = indexDir;
    this.extractor = extractor;
    this.glossary = glossary;
    this.tagger = new Tagger(glossary, Analyzers.exact());
    this.threads = Math.max(1, threads);
  }

  /** Thrown when the run could not start or commit (index locked, unwritable, corrupt). */
  public static final class IndexUnavailableException extends IOException {
    public IndexUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The previous commit could not be read: the index is damaged. */
  private static final class DamagedIndex extends IOException {
    DamagedIndex(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * One run. The index is verified first ({@link IndexHealth#verify}); a damaged index is repaired
   * from the corpus (its damaged segments dropped and their files re-extracted, or, when that
   * cannot be, deleted and rebuilt), and the report says why and how ({@link IndexReport#rebuilt()}).
   */
  /**
   * Whether the index at this path has a commit of this schema and glossary, so that searching it
   * before a run brings it up to date with the files is right (a server then answers at once and
   * checks the files in the background); false for a missing, unreadable, older or other-glossary
   * index, which a run must rebuild or re-tag first.
   */
  public static boolean isCurrent(Path indexDir, Glossary glossary) {
    if (!Files.isDirectory(indexDir)) return false;
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) return false;
      Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
      return Fields.SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA))
          && glossary.fingerprint().equals(data.get(Fields.COMMIT_GLOSSARY));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  public IndexReport run(CorpusScan scan, boolean full, IndexListener listener) throws IOException {
    return run(scan, full, listener, null);
  }

  /**
   * A run that looks only at the given paths (files or folders, relative to the corpus folder, as
   * a watcher reports them): the other files of the scan are taken as unchanged, so the run reads
   * neither them nor their index entries (issue 20: a saved file is searchable within a second in
   * a corpus of 17,843 files). A file under one of the paths is decided as in a full incremental
   * run; an indexed file under one of them that the scan no longer has is deleted. When the
   * schema or the glossary changed (a new title in SOURCES.tsv makes a new citation concept), every
   * file is looked at.
   *
   * @param only the paths to look at; null for every file
   */
  public IndexReport run(CorpusScan scan, boolean full, IndexListener listener, Set<String> only) throws IOException {
    Files.createDirectories(indexDir);
    // a run over what a watcher saw change checks the footers only: the files were read whole when
    // the server opened the index, and its background CheckIndex reads everything (issue 20: a saved
    // file searchable within a second, not after 256 MB of checksums)
    IndexHealth.Damage damage = IndexHealth.verify(indexDir, only != null && !full ? 0 : IndexHealth.openCheckBytes());
    if (damage != null) return repair(scan, full, listener, damage.toString());
    try {
      return runOnce(scan, full, listener, null, full ? null : only);
    } catch (DamagedIndex e) {
      return rebuild(scan, listener, "the index was damaged (" + e.getMessage() + "): rebuilt it from the corpus");
    }
  }

  /**
   * Damage found on open: where it lies in segments, CheckIndex drops them and this run re-extracts
   * only the files they held (the rest of the index is whole and stays); where it lies in the
   * commit point, or the repaired index still fails the check, everything is rebuilt.
   */
  private IndexReport repair(CorpusScan scan, boolean full, IndexListener listener, String damage) throws IOException {
    String dropped = full ? null : IndexHealth.dropDamagedSegments(indexDir);
    if (dropped != null && IndexHealth.verify(indexDir) == null) {
      try {
        return runOnce(scan, false, listener, "the index was damaged (" + damage + "): dropped the damaged " + dropped
            + " and re-extracted the files it held from the corpus", null);
      } catch (DamagedIndex e) {
        damage = damage + "; then " + e.getMessage();
      }
    }
    return rebuild(scan, listener, "the index was damaged (" + damage + "): rebuilt it from the corpus");
  }

  private IndexReport rebuild(CorpusScan scan, IndexListener listener, String what) throws IOException {
    try {
      IndexHealth.wipe(indexDir);
    } catch (LockObtainFailedException e) {
      throw new IndexUnavailableException("the index " + indexDir + " is in use by another policy-search process", e);
    } catch (IOException e) {
      throw new IndexUnavailableException(unwritable(e), e);
    }
    return runOnce(scan, true, listener, what, null);
  }

  private IndexReport runOnce(CorpusScan scan, boolean full, IndexListener listener, String rebuilt, Set<String> only)
      throws IOException {
    long t0 = System.nanoTime();
    try (Directory dir = FSDirectory.open(indexDir); DirectoryReader previous = full ? null : openPrevious(dir)) {
      Map<String, String> commitData = new HashMap<>();
      Map<String, FileDecision.Indexed> existing;
      try {
        existing = previous == null ? Map.of() : readExisting(previous, commitData, only);
      } catch (org.apache.lucene.index.CorruptIndexException | java.io.EOFException e) {
        throw new DamagedIndex("the last commit: " + IndexHealth.brief(e), e);
      }
      java.util.concurrent.atomic.AtomicReference<Throwable> mergeFailure = new java.util.concurrent.atomic.AtomicReference<>();
      org.apache.lucene.index.ConcurrentMergeScheduler merges = new org.apache.lucene.index.ConcurrentMergeScheduler() {
        @Override
        protected void handleMergeException(Throwable exc) {
          mergeFailure.compareAndSet(null, exc); // reported with the run; the commit does not depend on it
        }
      };
      boolean retagAll = !Fields.SCHEMA_VERSION.equals(commitData.get(Fields.COMMIT_SCHEMA))
          || !glossary.fingerprint().equals(commitData.get(Fields.COMMIT_GLOSSARY));
      if (only != null && (retagAll || previous == null)) {
        // every file must be looked at (re-tagged, or indexed for the first time)
        only = null;
        if (previous != null) existing = readExisting(previous, new HashMap<>(), null);
      }
      CorpusScan looked = only == null ? scan : scan.under(only);
      IndexWriterConfig cfg = new IndexWriterConfig(Fields.analyzer())
          .setOpenMode(full ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false)
          .setMergeScheduler(merges)
          .setMaxFullFlushMergeWaitMillis(0) // no merge inside the commit: merges follow it (finishMerges), and cannot fail it
          .setRAMBufferSizeMB(ramBufferMb());
      IndexWriter writer;
      try {
        writer = new IndexWriter(dir, cfg);
      } catch (LockObtainFailedException e) {
        throw new IndexUnavailableException("the index " + indexDir + " is in use by another policy-search process", e);
      } catch (IOException e) {
        throw new IndexUnavailableException(unwritable(e), e);
      }
      FilePipeline pipeline = new FilePipeline(extractor, splitter, tagger, PassageDocuments.into(writer));
      boolean ok = false;
      try {
        pipeline.runAll(looked, existing, retagAll, threads, "indexer", listener);
        List<FileDecision.Indexed> gone = FileDecision.gone(looked, existing);
        existing = null; // what the decisions needed (~400 bytes a file) is free before the copies are grouped
        for (FileDecision.Indexed e : gone) writer.deleteDocuments(new Term(Fields.DOC, e.docId()));
        writer.updateDocument(new Term(Fields.ID, FieldMapping.GLOSSARY_ID), PassageDocuments.glossary(glossary));
        // the copies change only with the documents: a run that changed none (a server's start-up check, mostly) keeps
        // the entry it finds rather than grouping every fingerprint again
        IndexCounts changed = pipeline.counts(gone.size());
        if (previous == null || changed.indexed() + changed.retagged() + changed.deleted() > 0
            || previous.docFreq(new Term(Fields.ID, FieldMapping.COPIES_ID)) == 0) {
          writer.updateDocument(new Term(Fields.ID, FieldMapping.COPIES_ID), PassageDocuments.copies(copies(writer)));
        }
        Map<String, String> data = new HashMap<>();
        data.put(Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION);
        data.put(Fields.COMMIT_GLOSSARY, glossary.fingerprint());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        ok = true;
        String mergeProblem = finishMerges(writer, merges, mergeFailure);
        listener.finish();
        int[] sizes = count(dir);
        return new IndexReport(pipeline.counts(gone.size()), pipeline.failures(), sizes[0], sizes[1], (System.nanoTime() - t0) / 1e9,
            glossary.problems(), rebuilt, mergeProblem);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof org.apache.lucene.index.CorruptIndexException || c instanceof java.io.EOFException) {
          throw new DamagedIndex("a stored extraction: " + IndexHealth.brief(c), c); // read for a re-tag
        }
        if (c instanceof IOException io) throw new IndexUnavailableException(unwritable(io), io);
        if (c instanceof IllegalStateException closed) throw writerLost(writer, closed, merges, mergeFailure); // a file's thread saw it
        if (c instanceof OutOfMemoryError) throw outOfMemory();
        throw new IndexUnavailableException("indexing failed: " + c, c);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexUnavailableException("interrupted", e);
      } catch (IOException e) {
        throw new IndexUnavailableException(unwritable(e), e);
      } catch (IllegalStateException e) { // AlreadyClosedException too
        throw writerLost(writer, e, merges, mergeFailure);
      } catch (OutOfMemoryError e) {
        throw outOfMemory(); // the writer is rolled back below and the run's memory is free again
      } finally {
        if (ok) writer.close();
        else writer.rollback();
      }
    }
  }

  /**
   * The writer hit an error it cannot recover from (a flush or merge that could not write) and
   * closed itself: says which, from its tragic exception. Lucene treats a failed merge as fatal to
   * the writer, so a merge that ran out of space during the commit lands here; a flush that ran out
   * of space while files were being indexed reaches a file's thread as "this IndexWriter is closed".
   */
  private IndexUnavailableException writerLost(IndexWriter writer, IllegalStateException e,
      org.apache.lucene.index.ConcurrentMergeScheduler merges, java.util.concurrent.atomic.AtomicReference<Throwable> mergeFailure) {
    try {
      merges.sync(); // a merge thread records its failure as it ends, which may be after the writer closed
    } catch (RuntimeException ignored) {
      // the merge's own failure is what matters
    }
    Throwable tragic = writer.getTragicException();
    if (tragic == null && e.getCause() != null) tragic = e.getCause();
    String where = mergeFailure.get() != null ? ", while merging segments" : "";
    IOException cause = new IOException(String.valueOf(tragic == null ? e.getMessage() : tragic.getMessage()) + where,
        tragic == null ? e : tragic);
    return new IndexUnavailableException(unwritable(cause), cause);
  }

  /**
   * The copies among the documents this run's commit will hold: every file entry's fingerprint,
   * read from a reader of the writer's state (its doc-value column: ~20 ms for 17,843 files),
   * grouped once here so that no server has to (issue 20).
   */
  private static Copies copies(IndexWriter writer) throws IOException {
    List<DocumentInfo> docs = new ArrayList<>();
    Map<String, org.policysearch.metadata.TextFingerprint.Parsed> prints = new HashMap<>();
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : r.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        for (DocumentEntry.InSegment e : DocumentEntry.segment(leaf.reader(), DocumentEntry.Read.GROUPING)) {
          if (live != null && !live.get(e.doc())) continue;
          docs.add(e.info());
          if (e.print() != null) prints.put(e.info().id(), e.print());
        }
      }
    }
    return Copies.of(docs, d -> prints.get(d.id()));
  }

  /** The previous commit, or null when there is none; a commit that cannot be opened is damage. */
  private static DirectoryReader openPrevious(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) return null;
    try {
      return DirectoryReader.open(dir);
    } catch (org.apache.lucene.index.CorruptIndexException | java.io.EOFException | java.nio.file.NoSuchFileException
        | org.apache.lucene.index.IndexFormatTooOldException | org.apache.lucene.index.IndexFormatTooNewException e) {
      throw new DamagedIndex("the last commit: " + IndexHealth.brief(e), e);
    }
  }

  /**
   * Lets the merges the commit started finish and commits them, so segments do not pile up run
   * after run. A merge that fails (no space for the merged segment) loses nothing: the run's commit
   * stands, the merge's partial files are deleted and the next run tries again. Returns the
   * failure in words, or null.
   */
  private String finishMerges(IndexWriter writer, org.apache.lucene.index.ConcurrentMergeScheduler merges,
      java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
    try {
      merges.sync();
      if (failure.get() == null && writer.hasUncommittedChanges()) writer.commit();
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
    Throwable f = failure.get();
    if (f == null) return null;
    while (f.getCause() != null && !(f instanceof IOException)) f = f.getCause();
    return "segments were not merged (" + f.getMessage() + "); the index is complete and the next run merges them";
  }

  /** A run that ran out of heap, in one sentence with the way out. */
  private IndexUnavailableException outOfMemory() {
    return new IndexUnavailableException("indexing ran out of memory (the heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MB); the previous index is unchanged: give Java more memory, as java -Xmx2g -jar ...", null);
  }

  /** Why the index could not be written, in one sentence. */
  private String unwritable(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
        return "the disk holding the index " + indexDir + " is full (" + m.strip()
            + "); the previous index is unchanged: free some space and run again";
      }
      if (m.contains("Read-only file system")) {
        return "the index " + indexDir + " is on a read-only file system; the previous index is unchanged";
      }
    }
    return "cannot write the index " + indexDir + ": " + e.getMessage();
  }

  /**
   * The documents of the previous commit. Their stored extractions (the whole text of every file)
   * are read only for a re-tag, one at a time, from the same point-in-time reader: from the
   * extraction record (schema 6) or, in an index written before it, from the document record.
   */
  /**
   * The writer's buffer: an eighth of the heap, between 16 and 256 MB (a server at -Xmx256m
   * re-indexing what changed keeps its searches' memory: issue 20). A bigger buffer flushes fewer,
   * larger segments, which then need fewer merges: `index --full` of the benchmark corpus at -Xmx2g
   * took 70 to 73 s with 256 MB against 78 to 79 s with 64 MB, alternated (BENCHMARKS.md, run 15).
   */
  static double ramBufferMb() {
    return Math.max(16, Math.min(256, Runtime.getRuntime().maxMemory() / (8.0 * 1024 * 1024)));
  }

  private static final Set<String> DECISION_FIELDS = Set.of(Fields.DOC, Fields.SOURCE, Fields.SHA256, Fields.FILE_STAMP);

  private static Map<String, FileDecision.Indexed> readExisting(DirectoryReader r, Map<String, String> commitData,
      Set<String> only) throws IOException {
    Map<String, FileDecision.Indexed> out = new HashMap<>();
    commitData.putAll(r.getIndexCommit().getUserData());
    IndexSearcher searcher = new IndexSearcher(r);
    Query entries = new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
    if (only != null) {
      // the entries of the files at or under the paths looked at
      BooleanQuery.Builder paths = new BooleanQuery.Builder();
      for (String p : only) {
        paths.add(new TermQuery(new Term(Fields.SOURCE, p)), BooleanClause.Occur.SHOULD);
        paths.add(new PrefixQuery(new Term(Fields.SOURCE, p + "/")), BooleanClause.Occur.SHOULD);
      }
      entries = new BooleanQuery.Builder().add(entries, BooleanClause.Occur.FILTER)
          .add(paths.build(), BooleanClause.Occur.FILTER).build();
    }
    Weight w = searcher.createWeight(searcher.rewrite(entries), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : r.leaves()) {
      Scorer scorer = w.scorer(leaf);
      if (scorer == null) continue;
      DocIdSetIterator docs = scorer.iterator();
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc; (doc = docs.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
        if (live != null && !live.get(doc)) continue;
        // the four fields a decision needs, not the whole record (a server re-checks 71,000 files in 256 MB)
        org.apache.lucene.document.Document d = stored.document(doc, DECISION_FIELDS);
        String id = d.get(Fields.DOC);
        int record = leaf.docBase + doc;
        IOSupplier<byte[]> extraction = () -> storedExtraction(searcher, id, record);
        out.put(d.get(Fields.SOURCE), new FileDecision.Indexed(id, d.get(Fields.SHA256), d.get(Fields.FILE_STAMP), extraction));
      }
    }
    return out;
  }

  private static byte[] storedExtraction(IndexSearcher searcher, String docId, int documentRecord) throws IOException {
    TopDocs hit = searcher.search(new TermQuery(new Term(Fields.ID, PassageDocuments.extractionId(docId))), 1);
    int where = hit.scoreDocs.length > 0 ? hit.scoreDocs[0].doc : documentRecord;
    BytesRef b = searcher.storedFields().document(where, Set.of(Fields.EXTRACTED)).getBinaryValue(Fields.EXTRACTED);
    if (b == null) throw new IOException("the index holds no stored extraction for " + docId + ": re-index with --full");
    return java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
  }

  private static int[] count(Directory dir) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      return new int[] {
        s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE))),
        s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)))
      };
    }
  }
}
