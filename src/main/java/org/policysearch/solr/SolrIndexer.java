package org.policysearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.analysis.Analyzers;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.DocumentWriter;
import org.policysearch.index.FieldMapping;
import org.policysearch.index.Fields;
import org.policysearch.index.FileDecision;
import org.policysearch.index.FilePipeline;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.TaggedPassage;
import org.policysearch.passages.PassageSplitter;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.Tagger;

/**
 * The incremental indexer for a SolrCloud collection (issue 8): the same per-file pipeline as
 * the embedded {@code Indexer} ({@link FilePipeline}: scan, extraction, preparation, tagging), the
 * same fields ({@link FieldMapping}, each type as a Solr field by {@link SolrSink}), written with
 * SolrJ in batches. Unchanged files (by SHA-256) are skipped, changed files replace their
 * passages, vanished files are deleted; the run ends in one commit that opens a new searcher.
 *
 * <p>SolrCloud has no rollback: a run that fails leaves its updates uncommitted (invisible), and
 * the next successful run's commit publishes them together with its own.
 */
public final class SolrIndexer implements DocumentWriter {
  /** Solr documents per update request. */
  static final int BATCH = 500;

  private final SolrCollection solr;
  private final Extractor extractor;
  private final Glossary glossary;
  private final PassageSplitter splitter = new PassageSplitter();
  private final Tagger tagger;
  private final int threads;
  private final List<SolrInputDocument> pending = new ArrayList<>();
  private final Set<String> pendingDeletes = new LinkedHashSet<>();

  public SolrIndexer(SolrCollection solr, Extractor extractor, Glossary glossary, int threads) {
    this.solr = solr;
    this.extractor = extractor;
    this.glossary = glossary;
    this.tagger = new Tagger(glossary, Analyzers.exact());
    this.threads = Math.max(1, threads);
  }

  public IndexReport run(CorpusScan scan, boolean full, IndexListener listener) throws IOException {
    long t0 = System.nanoTime();
    solr.ensureExists();
    Map<String, String> state = new HashMap<>();
    Map<String, FileDecision.Indexed> existing = full ? Map.of() : readExisting(state);
    if (full) solr.retry("clear the collection", () -> new UpdateRequest().deleteByQuery("*:*").process(solr.client(), solr.name()));
    boolean retagAll = !Fields.SCHEMA_VERSION.equals(state.get(Fields.COMMIT_SCHEMA))
        || !glossary.fingerprint().equals(state.get(Fields.COMMIT_GLOSSARY));
    FilePipeline pipeline = new FilePipeline(extractor, splitter, tagger, this);
    try {
      pipeline.runAll(scan, existing, retagAll, threads, "solr-indexer", listener);
      List<FileDecision.Indexed> gone = FileDecision.gone(scan, existing);
      synchronized (this) {
        for (FileDecision.Indexed e : gone) pendingDeletes.add(e.docId());
      }
      SolrSink g = new SolrSink();
      FieldMapping.glossary(glossary, g);
      // Solr has no commit user data: the run's schema and glossary are kept in the glossary entry
      g.add(FieldMapping.Type.STORED, Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION);
      g.add(FieldMapping.Type.STORED, Fields.COMMIT_GLOSSARY, glossary.fingerprint());
      add(List.of(g.doc), null);
      flush();
      solr.retry("commit", () -> solr.client().commit(solr.name(), true, true));
      listener.finish();
      return new IndexReport(pipeline.counts(gone.size()), pipeline.failures(), (int) count(Fields.KIND_PASSAGE),
          (int) count(Fields.KIND_DOCUMENT), (System.nanoTime() - t0) / 1e9, glossary.problems(), null, null);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      throw new IOException("indexing into Solr failed: " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Queues one document's entries (the pipeline's writer): its passages, then its document entry with the extraction. */
  @Override
  public void write(DocumentInfo info, List<TaggedPassage> passages, byte[] extraction, String replacedDocId) throws IOException {
    List<SolrInputDocument> docs = new ArrayList<>(passages.size() + 1);
    for (TaggedPassage p : passages) {
      SolrSink d = new SolrSink();
      FieldMapping.passage(info, p, d);
      docs.add(d.doc);
    }
    SolrSink d = new SolrSink();
    FieldMapping.document(info, d);
    FieldMapping.extracted(extraction, d);
    docs.add(d.doc);
    if (replacedDocId != null) {
      synchronized (this) {
        pendingDeletes.add(replacedDocId);
      }
    }
    add(docs, info.id());
  }

  /**
   * Each {@link FieldMapping.Type} as a Solr input field; how Solr indexes and stores it is the
   * schema's ({@link SolrConfigset}). Facet and sort companions and the display text are the
   * embedded index's own: Solr's schema gives the fields themselves doc values and stores the
   * analysed text.
   */
  static final class SolrSink implements FieldMapping.Sink {
    final SolrInputDocument doc = new SolrInputDocument();

    @Override
    public void add(FieldMapping.Type type, String name, String value) {
      switch (type) {
        case FACET, SORT_KEY, DISPLAY_TEXT, STORED_EMBEDDED -> { }
        case YEAR -> doc.addField(name, Integer.parseInt(value));
        default -> doc.addField(name, value);
      }
    }

    @Override
    public void add(FieldMapping.Type type, String name, int value) {
      doc.addField(name, value);
    }

    @Override
    public void add(FieldMapping.Type type, String name, String text, AnalyzedText tokens) {
      doc.addField(name, text); // Solr analyses it again, with the same chain (SolrConfigset)
    }

    @Override
    public void add(FieldMapping.Type type, String name, byte[] value) {
      if (type == FieldMapping.Type.ENTRY) return; // the embedded index's column; Solr reads the stored fields
      // base64 text: BinaryField decodes it, and it travels the same way whatever the request writer
      doc.addField(name, Base64.getEncoder().encodeToString(value));
    }
  }

  /** Queues a document's entries; its old entries (by doc id) are deleted before they are added. */
  private synchronized void add(List<SolrInputDocument> docs, String replacesDoc) throws IOException {
    if (replacesDoc != null) pendingDeletes.add(replacesDoc);
    pending.addAll(docs);
    if (pending.size() >= BATCH) flush();
  }

  /** Sends the queued deletes, then the queued documents, in batches (deletes first: a document's new entries must survive). */
  private synchronized void flush() throws IOException {
    List<String> ids = new ArrayList<>(pendingDeletes);
    for (int i = 0; i < ids.size(); i += 100) {
      List<String> part = ids.subList(i, Math.min(ids.size(), i + 100));
      StringBuilder q = new StringBuilder(Fields.DOC).append(":(");
      for (int j = 0; j < part.size(); j++) q.append(j == 0 ? "" : " OR ").append('"').append(part.get(j).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      String query = q.append(')').toString();
      solr.retry("delete replaced documents", () -> new UpdateRequest().deleteByQuery(query).process(solr.client(), solr.name()));
    }
    pendingDeletes.clear();
    for (int i = 0; i < pending.size(); i += BATCH) {
      List<SolrInputDocument> part = new ArrayList<>(pending.subList(i, Math.min(pending.size(), i + BATCH)));
      solr.retry("add " + part.size() + " documents", () -> new UpdateRequest().add(part).process(solr.client(), solr.name()));
    }
    pending.clear();
  }

  private Map<String, FileDecision.Indexed> readExisting(Map<String, String> state) throws IOException {
    Map<String, FileDecision.Indexed> out = new HashMap<>();
    SolrQuery g = new SolrQuery(Fields.ID + ":" + FieldMapping.GLOSSARY_ID).setFields(Fields.COMMIT_SCHEMA, Fields.COMMIT_GLOSSARY).setRows(1);
    QueryResponse gr = new QueryResponse(solr.request("read the index state", new QueryRequest(g)), solr.client());
    if (!gr.getResults().isEmpty()) {
      SolrDocument d = gr.getResults().get(0);
      state.put(Fields.COMMIT_SCHEMA, (String) d.getFirstValue(Fields.COMMIT_SCHEMA));
      state.put(Fields.COMMIT_GLOSSARY, (String) d.getFirstValue(Fields.COMMIT_GLOSSARY));
    }
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery(Fields.KIND + ":" + ClientUtils.escapeQueryChars(Fields.KIND_DOCUMENT)).setRows(200)
          .setSort(Fields.ID, SolrQuery.ORDER.asc);
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = new QueryResponse(solr.request("read the indexed documents", new QueryRequest(q)), solr.client());
      for (SolrDocument d : r.getResults()) {
        DocumentInfo info = documentInfo(d);
        byte[] extraction = binary(d.getFirstValue(Fields.EXTRACTED));
        out.put(info.source(), new FileDecision.Indexed(info.id(), info.sha256(), null, () -> extraction));
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) break;
      cursor = next;
    }
    return out;
  }

  /** A document entry's metadata (the search backend reads them too). */
  public static DocumentInfo documentInfo(SolrDocument d) {
    return new DocumentInfo(str(d, Fields.DOC), str(d, Fields.SOURCE), str(d, Fields.TITLE), str(d, Fields.TITLE_EN),
        str(d, Fields.LANG), str(d, Fields.DATE), str(d, Fields.ISSUER), str(d, Fields.DATE_FIRST),
        str(d, Fields.DATE_SOURCE), str(d, Fields.NUMBER), str(d, Fields.FORMAT), integer(d, Fields.PAGES),
        integer(d, Fields.PASSAGES), str(d, Fields.SHA256), str(d, Fields.FINGERPRINT), integer(d, Fields.OCR_PAGES));
  }

  public static String str(SolrDocument d, String f) {
    Object v = d.getFirstValue(f);
    return v == null ? null : v.toString();
  }

  public static int integer(SolrDocument d, String f) {
    Object v = d.getFirstValue(f);
    return v instanceof Number n ? n.intValue() : 0;
  }

  private static byte[] binary(Object v) {
    if (v instanceof byte[] b) return b;
    if (v instanceof java.nio.ByteBuffer bb) {
      byte[] b = new byte[bb.remaining()];
      bb.duplicate().get(b);
      return b;
    }
    return v == null ? new byte[0] : Base64.getDecoder().decode(v.toString());
  }

  private long count(String kind) throws IOException {
    SolrQuery q = new SolrQuery(Fields.KIND + ":" + kind).setRows(0);
    return new QueryResponse(solr.request("count " + kind + "s", new QueryRequest(q)), solr.client()).getResults().getNumFound();
  }
}
