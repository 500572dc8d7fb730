package org.policysearch.solr;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.search.Answers;
import org.policysearch.search.QueryAssembly;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryJson;

/**
 * The collection as the search side reads it: every request goes through here, and the glossary
 * (with its {@link QueryAssembly}) and the document records (with their {@link Answers}) are
 * re-read at most every {@link #CACHE_MILLIS} (another process may index meanwhile).
 */
final class SolrSearcher implements Closeable {
  /** Metadata and glossary are re-read at most this often. */
  private static final long CACHE_MILLIS = 5_000;

  private final SolrCollection solr;
  private final Glossary fallback;
  private final Object lock = new Object();
  private long loadedAt;
  private State state;

  /** One reading of the collection's glossary and documents. */
  record State(Answers answers, QueryAssembly assembly) {
    Map<String, DocumentInfo> docs() {
      return answers.documents();
    }

    Copies copies() {
      return answers.copies();
    }

    Glossary glossary() {
      return answers.glossary();
    }
  }

  /** @param fallback the glossary used while the collection holds none */
  SolrSearcher(SolrCollection solr, Glossary fallback) {
    this.solr = solr;
    this.fallback = fallback;
  }

  /** Runs a query; what names the request in an error message. */
  QueryResponse query(String what, SolrQuery q) throws IOException {
    return new QueryResponse(solr.request(what, new QueryRequest(q, SolrRequest.METHOD.POST)), solr.client());
  }

  /** The glossary and documents, re-read when older than CACHE_MILLIS or after {@link #refresh()}. */
  State state() throws IOException {
    synchronized (lock) {
      if (state != null && System.currentTimeMillis() - loadedAt < CACHE_MILLIS) return state;
    }
    SolrQuery gq = new SolrQuery(Fields.ID + ":glossary").setFields(Fields.CONCEPTS).setRows(1);
    QueryResponse gr = query("read the glossary", gq);
    Glossary g = gr.getResults().isEmpty() ? fallback : GlossaryJson.read(SolrValues.str(gr.getResults().get(0), Fields.CONCEPTS));
    List<DocumentInfo> list = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery(Fields.KIND + ":" + Fields.KIND_DOCUMENT).setRows(500).setSort(Fields.ID, SolrQuery.ORDER.asc)
          .setFields(String.join(",", Fields.DOC, Fields.SOURCE, Fields.TITLE, Fields.TITLE_EN, Fields.LANG, Fields.DATE,
              Fields.ISSUER, Fields.DATE_FIRST, Fields.DATE_SOURCE, Fields.NUMBER, Fields.FORMAT, Fields.PAGES, Fields.PASSAGES, Fields.SHA256,
              Fields.FINGERPRINT, Fields.OCR_PAGES));
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = query("list the documents", q);
      for (SolrDocument d : r.getResults()) list.add(SolrIndexer.documentInfo(d));
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) break;
      cursor = next;
    }
    list.sort(Comparator.comparing((DocumentInfo i) -> i.date() == null ? "9999" : i.date()).thenComparing(DocumentInfo::id));
    Map<String, DocumentInfo> out = new LinkedHashMap<>();
    for (DocumentInfo i : list) out.put(i.id(), i);
    Copies c = Copies.of(out.values());
    synchronized (lock) {
      // the glossary's expansion is rebuilt only when the glossary changed
      QueryAssembly assembly = state == null || !g.fingerprint().equals(state.glossary().fingerprint())
          ? new QueryAssembly(g) : state.assembly();
      state = new State(new Answers(g, out, c), assembly);
      loadedAt = System.currentTimeMillis();
      return state;
    }
  }

  /** The next request re-reads the glossary and documents. */
  void refresh() {
    synchronized (lock) {
      loadedAt = 0;
    }
  }

  @Override
  public void close() throws IOException {
    solr.close();
  }
}
