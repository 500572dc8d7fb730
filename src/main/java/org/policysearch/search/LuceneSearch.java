package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexReading;

/**
 * The embedded engine's search side: runs a request ({@link QueryAssembly}) on one searcher of the
 * index with a time limit, collecting the page and the facet counts in one pass, and answers it
 * through {@link Answers}: match spans from the Matches API, "via" for passages matched only
 * through the glossary, the languages taking turns for a query naming a concept ({@link Interleave}).
 */
final class LuceneSearch {
  /**
   * Facet values returned per dimension with a page of hits (the counts always cover every match);
   * a lookup ({@code limit=0}) returns every value.
   */
  static final int FACET_VALUES = 100;

  private final GenerationCaches caches;
  private final long timeoutMs;

  LuceneSearch(GenerationCaches caches, long timeoutMs) {
    this.caches = caches;
    this.timeoutMs = timeoutMs;
  }

  /** A searcher of its own for one request, so the time limit applies to this search alone. */
  private IndexSearcher limited(IndexSearcher s) {
    IndexSearcher limited = new IndexSearcher(s.getIndexReader());
    limited.setTimeout(new QueryTimeoutImpl(timeoutMs));
    return limited;
  }

  /** @param q the request's query text ({@link QueryAssembly#text}); t0 when the request began (nanoseconds) */
  Api.SearchResponse search(IndexSearcher s, SearchRequest r, String q, long t0) throws IOException {
    QueryAssembly.Assembled a = caches.assembly(s).assemble(r, q, caches.copies(s), caches.documents(s), caches.copyPassages(s));
    Query query = a.query();
    FacetCounts.Ordinals ordinals = caches.ordinals(s.getIndexReader());
    IndexSearcher limited = limited(s);
    Answers answers = caches.answers(s);
    Sort order = QueryAssembly.order(r, answers.documents());
    FacetCounts.Counts counts;
    FacetCounts.Counts directCounts = null;
    TopDocs top = null;
    try {
      if (r.limit() == 0) {
        // the lookup: every match counted, nothing ranked, no scores, no stored fields
        counts = limited.search(query, FacetCounts.manager(ordinals));
      } else {
        Object[] both = limited.search(query, new MultiCollectorManager(
            new TopFieldCollectorManager(order, r.offset() + r.limit(), null, Integer.MAX_VALUE, false), FacetCounts.manager(ordinals)));
        top = (TopDocs) both[0];
        counts = (FacetCounts.Counts) both[1];
      }
      // the direct matches of each document, told apart from matches through the glossary
      if (a.expanded()) directCounts = limited.search(a.directPassages(), FacetCounts.manager(ordinals));
      if (a.expanded() && top != null && order == QueryAssembly.ORDER) top = interleaved(limited, query, r.offset() + r.limit(), top);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("bad_query", "The query expands to too many terms; make it more specific.");
    }
    if (limited.timedOut()) {
      throw new BadQueryException("query_timeout", "The search took longer than " + timeoutMs / 1000.0
          + " s and was stopped; make the query more specific (fewer wildcards, a filter).");
    }
    List<Api.Hit> hits = top == null ? List.of() : hits(s, r, a, answers, top);
    Map<String, Long> direct = directCounts == null ? null : values(directCounts, Fields.FACET_DOC, Integer.MAX_VALUE);
    // a lookup (limit=0) answers every matching document; a page, the top values of each dimension
    int max = r.limit() == 0 ? Integer.MAX_VALUE : FACET_VALUES;
    Api.Facets facets = answers.facets(values(counts, Fields.FACET_DOC, max), values(counts, Fields.FACET_TERM, max),
        values(counts, Fields.FACET_LANG, max), direct);
    List<Api.Correction> suggestions = caches.assembly(s).corrections(r, q, counts.total(), s.getIndexReader(), limited::count);
    return new Api.SearchResponse(q, counts.total(), (System.nanoTime() - t0) / 1_000_000, r.offset(), r.limit(),
        Answers.expansions(a), hits, facets, suggestions);
  }

  private static Map<String, Long> values(FacetCounts.Counts counts, String dim, int max) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (FacetCounts.Value v : counts.top(dim, max)) out.put(v.label(), v.count());
    return out;
  }

  /**
   * Every passage matching the request (its filters, its sort; relevance is score order, without the
   * languages taking turns), handed to the sink one by one: the CSV export. Paging is ignored.
   */
  void export(IndexSearcher s, SearchRequest r, String q, Export.Sink sink) throws IOException {
    QueryAssembly.Assembled a = caches.assembly(s).assemble(r, q, caches.copies(s), caches.documents(s), caches.copyPassages(s));
    Answers answers = caches.answers(s);
    IndexSearcher limited = limited(s);
    TopDocs top;
    try {
      int n = limited.count(a.query());
      if (n == 0) return;
      top = limited.search(a.query(), new TopFieldCollectorManager(QueryAssembly.order(r, answers.documents()), n, null,
          Integer.MAX_VALUE, false));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("bad_query", "The query expands to too many terms; make it more specific.");
    }
    if (limited.timedOut()) throw new BadQueryException("query_timeout", "The export's search took longer than " + timeoutMs / 1000.0 + " s and was stopped.");
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      sink.row(answers.exportRow(d.get(Fields.DOC), IndexReading.intValue(d, Fields.PAGE), d.get(Fields.LANG), d.get(Fields.ANCHOR),
          d.get(Fields.TEXT)));
    }
  }

  /** The first n hits in the order of {@link Interleave}: each language's own top n, merged. */
  private static TopDocs interleaved(IndexSearcher s, Query query, int n, TopDocs all) throws IOException {
    List<List<Interleave.Ranked<ScoreDoc>>> byLang = new ArrayList<>();
    for (int l = 0; l < Interleave.LANGUAGES.size(); l++) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
      // the last group takes every other language too (a passage without letters keeps its document's)
      if (l < Interleave.LANGUAGES.size() - 1) b.add(new TermQuery(new Term(Fields.LANG, Interleave.LANGUAGES.get(l))), BooleanClause.Occur.FILTER);
      else for (String other : Interleave.LANGUAGES.subList(0, l)) b.add(new TermQuery(new Term(Fields.LANG, other)), BooleanClause.Occur.MUST_NOT);
      TopDocs t = s.search(b.build(), new TopFieldCollectorManager(QueryAssembly.ORDER, n, null, Integer.MAX_VALUE, false));
      List<Interleave.Ranked<ScoreDoc>> ranked = new ArrayList<>();
      for (ScoreDoc sd : t.scoreDocs) {
        FieldDoc fd = (FieldDoc) sd;
        ranked.add(new Interleave.Ranked<>(sd, score(sd), ((BytesRef) fd.fields[1]).utf8ToString(), (Integer) fd.fields[2], l));
      }
      byLang.add(ranked);
    }
    return new TopDocs(all.totalHits, Interleave.merge(byLang, n).toArray(new ScoreDoc[0]));
  }

  /** The hits of the page: stored fields read once, in index order, and the match spans from the Matches API. */
  private static List<Api.Hit> hits(IndexSearcher s, SearchRequest r, QueryAssembly.Assembled a, Answers answers, TopDocs top)
      throws IOException {
    ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(r.offset(), top.scoreDocs.length), top.scoreDocs.length);
    int[] ids = new int[page.length];
    for (int i = 0; i < page.length; i++) ids[i] = page[i].doc;
    int[] sorted = ids.clone();
    Arrays.sort(sorted);
    // one StoredFields for the page, in doc id order: neighbouring passages share a compressed block
    StoredFields stored = s.storedFields();
    Map<Integer, Document> docsById = new HashMap<>();
    Map<Integer, String> texts = new HashMap<>();
    for (int id : sorted) {
      Document d = stored.document(id);
      docsById.put(id, d);
      texts.put(id, d.get(Fields.TEXT));
    }
    Map<Integer, List<Api.Span>> spans = MatchOffsets.fromMatches(s, a.query(), ids, texts);
    Weight directWeight = a.expanded() ? s.createWeight(s.rewrite(a.direct()), ScoreMode.COMPLETE_NO_SCORES, 1f) : null;
    List<Api.Hit> hits = new ArrayList<>(page.length);
    for (ScoreDoc sd : page) {
      Answers.Passage p = StoredPassages.passage(docsById.get(sd.doc));
      String via = directWeight != null && !matches(s, directWeight, sd.doc) ? Answers.via(p, a) : null;
      float score = score(sd);
      hits.add(answers.hit(p, a.q(), Float.isNaN(score) ? 0f : score, spans.getOrDefault(sd.doc, List.of()), via));
    }
    return hits;
  }

  private static boolean matches(IndexSearcher s, Weight w, int doc) throws IOException {
    var leaves = s.getIndexReader().leaves();
    var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    var scorer = w.scorer(leaf);
    if (scorer == null) return false;
    int target = doc - leaf.docBase;
    return scorer.iterator().advance(target) == target;
  }

  /** A hit's BM25 score: the first sort value (the collector computed it; issue 7: recomputing it for the page cost 9%). */
  private static float score(ScoreDoc sd) {
    return sd instanceof FieldDoc fd && fd.fields[0] instanceof Float f ? f : sd.score;
  }
}
