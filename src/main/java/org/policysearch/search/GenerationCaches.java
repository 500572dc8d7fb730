package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.policysearch.index.Fields;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.terms.Glossary;

/**
 * What the embedded engine computes once per index generation (reader) and reuses until the next
 * refresh: the glossary and its {@link QueryAssembly}, the document records and their copies, and
 * the facet ordinals (whose per-segment part carries over to the next generation). Thread-safe.
 */
final class GenerationCaches {
  /** Used when the index holds no glossary yet (an index built before any run, or an empty one). */
  private final Glossary fallback;
  private final Object lock = new Object();
  private IndexReader glossaryReader;
  private Glossary glossary;
  private QueryAssembly assembly;
  private IndexReader ordinalsReader;
  private FacetCounts.Ordinals ordinals;
  /** The facet ordinals of the segments of the last generation (reused by the next one). */
  private final Map<Object, FacetCounts.SegmentOrds> segmentOrds = new HashMap<>();
  private IndexReader docsReader;
  private IndexReader copyReader;
  private Query copyFilter;
  /** The document entries of the segments of the last generation (reused by the next one). */
  private final Map<Object, List<org.policysearch.index.DocumentEntry.InSegment>> segmentDocs = new HashMap<>();
  /** The parsed fingerprints of the last generation's documents, by document id, when it had to group the copies itself. */
  private Map<String, org.policysearch.metadata.TextFingerprint.Parsed> prints = new HashMap<>();
  private Map<String, DocumentInfo> docs = Map.of();
  private Copies copies = Copies.NONE;

  GenerationCaches(Glossary fallback) {
    this.fallback = fallback;
  }

  /** The glossary the index was tagged with (or the fallback). */
  Glossary glossary(IndexSearcher s) throws IOException {
    synchronized (lock) {
      if (glossaryReader == s.getIndexReader()) return glossary;
    }
    Glossary g = StoredPassages.glossary(s, fallback);
    synchronized (lock) {
      glossaryReader = s.getIndexReader();
      glossary = g;
      assembly = new QueryAssembly(g);
      return g;
    }
  }

  /** The glossary of the searcher last used (the fallback before any). */
  Glossary lastGlossary() {
    synchronized (lock) {
      return glossary != null ? glossary : fallback;
    }
  }

  QueryAssembly assembly(IndexSearcher s) throws IOException {
    glossary(s);
    synchronized (lock) {
      return assembly;
    }
  }

  /** Every document's metadata, ordered by date. */
  Map<String, DocumentInfo> documents(IndexSearcher s) throws IOException {
    glossary(s);
    synchronized (lock) {
      if (docsReader == s.getIndexReader()) return docs;
    }
    // one reading per generation: a caller that waited here finds the other's (the warm-up's) result
    synchronized (segmentDocs) {
      synchronized (lock) {
        if (docsReader == s.getIndexReader()) return docs;
      }
      // the copies the indexing run grouped; an index written before them is grouped here, from fingerprints
      // read afresh (the cached segments hold none)
      Copies grouped = StoredPassages.copies(s);
      Map<String, org.policysearch.metadata.TextFingerprint.Parsed> now = grouped == null ? new HashMap<>() : null;
      Map<String, DocumentInfo> out = grouped != null ? StoredPassages.documents(s, segmentDocs, null)
          : StoredPassages.documents(s, new HashMap<>(), now);
      Copies c = grouped != null ? grouped : Copies.of(out.values(), d -> now.get(d.id()));
      synchronized (lock) {
        prints = now == null ? Map.of() : now;
        docsReader = s.getIndexReader();
        docs = out;
        copies = c;
      }
      return out;
    }
  }

  /** The copies among the documents of this generation ({@link CopyLinks}). */
  Copies copies(IndexSearcher s) throws IOException {
    documents(s);
    synchronized (lock) {
      return copies;
    }
  }

  /** Every copy's passages in this generation, as a bit set per segment; null when there are no copies. */
  Query copyPassages(IndexSearcher s) throws IOException {
    Copies c = copies(s);
    synchronized (lock) {
      if (copyReader == s.getIndexReader()) return copyFilter;
    }
    Query f = null;
    if (!c.leaderOf().isEmpty()) {
      List<BytesRef> ids = new ArrayList<>();
      for (String id : c.leaderOf().keySet()) ids.add(new BytesRef(id));
      f = DocSetFilter.of(s, new TermInSetQuery(Fields.DOC, ids), "copies(" + ids.size() + " documents)");
    }
    synchronized (lock) {
      copyReader = s.getIndexReader();
      copyFilter = f;
    }
    return f;
  }

  /** The copies of a document list read here (documents(s) sets both; another list is grouped afresh where fingerprints are kept). */
  Copies copiesOf(Map<String, DocumentInfo> infos) {
    synchronized (lock) {
      if (infos == docs) return copies;
      // a list read just before a refresh: with the run's grouping (no fingerprints kept), the latest one, which
      // differs from that list's only by the files the refresh changed
      if (prints.isEmpty()) return copies;
      return Copies.of(infos.values(), d -> prints.get(d.id()));
    }
  }

  /** The answer builder for this generation: its glossary, documents and copies. */
  Answers answers(IndexSearcher s) throws IOException {
    Glossary g = glossary(s);
    Map<String, DocumentInfo> infos = documents(s);
    return new Answers(g, infos, copiesOf(infos));
  }

  /** The facet ordinals and labels of this generation (built on the first search after a refresh). */
  FacetCounts.Ordinals ordinals(IndexReader reader) throws IOException {
    // built under a lock of its own, so that the documents can be read meanwhile (a server's start
    // builds both side by side: issue 20)
    synchronized (segmentOrds) {
      synchronized (lock) {
        if (ordinalsReader == reader) return ordinals;
      }
      FacetCounts.Ordinals built = FacetCounts.Ordinals.of(reader, segmentOrds);
      synchronized (lock) {
        ordinals = built;
        ordinalsReader = reader;
      }
      return built;
    }
  }
}
