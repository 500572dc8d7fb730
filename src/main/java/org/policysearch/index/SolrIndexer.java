package org.policysearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.policysearch.analysis.Analyzers;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.ScanProblem;
import org.policysearch.corpus.SourceFile;
import org.policysearch.corpus.SourceMetadata;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;
import org.policysearch.metadata.DocumentNumbers;
import org.policysearch.metadata.Issuers;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryJson;
import org.policysearch.terms.Mention;
import org.policysearch.terms.Tagger;

/**
 * The incremental indexer for a SolrCloud collection (issue 8): the same scan, extraction,
 * passage splitting and tagging as {@link Indexer}, the same fields ({@link Fields}), written with
 * SolrJ in batches. Unchanged files (by SHA-256) are skipped, changed files replace their
 * passages, vanished files are deleted; the run ends in one commit that opens a new searcher.
 *
 * <p>SolrCloud has no rollback: a run that fails leaves its updates uncommitted (invisible), and
 * the next successful run's commit publishes them together with its own.
 */
public final class SolrIndexer {
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

  private record Existing(String docId, String sha256, byte[] extraction, DocumentInfo info) {}

  public IndexReport run(CorpusScan scan, boolean full, IndexListener listener) throws IOException {
    long t0 = System.nanoTime();
    solr.ensureExists();
    Map<String, String> state = new HashMap<>();
    Map<String, Existing> existing = full ? Map.of() : readExisting(state);
    if (full) solr.retry("clear the collection", () -> new UpdateRequest().deleteByQuery("*:*").process(solr.client(), solr.name()));
    boolean retagAll = !Fields.SCHEMA_VERSION.equals(state.get(Fields.COMMIT_SCHEMA))
        || !glossary.fingerprint().equals(state.get(Fields.COMMIT_GLOSSARY));
    List<IndexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    for (ScanProblem p : scan.problems()) failures.add(new IndexReport.Failure(p.source(), "SKIPPED", p.reason(), false));
    AtomicLong chars = new AtomicLong(), bytes = new AtomicLong();
    try {
      FileDecision.Counts counts = FileDecision.runAll(scan, threads, "solr-indexer", listener,
          f -> indexOne(f, scan.metadataFor(f.source()), existing.get(f.source()), retagAll, failures, chars, bytes));
      List<Existing> gone = FileDecision.vanished(scan, existing);
      synchronized (this) {
        for (Existing e : gone) pendingDeletes.add(e.docId());
      }
      SolrInputDocument g = new SolrInputDocument();
      g.setField(Fields.ID, "glossary");
      g.setField(Fields.KIND, Fields.KIND_GLOSSARY);
      g.setField(Fields.CONCEPTS, GlossaryJson.write(glossary));
      g.setField(Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION);
      g.setField(Fields.COMMIT_GLOSSARY, glossary.fingerprint());
      add(List.of(g), null);
      flush();
      solr.retry("commit", () -> solr.client().commit(solr.name(), true, true));
      listener.finish();
      return new IndexReport(counts.indexed(), counts.unchanged(), counts.retagged(), gone.size(), List.copyOf(failures),
          (int) count(Fields.KIND_PASSAGE), (int) count(Fields.KIND_DOCUMENT), chars.get(), bytes.get(),
          (System.nanoTime() - t0) / 1e9, glossary.problems());
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      throw new IOException("indexing into Solr failed: " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private String indexOne(SourceFile f, SourceMetadata meta, Existing prev, boolean retagAll,
      List<IndexReport.Failure> failures, AtomicLong chars, AtomicLong bytes) throws IOException {
    FileDecision.Indexed indexed = prev == null ? null : new FileDecision.Indexed(prev.docId(), prev.sha256(), prev::extraction);
    return FileDecision.decide(f, indexed, retagAll, extractor, (ex, sha, blob, oldDocId) -> write(f, meta, ex, sha, blob, oldDocId),
        failures, chars, bytes);
  }

  /** Splits, tags and queues one document (the same metadata rules as {@link Indexer}). */
  private void write(SourceFile f, SourceMetadata meta, ExtractedDocument ex, String sha, byte[] blob, String oldDocId)
      throws IOException {
    DocumentPreparation.Prepared d = DocumentPreparation.prepare(splitter, f, meta, ex, sha);
    DocumentInfo info = d.info();
    List<Passage> passages = d.passages();
    List<SolrInputDocument> docs = new ArrayList<>(passages.size() + 1);
    for (Passage p : passages) docs.add(passage(info, p, tagger.tag(p.text())));
    docs.add(document(info, blob));
    if (oldDocId != null) {
      synchronized (this) {
        pendingDeletes.add(oldDocId);
      }
    }
    add(docs, f.docId());
  }

  static SolrInputDocument passage(DocumentInfo info, Passage p, List<Mention> mentions) {
    SolrInputDocument d = new SolrInputDocument();
    d.setField(Fields.ID, info.id() + "#" + p.anchor());
    d.setField(Fields.KIND, Fields.KIND_PASSAGE);
    d.setField(Fields.DOC, info.id());
    d.setField(Fields.ANCHOR, p.anchor());
    d.setField(Fields.ORDINAL, p.ordinal());
    d.setField(Fields.PAGE, p.page());
    if (p.ocr()) d.setField(Fields.OCR, 1);
    d.setField(Fields.LANG, p.lang());
    if (info.year() != null) d.setField(Fields.YEAR, Integer.parseInt(info.year()));
    for (String v : Issuers.filterValues(info.issuer())) d.addField(Fields.ISSUER_FILTER, v);
    for (String v : DocumentNumbers.filterValuesOfList(info.number())) d.addField(Fields.NUMBER_FILTER, v);
    Set<String> concepts = new LinkedHashSet<>();
    for (Mention m : mentions) concepts.add(m.concept());
    if (!concepts.isEmpty()) d.setField(Fields.TERM, new ArrayList<>(concepts));
    d.setField(Fields.EN, p.text());
    d.setField(Fields.EXACT, p.text());
    d.setField(Fields.ZH, p.text());
    d.setField(Fields.MENTIONS, StoredMentions.toJson(mentions));
    d.setField(Fields.START, p.start());
    d.setField(Fields.END, p.end());
    return d;
  }

  static SolrInputDocument document(DocumentInfo info, byte[] extraction) {
    SolrInputDocument d = new SolrInputDocument();
    d.setField(Fields.ID, "doc:" + info.id());
    d.setField(Fields.KIND, Fields.KIND_DOCUMENT);
    d.setField(Fields.DOC, info.id());
    d.setField(Fields.SOURCE, info.source());
    d.setField(Fields.SHA256, info.sha256());
    d.setField(Fields.TITLE, info.title());
    if (info.titleEn() != null) d.setField(Fields.TITLE_EN, info.titleEn());
    d.setField(Fields.LANG, info.lang());
    if (info.date() != null) d.setField(Fields.DATE, info.date());
    if (info.issuer() != null) d.setField(Fields.ISSUER, info.issuer());
    if (info.dateFirst() != null) d.setField(Fields.DATE_FIRST, info.dateFirst());
    if (info.dateSource() != null) d.setField(Fields.DATE_SOURCE, info.dateSource());
    if (info.number() != null) d.setField(Fields.NUMBER, info.number());
    if (info.fingerprint() != null) d.setField(Fields.FINGERPRINT, info.fingerprint());
    d.setField(Fields.FORMAT, info.format() == null ? "" : info.format());
    d.setField(Fields.PAGES, info.pages());
    if (info.ocrPages() > 0) d.setField(Fields.OCR_PAGES, info.ocrPages());
    d.setField(Fields.PASSAGES, info.passages());
    // base64 text: BinaryField decodes it, and it travels the same way whatever the request writer
    d.setField(Fields.EXTRACTED, Base64.getEncoder().encodeToString(extraction));
    return d;
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

  private Map<String, Existing> readExisting(Map<String, String> state) throws IOException {
    Map<String, Existing> out = new HashMap<>();
    SolrQuery g = new SolrQuery(Fields.ID + ":glossary").setFields(Fields.COMMIT_SCHEMA, Fields.COMMIT_GLOSSARY).setRows(1);
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
        out.put(info.source(), new Existing(info.id(), info.sha256(), binary(d.getFirstValue(Fields.EXTRACTED)), info));
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
