package org.policysearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.search.Answers;
import org.policysearch.search.Api;
import org.policysearch.search.NotFoundException;
import org.policysearch.search.ReaderPages;
import org.policysearch.search.SearchBackend;
import org.policysearch.terms.CitationConcepts;

/**
 * The reader's view of one document on the collection (the embedded engine's
 * {@link org.policysearch.search.DocumentReader}): every passage in reading order, with a query its
 * matches from the highlighter, the linked anchor resolved as the embedded reader does
 * ({@link Answers#detail}), and the passages of other documents that cite it.
 */
final class SolrReader implements SearchBackend.Reader {
  private final SolrSearcher solr;

  SolrReader(SolrSearcher solr) {
    this.solr = solr;
  }

  @Override
  public Optional<String> findAnchor(String anchor) throws IOException {
    if (anchor == null || anchor.isBlank() || anchor.length() > 100) return Optional.empty();
    SolrQuery q = new SolrQuery("+filter(" + Fields.ANCHOR + ":\"" + SolrValues.quoted(anchor) + "\") +filter(" + Fields.KIND + ":"
        + Fields.KIND_PASSAGE + ")").setFields(Fields.DOC).setRows(1);
    QueryResponse r = solr.query("find the passage", q);
    return r.getResults().isEmpty() ? Optional.empty() : Optional.of(SolrValues.str(r.getResults().get(0), Fields.DOC));
  }

  @Override
  public Api.DocDetail read(String docId, String q, boolean expand, String anchor, String quote, ReaderPages.Request request)
      throws IOException {
    SolrSearcher.State st = solr.state();
    DocumentInfo info = st.docs().get(docId);
    if (info == null) throw new NotFoundException("No document with id '" + docId + "'.");
    anchor = blankToNull(anchor);
    quote = blankToNull(quote);
    Query query = st.assembly().readerQuery(q, expand);
    SolrQuery sq = new SolrQuery("+filter(" + Fields.DOC + ":\"" + SolrValues.quoted(docId) + "\") +filter(" + Fields.KIND + ":"
        + Fields.KIND_PASSAGE + ")").setFields(SolrValues.PASSAGE_FIELDS).setRows(Math.max(1, info.passages()) + 1000)
        .setSort(Fields.ORDINAL, SolrQuery.ORDER.asc);
    if (query != null) {
      SolrQueries tr = new SolrQueries("hq");
      SolrHighlights.highlight(sq, tr.translate(query));
      tr.params().forEach(sq::set);
    }
    QueryResponse res = solr.query("read the document", sq);
    Map<String, Map<String, List<String>>> hl = res.getHighlighting();
    List<Api.PassageView> passages = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<Integer, Integer> matchCounts = new HashMap<>();
    for (SolrDocument d : res.getResults()) {
      Answers.Passage p = SolrValues.passage(d);
      List<Api.Span> matches = query == null ? null : SolrHighlights.spans(p.text(), hl == null ? null : hl.get(SolrValues.str(d, Fields.ID)));
      if (matches != null) matchCounts.put(passages.size(), matches.size());
      passages.add(st.answers().passageView(p, docId, q, matches));
      texts.add(p.text());
    }
    return st.answers().detail(info, passages, texts, anchor, quote, matchCounts, request, citedBy(st, info));
  }

  /** Passages of other documents that name this one by its title (copies with the same title excluded). */
  private List<Api.Citation> citedBy(SolrSearcher.State st, DocumentInfo self) throws IOException {
    String concept = CitationConcepts.PREFIX + self.id();
    SolrQuery q = new SolrQuery("+filter(" + Fields.TERM + ":\"" + SolrValues.quoted(concept) + "\") +filter(" + Fields.KIND + ":"
        + Fields.KIND_PASSAGE + ")").setFields(SolrValues.PASSAGE_FIELDS).setRows(10_000);
    q.set("sort", Fields.DOC + " asc," + Fields.ORDINAL + " asc");
    Map<String, List<Answers.Passage>> byDoc = new LinkedHashMap<>();
    for (SolrDocument d : solr.query("find citations", q).getResults()) {
      byDoc.computeIfAbsent(SolrValues.str(d, Fields.DOC), k -> new ArrayList<>()).add(SolrValues.passage(d));
    }
    return st.answers().citations(self, byDoc);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
