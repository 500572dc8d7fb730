package org.policysearch.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.Mention;

/**
 * The embedded Lucene index as a {@link SearchBackend}: opens the index, holds its one
 * {@link SearcherManager} ({@link #refresh()} after each commit) and refuses reads while the index
 * is known to be damaged. Searches run in {@link LuceneSearch}; what is computed once per index
 * generation lives in {@link GenerationCaches}; the reader ({@link DocumentReader}) and the
 * suggestions ({@link Suggester}) work on its searchers. Thread-safe: every call acquires a
 * searcher and releases it.
 */
public final class SearchService implements SearchBackend {
  /** A search that runs longer is stopped and answered with a clear message (wildcards over a huge index, say). */
  static final long SEARCH_TIMEOUT_MS = 10_000;

  private final Directory dir;
  private final SearcherManager manager;
  private final GenerationCaches caches;
  private final LuceneSearch searches;
  /** Non-null while the index is known to be damaged: every read is refused with this sentence. */
  private volatile String damaged;

  /** Opens the index in indexDir, creating an empty one if there is none yet. */
  public SearchService(Path indexDir, Glossary glossary) throws IOException {
    this(indexDir, glossary, SEARCH_TIMEOUT_MS);
  }

  /** As above, with the time limit of one search (tests use a tiny one). */
  SearchService(Path indexDir, Glossary glossary, long searchTimeoutMs) throws IOException {
    Files.createDirectories(indexDir);
    this.dir = FSDirectory.open(indexDir);
    if (!DirectoryReader.indexExists(dir)) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer()))) {
        w.commit();
      }
    }
    this.manager = new SearcherManager(dir, null);
    this.caches = new GenerationCaches(glossary);
    this.searches = new LuceneSearch(caches, searchTimeoutMs);
  }

  /** The glossary the index was tagged with (typed concepts and generated title concepts). */
  public Glossary glossary() {
    try {
      return withSearcher(caches::glossary);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Refuses every search and read with this sentence ({@link IndexDamagedException}) until
   * {@link #accept()}: a damaged index is never answered from.
   */
  public void refuse(String sentence) {
    damaged = sentence;
  }

  /** Answers again (after the index was rebuilt and {@link #refresh() refreshed}). */
  public void accept() {
    damaged = null;
  }

  private IndexSearcher acquire() throws IOException {
    String d = damaged;
    if (d != null) throw new IndexDamagedException(d);
    return manager.acquire();
  }

  /** Makes the last commit visible to new searches. */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  public Api.SearchResponse search(SearchRequest request) throws IOException {
    SearchRequest r = request.validated();
    long t0 = System.nanoTime();
    String q = QueryAssembly.text(r); // a bad query fails before any index work
    return withSearcher(s -> searches.search(s, r, q, t0));
  }

  /**
   * Every passage matching the request (its filters, its sort; relevance is score order, without the
   * languages taking turns), handed to the sink one by one: the CSV export. Paging is ignored.
   */
  @Override
  public void export(SearchRequest request, Export.Sink sink) throws IOException {
    SearchRequest r = request.page(0, 0).validated();
    String q = QueryAssembly.text(r);
    // the export has always read without the damaged-index check (kept as it was in the issue-19 refactor)
    IndexSearcher s = manager.acquire();
    try {
      searches.export(s, r, q, sink);
    } finally {
      manager.release(s);
    }
  }

  /** All documents, ordered by date. */
  public List<Api.Doc> documents() throws IOException {
    return withSearcher(s -> caches.answers(s).docs());
  }

  @Override
  public Object version() throws IOException {
    return withSearcher(IndexSearcher::getIndexReader);
  }

  @Override
  public Concordance.Snapshot snapshot() throws IOException {
    return withSearcher(s -> {
      List<Concordance.TaggedPassage> tagged = StoredPassages.tagged(s);
      return new Concordance.Snapshot(caches.glossary(s), caches.documents(s), tagged, caches.copies(s));
    });
  }

  /** Runs fn with an acquired searcher (for the concordance and suggestions). */
  public <T> T withSearcher(SearcherFunction<T> fn) throws IOException {
    IndexSearcher s = acquire();
    try {
      return fn.apply(s);
    } finally {
      manager.release(s);
    }
  }

  /** A function of a searcher that may throw IOException. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  // ---- for the reader and the suggestions (same package), on a searcher they acquired ----

  /** Every document's metadata, cached per index generation. */
  /**
   * Builds what the first search of a generation needs, the facet ordinals here and the documents
   * with their copies on a thread of its own, side by side (a server's start: issue 20).
   */
  public void warmUp() throws IOException {
    withSearcher(s -> {
      java.util.concurrent.CompletableFuture<Void> docs = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          caches.copyPassages(s);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      caches.ordinals(s.getIndexReader());
      try {
        docs.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
        throw e;
      }
      return null;
    });
  }

  /** The answer builder of this searcher's generation. */
  Answers answers(IndexSearcher s) throws IOException {
    return caches.answers(s);
  }

  Map<String, DocumentInfo> documents(IndexSearcher s) throws IOException {
    return caches.documents(s);
  }

  /** The copies of a document list this service read (documents(s) sets both; another list is grouped afresh). */
  Copies copiesOf(Map<String, DocumentInfo> infos) {
    return caches.copiesOf(infos);
  }

  /** Term references with the labels of the glossary of the searcher last used (documents(s) loads it). */
  List<Api.TermRef> termRefs(List<Mention> ms) {
    return Answers.termRefs(caches.lastGlossary(), ms);
  }

  static List<Api.MentionView> mentionViews(List<Mention> ms) {
    return Answers.mentionViews(ms);
  }

  static Api.Doc doc(DocumentInfo i, Map<String, DocumentInfo> all, Copies copies) {
    return Answers.doc(i, all, copies);
  }

  /** The stored passages of one document in reading order. */
  static List<Integer> passageIds(IndexSearcher s, String doc) throws IOException {
    return StoredPassages.passageIds(s, doc);
  }

  /** Parses a query for highlighting inside one document (the reader's q=). */
  Query readerQuery(String q, boolean expand) throws IOException {
    if (q == null || q.isBlank()) return null;
    if (!expand) return PolicyQueryParser.parse(q.strip(), null).query(); // no glossary needed, no searcher acquired
    return withSearcher(caches::assembly).readerQuery(q, true);
  }

  @Override
  public void close() throws IOException {
    manager.close();
    dir.close();
  }
}
