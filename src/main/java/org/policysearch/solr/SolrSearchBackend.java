package org.policysearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.NamedList;
import org.policysearch.index.Fields;
import org.policysearch.index.StoredMentions;
import org.policysearch.search.Answers;
import org.policysearch.search.Api;
import org.policysearch.search.ReaderPages;
import org.policysearch.search.Concordance;
import org.policysearch.search.Export;
import org.policysearch.search.Interleave;
import org.policysearch.search.QueryAssembly;
import org.policysearch.search.SearchBackend;
import org.policysearch.search.SearchRequest;
import org.policysearch.terms.Glossary;

/**
 * The search backend on a SolrCloud collection (issue 8). Queries are assembled by the same
 * {@link QueryAssembly} as the embedded engine and sent as Solr syntax ({@link SolrQueries});
 * snippets come from Solr's unified highlighter ({@link SolrHighlights}); facets from JSON facets;
 * terms, mentions and anchors are the fields stored at index time. The answers are built by the same
 * {@link Answers} as the embedded engine's. The reader and the suggestions are {@link SolrReader}
 * and {@link SolrSuggester}; this backend answers both too, through them.
 */
public final class SolrSearchBackend implements SearchBackend, SearchBackend.Reader, SearchBackend.Suggestions {
  private final SolrSearcher solr;
  private final SolrReader reader;
  private final SolrSuggester suggester;

  /** @param fallback the glossary used while the collection holds none */
  public SolrSearchBackend(SolrCollection solr, Glossary fallback) {
    this.solr = new SolrSearcher(solr, fallback);
    this.reader = new SolrReader(this.solr);
    this.suggester = new SolrSuggester(this.solr);
  }

  @Override
  public Api.SearchResponse search(SearchRequest request) throws IOException {
    SearchRequest r = request.validated();
    long t0 = System.nanoTime();
    String q = QueryAssembly.text(r); // a bad query fails before any request to Solr
    SolrSearcher.State st = solr.state();
    // the very query SearchService runs (SolrCloudParityTest compares the two backends)
    QueryAssembly.Assembled a = st.assembly().assemble(r, q, st.copies(), st.docs());

    SolrQueries tr = new SolrQueries("pq");
    SolrQuery sq = new SolrQuery(tr.translate(a.query()));
    String fl = SolrValues.PASSAGE_FIELDS + ",score";
    if (a.expanded()) {
      sq.set("dq", tr.translate(a.direct()));
      fl += ",direct:query($dq,-1)";
    }
    tr.params().forEach(sq::set);
    sq.set("q.op", "OR").set("defType", "lucene");
    sq.setFields(fl).setStart(r.offset()).setRows(r.limit());
    sq.set("sort", SolrQueries.sort(r));
    // a query naming a concept is ranked by Interleave, as in the embedded engine: the page's ids first, then the page
    List<String> pageIds = a.expanded() && r.limit() > 0 && r.order().equals("relevance") ? interleavedPage(sq, r.offset(), r.limit()) : null;
    if (pageIds != null) sq.setStart(0).setRows(0);
    // limit=0 is the lookup: rows=0, nothing highlighted; the facets (complete here in both modes) and numFound answer it
    else if (r.limit() > 0) SolrHighlights.highlight(sq, null);
    // with an expansion, direct_docs counts each document's direct matches (the domain filtered by the unexpanded query)
    sq.set("json.facet", "{docs:{type:terms,field:" + Fields.DOC + ",limit:-1},terms:{type:terms,field:" + Fields.TERM
        + ",limit:-1},lang:{type:terms,field:" + Fields.LANG + ",limit:-1}"
        + (a.expanded() ? ",direct_docs:{type:terms,field:" + Fields.DOC + ",limit:-1,domain:{filter:\"{!lucene q.op=OR v=$dq}\"}}" : "")
        + "}");
    QueryResponse res = solr.query("search", sq);
    QueryResponse pageRes = res;
    List<SolrDocument> page = new ArrayList<>(res.getResults());
    if (pageIds != null && !pageIds.isEmpty()) {
      SolrQuery pq = sq.getCopy();
      pq.remove("json.facet");
      pq.setStart(0).setRows(pageIds.size()).addFilterQuery("{!terms f=" + Fields.ID + "}" + String.join(",", pageIds));
      SolrHighlights.highlight(pq, null);
      pageRes = solr.query("search", pq);
      Map<String, SolrDocument> byId = new HashMap<>();
      for (SolrDocument d : pageRes.getResults()) byId.put(SolrValues.str(d, Fields.ID), d);
      page.clear();
      for (String id : pageIds) if (byId.containsKey(id)) page.add(byId.get(id));
    }
    Map<String, Map<String, List<String>>> hl = pageRes.getHighlighting();
    List<Api.Hit> hits = new ArrayList<>();
    for (SolrDocument d : page) {
      Answers.Passage p = SolrValues.passage(d);
      List<Api.Span> spans = SolrHighlights.spans(p.text(), hl == null ? null : hl.get(SolrValues.str(d, Fields.ID)));
      String via = a.expanded() && d.getFirstValue("direct") instanceof Number n && n.floatValue() < 0 ? Answers.via(p, a) : null;
      hits.add(st.answers().hit(p, q, SolrValues.number(d, "score"), spans, via));
    }
    long total = res.getResults().getNumFound();
    // corrections of glossary terms only: the spell checker over indexed words reads a local index (README)
    List<Api.Correction> corrections = st.assembly().corrections(r, q, total, null,
        cq -> solr.query("search", SolrQueries.request(cq, "cq").setRows(0)).getResults().getNumFound());
    return new Api.SearchResponse(q, total, (System.nanoTime() - t0) / 1_000_000, r.offset(),
        r.limit(), Answers.expansions(a), hits, facets(res, st, a.expanded()), corrections);
  }

  @Override
  public void export(SearchRequest request, Export.Sink sink) throws IOException {
    SearchRequest r = request.page(0, 0).validated();
    String q = QueryAssembly.text(r);
    SolrSearcher.State st = solr.state();
    SolrQuery sq = SolrQueries.request(st.assembly().assemble(r, q, st.copies(), st.docs()).query(), "pq");
    // deep paging with a cursor: the sort ends with the unique key
    sq.setFields(SolrValues.PASSAGE_FIELDS).setRows(500).set("sort", SolrQueries.sort(r) + "," + Fields.ID + " asc");
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      sq.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse res = solr.query("export", sq);
      for (SolrDocument d : res.getResults()) {
        sink.row(st.answers().exportRow(SolrValues.str(d, Fields.DOC), SolrValues.integer(d, Fields.PAGE),
            SolrValues.str(d, Fields.LANG), SolrValues.str(d, Fields.ANCHOR), SolrValues.str(d, Fields.EXACT)));
      }
      String next = res.getNextCursorMark();
      if (next == null || next.equals(cursor)) return;
      cursor = next;
    }
  }

  /** The ids of the page in {@link Interleave}'s order: each language's own top offset+limit, merged. */
  private List<String> interleavedPage(SolrQuery sq, int offset, int limit) throws IOException {
    int n = offset + limit;
    List<List<Interleave.Ranked<String>>> byLang = new ArrayList<>();
    for (int l = 0; l < Interleave.LANGUAGES.size(); l++) {
      SolrQuery lq = sq.getCopy();
      lq.setFields(Fields.ID, Fields.DOC, Fields.ORDINAL, "score").setStart(0).setRows(n);
      if (l < Interleave.LANGUAGES.size() - 1) lq.addFilterQuery(Fields.LANG + ":" + Interleave.LANGUAGES.get(l));
      else for (String other : Interleave.LANGUAGES.subList(0, l)) lq.addFilterQuery("-" + Fields.LANG + ":" + other);
      List<Interleave.Ranked<String>> ranked = new ArrayList<>();
      for (SolrDocument d : solr.query("search", lq).getResults()) {
        ranked.add(new Interleave.Ranked<>(SolrValues.str(d, Fields.ID), SolrValues.number(d, "score"), SolrValues.str(d, Fields.DOC),
            SolrValues.integer(d, Fields.ORDINAL), l));
      }
      byLang.add(ranked);
    }
    List<String> merged = Interleave.merge(byLang, n);
    return merged.subList(Math.min(offset, merged.size()), merged.size());
  }

  /** @param expanded whether the request has direct_docs (else every match is direct) */
  private static Api.Facets facets(QueryResponse res, SolrSearcher.State st, boolean expanded) {
    Object f = res.getResponse().get("facets");
    if (!(f instanceof NamedList<?> facets)) return new Api.Facets(List.of(), List.of(), List.of());
    return st.answers().facets(SolrValues.buckets(facets, "docs"), SolrValues.buckets(facets, "terms"),
        SolrValues.buckets(facets, "lang"), expanded ? SolrValues.buckets(facets, "direct_docs") : null);
  }

  @Override
  public List<Api.Doc> documents() throws IOException {
    return solr.state().answers().docs();
  }

  @Override
  public Glossary glossary() {
    try {
      return solr.state().glossary();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void refresh() {
    solr.refresh();
  }

  // ---- the reader and the suggestions ----

  @Override
  public Optional<String> findAnchor(String anchor) throws IOException {
    return reader.findAnchor(anchor);
  }

  @Override
  public Api.DocDetail read(String docId, String q, boolean expand, String anchor, String quote, ReaderPages.Request page)
      throws IOException {
    return reader.read(docId, q, expand, anchor, quote, page);
  }

  @Override
  public Api.Suggestions suggest(String q, int limit) throws IOException {
    return suggester.suggest(q, limit);
  }

  // ---- concordance ----

  /** The collection is re-read for the concordance at most every ten seconds. */
  @Override
  public Object version() {
    return System.currentTimeMillis() / 10_000;
  }

  @Override
  public Concordance.Snapshot snapshot() throws IOException {
    SolrSearcher.State st = solr.state();
    List<Concordance.TaggedPassage> out = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery("+filter(" + Fields.KIND + ":" + Fields.KIND_PASSAGE + ") +filter(" + Fields.TERM + ":*)")
          .setFields(String.join(",", Fields.DOC, Fields.ANCHOR, Fields.ORDINAL, Fields.PAGE, Fields.EXACT, Fields.TERM, Fields.MENTIONS))
          .setRows(1000).setSort(Fields.ID, SolrQuery.ORDER.asc);
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = solr.query("read the term tags", q);
      for (SolrDocument d : r.getResults()) {
        List<String> terms = new ArrayList<>();
        var values = d.getFieldValues(Fields.TERM);
        if (values != null) for (Object v : values) terms.add(String.valueOf(v));
        out.add(new Concordance.TaggedPassage(SolrValues.str(d, Fields.DOC), SolrValues.str(d, Fields.ANCHOR),
            SolrValues.integer(d, Fields.ORDINAL), SolrValues.integer(d, Fields.PAGE), SolrValues.str(d, Fields.EXACT), terms,
            StoredMentions.parse(SolrValues.str(d, Fields.MENTIONS))));
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) break;
      cursor = next;
    }
    return new Concordance.Snapshot(st.glossary(), st.docs(), out);
  }

  @Override
  public void close() throws IOException {
    solr.close();
  }
}
