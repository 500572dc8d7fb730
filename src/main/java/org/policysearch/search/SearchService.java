package org.policysearch.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexReading;
import org.policysearch.index.StoredMentions;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryJson;
import org.policysearch.terms.Mention;

/**
 * Searches the index through one {@link SearcherManager}; {@link #refresh()} after each commit.
 * Thread-safe: every call acquires a searcher and releases it.
 */
public final class SearchService implements SearchBackend {
  /** A search that runs longer is stopped and answered with a clear message (wildcards over a huge index, say). */
  static final long SEARCH_TIMEOUT_MS = 10_000;
  private final long searchTimeoutMs;
  /**
   * Facet values returned per dimension with a page of hits (the counts always cover every match);
   * a lookup ({@code limit=0}) returns every value.
   */
  static final int FACET_VALUES = 100;
  /** Corrected queries offered at most ("did you mean"). */
  static final int MAX_SUGGESTIONS = 3;
  private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(Fields.DOC_SORT, SortField.Type.STRING),
      new SortField(Fields.ORDINAL, SortField.Type.INT));

  private final Directory dir;
  private final SearcherManager manager;
  /** Used when the index holds no glossary yet (an index built before any run, or an empty one). */
  private final Glossary fallback;
  private IndexReader glossaryReader;
  private Glossary glossary;
  private Expansion expansion;
  private DidYouMean didYouMean;
  private final Object stateLock = new Object();
  private IndexReader stateReader;
  private FacetCounts.Ordinals ordinals;
  /** The facet ordinals of the segments of the last generation (reused by the next one). */
  private final Map<Object, FacetCounts.SegmentOrds> segmentOrds = new HashMap<>();
  private IndexReader docsReader;
  private Map<String, DocumentInfo> docs = Map.of();
  private Copies copies = Copies.NONE;
  /** Non-null while the index is known to be damaged: every read is refused with this sentence. */
  private volatile String damaged;

  /** Opens the index in indexDir, creating an empty one if there is none yet. */
  public SearchService(Path indexDir, Glossary glossary) throws IOException {
    this(indexDir, glossary, SEARCH_TIMEOUT_MS);
  }

  /** As above, with the time limit of one search (tests use a tiny one). */
  SearchService(Path indexDir, Glossary glossary, long searchTimeoutMs) throws IOException {
    this.searchTimeoutMs = searchTimeoutMs;
    Files.createDirectories(indexDir);
    this.dir = FSDirectory.open(indexDir);
    if (!DirectoryReader.indexExists(dir)) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer()))) {
        w.commit();
      }
    }
    this.manager = new SearcherManager(dir, null);
    this.fallback = glossary;
  }

  /** The glossary the index was tagged with (typed concepts and generated title concepts). */
  public Glossary glossary() {
    try {
      return withSearcher(this::glossary);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Glossary glossary(IndexSearcher s) throws IOException {
    synchronized (stateLock) {
      if (glossaryReader == s.getIndexReader()) return glossary;
    }
    TopDocs top = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_GLOSSARY)), 1);
    Glossary g = top.scoreDocs.length == 0 ? fallback
        : GlossaryJson.read(s.storedFields().document(top.scoreDocs[0].doc).get(Fields.CONCEPTS));
    synchronized (stateLock) {
      glossaryReader = s.getIndexReader();
      glossary = g;
      expansion = new Expansion(g);
      didYouMean = new DidYouMean(g);
      return g;
    }
  }

  private DidYouMean didYouMean(IndexSearcher s) throws IOException {
    glossary(s);
    synchronized (stateLock) {
      return didYouMean;
    }
  }

  private Expansion expansion(IndexSearcher s) throws IOException {
    glossary(s);
    synchronized (stateLock) {
      return expansion;
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
    String q = r.q() == null ? "" : r.q().strip();
    if (!q.isEmpty()) PolicyQueryParser.parse(q, null); // a bad query fails before any index work
    IndexSearcher s = acquire();
    try {
      Glossary g = glossary(s);
      PolicyQueryParser.Parsed parsed = parse(q, r.expand() ? expansion(s) : null);
      List<Expansion.Found> found = parsed.found();
      Query query = CopyLinks.formatOnly(CopyLinks.leadersOnly(passageQuery(r, parsed.query()), copies(s), r), documents(s), r);
      FacetCounts.Ordinals ordinals = ordinals(s.getIndexReader());
      // a searcher of its own for this request, so the time limit applies to this search alone
      IndexSearcher limited = new IndexSearcher(s.getIndexReader());
      limited.setTimeout(new QueryTimeoutImpl(searchTimeoutMs));
      Map<String, DocumentInfo> infos = documents(s);
      Sort order = order(r, infos);
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
        if (!found.isEmpty()) directCounts = limited.search(passageQuery(r, parsed.direct()), FacetCounts.manager(ordinals));
        if (!found.isEmpty() && top != null && order == ORDER) top = interleaved(limited, query, r.offset() + r.limit(), top);
      } catch (IndexSearcher.TooManyClauses e) {
        throw new BadQueryException("bad_query", "The query expands to too many terms; make it more specific.");
      }
      if (limited.timedOut()) {
        throw new BadQueryException("query_timeout", "The search took longer than " + searchTimeoutMs / 1000.0
            + " s and was stopped; make the query more specific (fewer wildcards, a filter).");
      }
      List<Api.Hit> hits = top == null ? List.of() : hits(s, r, q, query, parsed.direct(), found, g, infos, top);
      Map<String, Long> direct = new HashMap<>();
      if (directCounts != null) for (FacetCounts.Value v : directCounts.top(Fields.FACET_DOC, Integer.MAX_VALUE)) direct.put(v.label(), v.count());
      // a lookup (limit=0) answers every matching document; a page, the top values of each dimension
      Api.Facets facets = facets(counts, directCounts == null ? null : direct, g, infos, r.limit() == 0 ? Integer.MAX_VALUE : FACET_VALUES);
      List<Api.Correction> suggestions = new ArrayList<>();
      if (!q.isEmpty() && counts.total() < DidYouMean.FEW) {
        Expansion exp = r.expand() ? expansion(s) : null;
        for (String c : didYouMean(s).candidates(q, s.getIndexReader())) {
          if (suggestions.size() >= MAX_SUGGESTIONS) break;
          try {
            long n = limited.count(passageQuery(r, parse(c, exp).query()));
            if (n > counts.total()) suggestions.add(new Api.Correction(c, n));
          } catch (BadQueryException e) {
            // a correction that is not a valid query is no suggestion
          }
        }
      }
      return new Api.SearchResponse(q, counts.total(), (System.nanoTime() - t0) / 1_000_000, r.offset(), r.limit(), expansions(found), hits, facets,
          suggestions);
    } finally {
      manager.release(s);
    }
  }

  /** The order of a request's hits: relevance (then document and passage), document date either way, or document. */
  static Sort order(SearchRequest r, Map<String, DocumentInfo> infos) {
    SortField doc = new SortField(Fields.DOC_SORT, SortField.Type.STRING), ordinal = new SortField(Fields.ORDINAL, SortField.Type.INT);
    return switch (r.order()) {
      case "date_desc" -> new Sort(DateOrder.sortField(infos, true), doc, ordinal);
      case "date_asc" -> new Sort(DateOrder.sortField(infos, false), doc, ordinal);
      case "doc" -> new Sort(doc, ordinal);
      default -> ORDER;
    };
  }

  /**
   * Every passage matching the request (its filters, its sort; relevance is score order, without the
   * languages taking turns), handed to the sink one by one: the CSV export. Paging is ignored.
   */
  @Override
  public void export(SearchRequest request, Export.Sink sink) throws IOException {
    SearchRequest r = request.page(0, 0).validated();
    String q = r.q() == null ? "" : r.q().strip();
    if (!q.isEmpty()) PolicyQueryParser.parse(q, null);
    IndexSearcher s = manager.acquire();
    try {
      PolicyQueryParser.Parsed parsed = parse(q, r.expand() ? expansion(s) : null);
      Query query = CopyLinks.formatOnly(CopyLinks.leadersOnly(passageQuery(r, parsed.query()), copies(s), r), documents(s), r);
      Map<String, DocumentInfo> infos = documents(s);
      IndexSearcher limited = new IndexSearcher(s.getIndexReader());
      limited.setTimeout(new QueryTimeoutImpl(searchTimeoutMs));
      TopDocs top;
      try {
        int n = limited.count(query);
        if (n == 0) return;
        top = limited.search(query, new TopFieldCollectorManager(order(r, infos), n, null, Integer.MAX_VALUE, false));
      } catch (IndexSearcher.TooManyClauses e) {
        throw new BadQueryException("bad_query", "The query expands to too many terms; make it more specific.");
      }
      if (limited.timedOut()) throw new BadQueryException("query_timeout", "The export's search took longer than " + searchTimeoutMs / 1000.0 + " s and was stopped.");
      StoredFields stored = s.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        String id = d.get(Fields.DOC);
        DocumentInfo info = infos.get(id);
        int page = IndexReading.intValue(d, Fields.PAGE);
        sink.row(new Export.Row(id, info == null ? id : info.title(), info == null ? null : info.date(), page > 0 ? page : null,
            d.get(Fields.LANG), d.get(Fields.ANCHOR), d.get(Fields.TEXT)));
      }
    } finally {
      manager.release(s);
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
      Query q = b.build();
      TopDocs t = s.search(q, new TopFieldCollectorManager(ORDER, n, null, Integer.MAX_VALUE, false));
      List<Interleave.Ranked<ScoreDoc>> ranked = new ArrayList<>();
      for (ScoreDoc sd : t.scoreDocs) {
        FieldDoc fd = (FieldDoc) sd;
        ranked.add(new Interleave.Ranked<>(sd, score(sd), ((org.apache.lucene.util.BytesRef) fd.fields[1]).utf8ToString(), (Integer) fd.fields[2], l));
      }
      byLang.add(ranked);
    }
    return new TopDocs(all.totalHits, Interleave.merge(byLang, n).toArray(new ScoreDoc[0]));
  }

  /** The parsed query, with the glossary expansion when one is given; the empty query matches every passage. */
  static PolicyQueryParser.Parsed parse(String q, Expansion expansion) {
    if (q.isEmpty()) return new PolicyQueryParser.Parsed(new MatchAllDocsQuery(), new MatchAllDocsQuery(), List.of());
    return PolicyQueryParser.parse(q, expansion);
  }

  static List<Api.Expansion> expansions(List<Expansion.Found> found) {
    List<Api.Expansion> exp = new ArrayList<>();
    for (Expansion.Found f : found) {
      exp.add(new Api.Expansion(f.concept().id(), f.concept().label(), f.matched(),
          f.concept().variants().stream().map(Concept.Variant::text).toList()));
    }
    return exp;
  }

  /**
   * The query both backends run for a request: the parsed query (with its glossary expansion, see
   * {@link PolicyQueryParser}), restricted to passages and to the request's filters.
   */
  static Query passageQuery(SearchRequest r, Query parsed) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(parsed, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!SearchRequest.blank(r.lang())) b.add(new TermQuery(new Term(Fields.LANG, r.lang())), BooleanClause.Occur.FILTER);
    if (!SearchRequest.blank(r.doc())) b.add(new TermQuery(new Term(Fields.DOC, r.doc())), BooleanClause.Occur.FILTER);
    if (!SearchRequest.blank(r.term())) b.add(new TermQuery(new Term(Fields.TERM, r.term())), BooleanClause.Occur.FILTER);
    return b.build();
  }

  private static boolean matches(IndexSearcher s, Weight w, int doc) throws IOException {
    var leaves = s.getIndexReader().leaves();
    var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    var scorer = w.scorer(leaf);
    if (scorer == null) return false;
    int target = doc - leaf.docBase;
    return scorer.iterator().advance(target) == target;
  }

  private static String viaVariant(Document d, List<Expansion.Found> found) {
    return viaVariant(StoredMentions.parse(d.get(Fields.MENTIONS)), found);
  }

  /** The variant through which a passage reached only through the glossary mentions a concept of the query. */
  static String viaVariant(List<Mention> ms, List<Expansion.Found> found) {
    for (Expansion.Found f : found) {
      for (Mention m : ms) if (m.concept().equals(f.concept().id())) return m.variant();
    }
    return found.get(0).concept().label();
  }

  private Api.Hit hit(Document d, Glossary g, Map<String, DocumentInfo> infos, String q, float score, List<Api.Span> spans, String via) {
    String doc = d.get(Fields.DOC);
    DocumentInfo info = infos.get(doc);
    String text = d.get(Fields.TEXT);
    String anchor = d.get(Fields.ANCHOR);
    int page = IndexReading.intValue(d, Fields.PAGE);
    List<Mention> ms = StoredMentions.parse(d.get(Fields.MENTIONS));
    return new Api.Hit(doc, info == null ? doc : info.title(), info == null ? null : info.titleEn(),
        info == null ? null : info.date(), anchor, IndexReading.intValue(d, Fields.ORDINAL), page > 0 ? page : null,
        d.get(Fields.LANG), Float.isNaN(score) ? 0f : score, Snippets.snippet(text, spans), text, spans, termRefs(g, ms),
        mentionViews(ms), via, Links.reader(doc, q, anchor), Links.permalink(anchor),
        info == null ? null : Links.file(info.source(), info.format(), page), info == null ? null : info.issuer(),
        info == null ? null : info.number(), CopyLinks.others(doc, infos, copiesOf(infos)), IndexReading.intValue(d, Fields.OCR) == 1);
  }

  /** The copies of a document list this service read (documents(s) sets both; another list is grouped afresh). */
  Copies copiesOf(Map<String, DocumentInfo> infos) {
    synchronized (stateLock) {
      return infos == docs ? copies : Copies.of(infos.values());
    }
  }

  /** Term references with the labels of the glossary of the searcher last used (documents(s) loads it). */
  List<Api.TermRef> termRefs(List<Mention> ms) {
    Glossary g;
    synchronized (stateLock) {
      g = glossary != null ? glossary : fallback;
    }
    return termRefs(g, ms);
  }

  static List<Api.TermRef> termRefs(Glossary glossary, List<Mention> ms) {
    Map<String, Api.TermRef> out = new LinkedHashMap<>();
    for (Mention m : ms) {
      Concept c = glossary.get(m.concept());
      out.computeIfAbsent(m.concept(), k -> new Api.TermRef(k, c == null ? k : c.label(), c == null ? null : c.chinese()));
    }
    return new ArrayList<>(out.values());
  }

  static List<Api.MentionView> mentionViews(List<Mention> ms) {
    List<Api.MentionView> out = new ArrayList<>(ms.size());
    for (Mention m : ms) out.add(new Api.MentionView(m.concept(), m.start(), m.end()));
    return out;
  }

  /** The hits of the page: stored fields read once, in index order, and the match spans from the Matches API. */
  private List<Api.Hit> hits(IndexSearcher s, SearchRequest r, String q, Query query, Query direct, List<Expansion.Found> found,
      Glossary g, Map<String, DocumentInfo> infos, TopDocs top) throws IOException {
    ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(r.offset(), top.scoreDocs.length), top.scoreDocs.length);
    int[] ids = new int[page.length];
    for (int i = 0; i < page.length; i++) ids[i] = page[i].doc;
    int[] sorted = ids.clone();
    java.util.Arrays.sort(sorted);
    // one StoredFields for the page, in doc id order: neighbouring passages share a compressed block
    StoredFields stored = s.storedFields();
    Map<Integer, Document> docsById = new HashMap<>();
    Map<Integer, String> texts = new HashMap<>();
    for (int id : sorted) {
      Document d = stored.document(id);
      docsById.put(id, d);
      texts.put(id, d.get(Fields.TEXT));
    }
    Map<Integer, List<Api.Span>> spans = MatchOffsets.fromMatches(s, query, ids, texts);
    Weight directWeight = found.isEmpty() ? null : s.createWeight(s.rewrite(direct), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<Api.Hit> hits = new ArrayList<>(page.length);
    for (ScoreDoc sd : page) {
      Document d = docsById.get(sd.doc);
      String via = null;
      if (directWeight != null && !matches(s, directWeight, sd.doc)) via = viaVariant(d, found);
      hits.add(hit(d, g, infos, q, score(sd), spans.getOrDefault(sd.doc, List.of()), via));
    }
    return hits;
  }

  /** A hit's BM25 score: the first sort value (the collector computed it; issue 7: recomputing it for the page cost 9%). */
  private static float score(ScoreDoc sd) {
    return sd instanceof FieldDoc fd && fd.fields[0] instanceof Float f ? f : sd.score;
  }

  /** @param direct each document's direct matches (null: no expansion, every match is direct) */
  private static Api.Facets facets(FacetCounts.Counts counts, Map<String, Long> direct, Glossary glossary, Map<String, DocumentInfo> infos, int max) {
    List<Api.FacetCount> docsF = new ArrayList<>(), termsF = new ArrayList<>(), langF = new ArrayList<>();
    for (FacetCounts.Value v : counts.top(Fields.FACET_DOC, max)) {
      DocumentInfo i = infos.get(v.label());
      docsF.add(Api.FacetCount.doc(v.label(), i == null ? v.label() : i.title(), v.count(), direct == null ? v.count() : direct.getOrDefault(v.label(), 0L)));
    }
    for (FacetCounts.Value v : counts.top(Fields.FACET_TERM, max)) {
      Concept c = glossary.get(v.label());
      termsF.add(new Api.FacetCount(v.label(), null, c == null ? v.label() : c.label(), v.count(), null, null));
    }
    for (FacetCounts.Value v : counts.top(Fields.FACET_LANG, max)) langF.add(new Api.FacetCount(v.label(), null, null, v.count(), null, null));
    return new Api.Facets(docsF, termsF, langF);
  }

  /** The facet ordinals and labels of this index generation (built on the first search after a refresh). */
  private FacetCounts.Ordinals ordinals(IndexReader reader) throws IOException {
    synchronized (stateLock) {
      if (stateReader != reader) {
        ordinals = FacetCounts.Ordinals.of(reader, segmentOrds);
        stateReader = reader;
      }
      return ordinals;
    }
  }

  /** Every document's metadata, cached per index generation. */
  Map<String, DocumentInfo> documents(IndexSearcher s) throws IOException {
    glossary(s);
    synchronized (stateLock) {
      if (docsReader == s.getIndexReader()) return docs;
    }
    Map<String, DocumentInfo> out = new LinkedHashMap<>();
    Query q = new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
    // sized by the number of documents, not maxDoc (every passage): the top-N queue is allocated up front
    TopDocs top = s.search(q, Math.max(1, s.count(q)));
    List<DocumentInfo> list = new ArrayList<>();
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) list.add(IndexReading.documentInfo(stored.document(sd.doc)));
    list.sort(Comparator.comparing((DocumentInfo i) -> i.date() == null ? "9999" : i.date()).thenComparing(DocumentInfo::id));
    for (DocumentInfo i : list) out.put(i.id(), i);
    Copies c = Copies.of(out.values());
    synchronized (stateLock) {
      docsReader = s.getIndexReader();
      docs = out;
      copies = c;
    }
    return out;
  }

  /** The copies among the documents of this index generation ({@link CopyLinks}). */
  Copies copies(IndexSearcher s) throws IOException {
    documents(s);
    synchronized (stateLock) {
      return copies;
    }
  }

  /** All documents, ordered by date. */
  public List<Api.Doc> documents() throws IOException {
    IndexSearcher s = acquire();
    try {
      List<Api.Doc> out = new ArrayList<>();
      Map<String, DocumentInfo> all = documents(s);
      Copies c = copies(s);
      for (DocumentInfo i : all.values()) out.add(doc(i, all, c));
      return out;
    } finally {
      manager.release(s);
    }
  }

  static Api.Doc doc(DocumentInfo i, Map<String, DocumentInfo> all, Copies copies) {
    // a copy is the same document: it carries its leader's title (a text export's first line is
    // often a section heading, where the PDF's metadata has the report's title)
    DocumentInfo leader = all.get(copies.leaderOf().getOrDefault(i.id(), i.id()));
    DocumentInfo named = leader == null ? i : leader;
    return new Api.Doc(i.id(), named.title(), named.titleEn(), i.lang(), i.date(), i.issuer(), i.source(), i.format(), i.pages(),
        i.passages(), Links.file(i.source(), i.format(), 0), i.dateFirst(), i.dateSource(), i.number(),
        copies.leaderOf().get(i.id()), CopyLinks.others(i.id(), all, copies), i.ocrPages());
  }

  @Override
  public Object version() throws IOException {
    return withSearcher(IndexSearcher::getIndexReader);
  }

  @Override
  public Concordance.Snapshot snapshot() throws IOException {
    return withSearcher(s -> {
      List<Concordance.TaggedPassage> out = new ArrayList<>();
      Query tagged = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
          .add(new org.apache.lucene.search.PrefixQuery(new Term(Fields.TERM, "")), BooleanClause.Occur.FILTER).build();
      TopDocs top = s.search(tagged, Math.max(1, s.count(tagged)));
      var stored = s.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        String[] terms = d.getValues(Fields.TERM);
        if (terms.length == 0) continue;
        out.add(new Concordance.TaggedPassage(d.get(Fields.DOC), d.get(Fields.ANCHOR), IndexReading.intValue(d, Fields.ORDINAL),
            IndexReading.intValue(d, Fields.PAGE), d.get(Fields.TEXT), List.of(terms), StoredMentions.parse(d.get(Fields.MENTIONS))));
      }
      return new Concordance.Snapshot(glossary(s), documents(s), out);
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

  /** The stored passages of one document in reading order. */
  static List<Integer> passageIds(IndexSearcher s, String doc) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.DOC, doc)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
    // sized by the document's passages, not maxDoc: the sort queue is allocated up front, per request
    TopDocs top = s.search(q, Math.max(1, s.count(q)), new Sort(new SortField(Fields.ORDINAL, SortField.Type.INT)));
    List<Integer> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) out.add(sd.doc);
    return out;
  }

  /** Parses a query for highlighting inside one document (the reader's q=). */
  Query readerQuery(String q, boolean expand) throws IOException {
    if (q == null || q.isBlank()) return null;
    return PolicyQueryParser.parse(q.strip(), expand ? withSearcher(this::expansion) : null).query();
  }

  @Override
  public void close() throws IOException {
    manager.close();
    dir.close();
  }

}
