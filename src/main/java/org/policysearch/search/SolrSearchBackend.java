package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.NamedList;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.solr.SolrCollection;
import org.policysearch.solr.SolrIndexer;
import org.policysearch.index.StoredMentions;
import org.policysearch.terms.CitationConcepts;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryJson;
import org.policysearch.terms.Mention;

/**
 * The search backend on a SolrCloud collection (issue 8). Queries are parsed by the same
 * {@link PolicyQueryParser} and glossary {@link Expansion} as the embedded engine and sent as
 * Solr syntax ({@link SolrQueries}); snippets come from Solr's unified highlighter (weight
 * matches, the whole passage as one fragment, match positions read from marker characters);
 * facets from JSON facets; terms, mentions and anchors are the fields stored at index time. The
 * answers are the same {@link Api} documents the embedded engine returns.
 */
public final class SolrSearchBackend implements SearchBackend, SearchBackend.Reader, SearchBackend.Suggestions {
  private static final String PRE = "\u0001", POST = "\u0002";
  private static final String[] HL_FIELDS = {Fields.EXACT, Fields.EN, Fields.ZH};
  private static final String PASSAGE_FIELDS = String.join(",", Fields.ID, Fields.DOC, Fields.ANCHOR, Fields.ORDINAL,
      Fields.PAGE, Fields.LANG, Fields.EXACT, Fields.MENTIONS, Fields.OCR);
  /** Metadata and glossary are re-read at most this often (another process may index meanwhile). */
  private static final long CACHE_MILLIS = 5_000;

  private final SolrCollection solr;
  private final Glossary fallback;
  private final Object lock = new Object();
  private long loadedAt;
  private Map<String, DocumentInfo> docs = Map.of();
  private Copies copies = Copies.NONE;
  private Glossary glossary;
  private Expansion expansion;

  /** @param fallback the glossary used while the collection holds none */
  public SolrSearchBackend(SolrCollection solr, Glossary fallback) {
    this.solr = solr;
    this.fallback = fallback;
  }

  @Override
  public Api.SearchResponse search(SearchRequest request) throws IOException {
    SearchRequest r = request.validated();
    long t0 = System.nanoTime();
    String q = r.q() == null ? "" : r.q().strip();
    if (!q.isEmpty()) PolicyQueryParser.parse(q, null); // a bad query fails before any request to Solr
    State st = state();
    PolicyQueryParser.Parsed parsed = SearchService.parse(q, r.expand() ? st.expansion() : null);
    Query direct = parsed.direct();
    List<Expansion.Found> found = parsed.found();
    // the very query SearchService runs (SolrCloudParityTest compares the two backends)
    Query passages = CopyLinks.formatOnly(CopyLinks.leadersOnly(SearchService.passageQuery(r, parsed.query()), st.copies(), r), st.docs(), r);

    SolrQueries tr = new SolrQueries("pq");
    SolrQuery sq = new SolrQuery(tr.translate(passages));
    String fl = PASSAGE_FIELDS + ",score";
    if (!found.isEmpty()) {
      sq.set("dq", tr.translate(direct));
      fl += ",direct:query($dq,-1)";
    }
    tr.params().forEach(sq::set);
    sq.set("q.op", "OR").set("defType", "lucene");
    sq.setFields(fl).setStart(r.offset()).setRows(r.limit());
    sq.set("sort", sort(r));
    // a query naming a concept is ranked by Interleave, as in the embedded engine: the page's ids first, then the page
    List<String> pageIds = !found.isEmpty() && r.limit() > 0 && r.order().equals("relevance") ? interleavedPage(sq, r.offset(), r.limit()) : null;
    if (pageIds != null) sq.setStart(0).setRows(0);
    // limit=0 is the lookup: rows=0, nothing highlighted; the facets (complete here in both modes) and numFound answer it
    else if (r.limit() > 0) highlight(sq, null);
    // with an expansion, direct_docs counts each document's direct matches (the domain filtered by the unexpanded query)
    sq.set("json.facet", "{docs:{type:terms,field:" + Fields.DOC + ",limit:-1},terms:{type:terms,field:" + Fields.TERM
        + ",limit:-1},lang:{type:terms,field:" + Fields.LANG + ",limit:-1}"
        + (found.isEmpty() ? "" : ",direct_docs:{type:terms,field:" + Fields.DOC + ",limit:-1,domain:{filter:\"{!lucene q.op=OR v=$dq}\"}}")
        + "}");
    QueryResponse res = query("search", sq);
    QueryResponse pageRes = res;
    List<SolrDocument> page = new ArrayList<>(res.getResults());
    if (pageIds != null && !pageIds.isEmpty()) {
      SolrQuery pq = sq.getCopy();
      pq.remove("json.facet");
      pq.setStart(0).setRows(pageIds.size()).addFilterQuery("{!terms f=" + Fields.ID + "}" + String.join(",", pageIds));
      highlight(pq, null);
      pageRes = query("search", pq);
      Map<String, SolrDocument> byId = new java.util.HashMap<>();
      for (SolrDocument d : pageRes.getResults()) byId.put(SolrIndexer.str(d, Fields.ID), d);
      page.clear();
      for (String id : pageIds) if (byId.containsKey(id)) page.add(byId.get(id));
    }
    Map<String, Map<String, List<String>>> hl = pageRes.getHighlighting();
    List<Api.Hit> hits = new ArrayList<>();
    for (SolrDocument d : page) {
      String text = SolrIndexer.str(d, Fields.EXACT);
      List<Api.Span> spans = spans(text, hl == null ? null : hl.get(SolrIndexer.str(d, Fields.ID)));
      List<Mention> ms = StoredMentions.parse(SolrIndexer.str(d, Fields.MENTIONS));
      String via = null;
      if (!found.isEmpty() && d.getFirstValue("direct") instanceof Number n && n.floatValue() < 0) via = SearchService.viaVariant(ms, found);
      Object score = d.getFirstValue("score");
      hits.add(hit(d, text, st, q, score instanceof Number n ? n.floatValue() : 0f, spans, ms, via));
    }
    long total = res.getResults().getNumFound();
    return new Api.SearchResponse(q, total, (System.nanoTime() - t0) / 1_000_000, r.offset(),
        r.limit(), SearchService.expansions(found), hits, facets(res, st, !found.isEmpty()), didYouMean(r, q, total, st));
  }

  /** Corrections of glossary terms only: the spell checker over indexed words reads a local index (README). */
  private List<Api.Correction> didYouMean(SearchRequest r, String q, long total, State st) throws IOException {
    List<Api.Correction> out = new ArrayList<>();
    if (q.isEmpty() || total >= DidYouMean.FEW) return out;
    for (String c : new DidYouMean(st.glossary()).candidates(q, null)) {
      if (out.size() >= SearchService.MAX_SUGGESTIONS) break;
      Query cq;
      try {
        cq = SearchService.passageQuery(r, SearchService.parse(c, r.expand() ? st.expansion() : null).query());
      } catch (BadQueryException e) {
        continue;
      }
      SolrQueries tr = new SolrQueries("cq");
      SolrQuery sq = new SolrQuery(tr.translate(cq)).setRows(0);
      tr.params().forEach(sq::set);
      sq.set("q.op", "OR").set("defType", "lucene");
      long n = query("search", sq).getResults().getNumFound();
      if (n > total) out.add(new Api.Correction(c, n));
    }
    return out;
  }

  private static final String SORT = "score desc," + Fields.DOC + " asc," + Fields.ORDINAL + " asc";

  /**
   * The Solr sort of a request. Passages in the collection carry their document's year, not its date:
   * the date orders sort by year, then document and passage order (the embedded index orders by the full
   * date within a year; README, "sort").
   */
  static String sort(SearchRequest r) {
    String then = Fields.DOC + " asc," + Fields.ORDINAL + " asc";
    return switch (r.order()) {
      case "date_desc" -> "if(exists(" + Fields.YEAR + ")," + Fields.YEAR + ",0) desc," + then;
      case "date_asc" -> "if(exists(" + Fields.YEAR + ")," + Fields.YEAR + ",99999) asc," + then;
      case "doc" -> then;
      default -> SORT;
    };
  }

  @Override
  public void export(SearchRequest request, Export.Sink sink) throws IOException {
    SearchRequest r = request.page(0, 0).validated();
    String q = r.q() == null ? "" : r.q().strip();
    if (!q.isEmpty()) PolicyQueryParser.parse(q, null);
    State st = state();
    PolicyQueryParser.Parsed parsed = SearchService.parse(q, r.expand() ? st.expansion() : null);
    Query passages = CopyLinks.formatOnly(CopyLinks.leadersOnly(SearchService.passageQuery(r, parsed.query()), st.copies(), r), st.docs(), r);
    SolrQueries tr = new SolrQueries("pq");
    SolrQuery sq = new SolrQuery(tr.translate(passages));
    tr.params().forEach(sq::set);
    sq.set("q.op", "OR").set("defType", "lucene");
    // deep paging with a cursor: the sort ends with the unique key
    sq.setFields(PASSAGE_FIELDS).setRows(500).set("sort", sort(r) + "," + Fields.ID + " asc");
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      sq.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse res = query("export", sq);
      for (SolrDocument d : res.getResults()) {
        String doc = SolrIndexer.str(d, Fields.DOC);
        DocumentInfo info = st.docs().get(doc);
        int page = SolrIndexer.integer(d, Fields.PAGE);
        sink.row(new Export.Row(doc, info == null ? doc : info.title(), info == null ? null : info.date(), page > 0 ? page : null,
            SolrIndexer.str(d, Fields.LANG), SolrIndexer.str(d, Fields.ANCHOR), SolrIndexer.str(d, Fields.EXACT)));
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
      for (SolrDocument d : query("search", lq).getResults()) {
        float score = d.getFirstValue("score") instanceof Number x ? x.floatValue() : 0f;
        ranked.add(new Interleave.Ranked<>(SolrIndexer.str(d, Fields.ID), score, SolrIndexer.str(d, Fields.DOC),
            SolrIndexer.integer(d, Fields.ORDINAL), l));
      }
      byLang.add(ranked);
    }
    List<String> merged = Interleave.merge(byLang, n);
    return merged.subList(Math.min(offset, merged.size()), merged.size());
  }

  private Api.Hit hit(SolrDocument d, String text, State st, String q, float score, List<Api.Span> spans, List<Mention> ms,
      String via) {
    String doc = SolrIndexer.str(d, Fields.DOC);
    DocumentInfo info = st.docs().get(doc);
    String anchor = SolrIndexer.str(d, Fields.ANCHOR);
    int page = SolrIndexer.integer(d, Fields.PAGE);
    return new Api.Hit(doc, info == null ? doc : info.title(), info == null ? null : info.titleEn(),
        info == null ? null : info.date(), anchor, SolrIndexer.integer(d, Fields.ORDINAL), page > 0 ? page : null,
        SolrIndexer.str(d, Fields.LANG), score, Snippets.snippet(text, spans), text, spans,
        SearchService.termRefs(st.glossary(), ms), SearchService.mentionViews(ms), via, Links.reader(doc, q, anchor),
        Links.permalink(anchor), info == null ? null : Links.file(info.source(), info.format(), page),
        info == null ? null : info.issuer(), info == null ? null : info.number(), CopyLinks.others(doc, st.docs(), st.copies()),
        SolrIndexer.integer(d, Fields.OCR) == 1);
  }

  /** The unified highlighter over the three analysed fields; each passage comes back whole with markers around matches. */
  private static void highlight(SolrQuery sq, String hlQuery) {
    sq.set("hl", true).set("hl.method", "unified").set("hl.weightMatches", true).set("hl.requireFieldMatch", true)
        .set("hl.bs.type", "WHOLE").set("hl.fragsize", 0).set("hl.snippets", 1).set("hl.defaultSummary", false)
        .set("hl.maxAnalyzedChars", 1_000_000).set("hl.tag.pre", PRE).set("hl.tag.post", POST)
        .set("hl.fl", String.join(",", HL_FIELDS));
    if (hlQuery != null) sq.set("hl.q", hlQuery);
  }

  /** Match spans in text from the marked-up fields; a field whose markup does not reproduce text is ignored. */
  static List<Api.Span> spans(String text, Map<String, List<String>> fields) {
    if (fields == null || text == null) return List.of();
    List<Api.Span> out = new ArrayList<>();
    for (String f : HL_FIELDS) {
      List<String> frags = fields.get(f);
      if (frags == null || frags.isEmpty()) continue;
      String marked = frags.get(0);
      List<Api.Span> own = new ArrayList<>();
      StringBuilder plain = new StringBuilder(text.length());
      int start = -1;
      for (int i = 0; i < marked.length(); i++) {
        char c = marked.charAt(i);
        if (c == PRE.charAt(0)) start = plain.length();
        else if (c == POST.charAt(0) && start >= 0) {
          own.add(new Api.Span(start, plain.length()));
          start = -1;
        } else plain.append(c);
      }
      if (plain.toString().equals(text)) out.addAll(own);
    }
    return MatchOffsets.merge(out);
  }

  /** @param expanded whether the request has direct_docs (else every match is direct) */
  private static Api.Facets facets(QueryResponse res, State st, boolean expanded) {
    Object f = res.getResponse().get("facets");
    if (!(f instanceof NamedList<?> facets)) return new Api.Facets(List.of(), List.of(), List.of());
    List<Api.FacetCount> docsF = new ArrayList<>(), termsF = new ArrayList<>(), langF = new ArrayList<>();
    Map<String, Long> direct = expanded ? buckets(facets, "direct_docs") : null;
    for (var e : buckets(facets, "docs").entrySet()) {
      DocumentInfo i = st.docs().get(e.getKey());
      docsF.add(Api.FacetCount.doc(e.getKey(), i == null ? e.getKey() : i.title(), e.getValue(),
          direct == null ? e.getValue() : direct.getOrDefault(e.getKey(), 0L)));
    }
    for (var e : buckets(facets, "terms").entrySet()) {
      Concept c = st.glossary().get(e.getKey());
      termsF.add(new Api.FacetCount(e.getKey(), null, c == null ? e.getKey() : c.label(), e.getValue(), null, null));
    }
    for (var e : buckets(facets, "lang").entrySet()) langF.add(new Api.FacetCount(e.getKey(), null, null, e.getValue(), null, null));
    return new Api.Facets(docsF, termsF, langF);
  }

  /** A terms facet's buckets, by count descending then value (the embedded engine's order). */
  private static Map<String, Long> buckets(NamedList<?> facets, String name) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (!(facets.get(name) instanceof NamedList<?> nl) || !(nl.get("buckets") instanceof List<?> list)) return out;
    List<Map.Entry<String, Long>> rows = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof NamedList<?> bucket) {
        rows.add(Map.entry(String.valueOf(bucket.get("val")), ((Number) bucket.get("count")).longValue()));
      }
    }
    rows.sort(Comparator.comparingLong((Map.Entry<String, Long> x) -> -x.getValue()).thenComparing(Map.Entry::getKey));
    for (var e : rows) out.put(e.getKey(), e.getValue());
    return out;
  }

  // ---- documents, glossary ----

  private record State(Map<String, DocumentInfo> docs, Copies copies, Glossary glossary, Expansion expansion) {}

  private State state() throws IOException {
    synchronized (lock) {
      if (glossary != null && System.currentTimeMillis() - loadedAt < CACHE_MILLIS) return new State(docs, copies, glossary, expansion);
    }
    SolrQuery gq = new SolrQuery(Fields.ID + ":glossary").setFields(Fields.CONCEPTS).setRows(1);
    QueryResponse gr = query("read the glossary", gq);
    Glossary g = gr.getResults().isEmpty() ? fallback : GlossaryJson.read(SolrIndexer.str(gr.getResults().get(0), Fields.CONCEPTS));
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
      docs = out;
      copies = c;
      if (glossary == null || !g.fingerprint().equals(glossary.fingerprint())) expansion = new Expansion(g);
      glossary = g;
      loadedAt = System.currentTimeMillis();
      return new State(docs, copies, glossary, expansion);
    }
  }

  @Override
  public List<Api.Doc> documents() throws IOException {
    List<Api.Doc> out = new ArrayList<>();
    State st = state();
    for (DocumentInfo i : st.docs().values()) out.add(SearchService.doc(i, st.docs(), st.copies()));
    return out;
  }

  @Override
  public Glossary glossary() {
    try {
      return state().glossary();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void refresh() {
    synchronized (lock) {
      loadedAt = 0;
    }
  }

  // ---- reader ----

  @Override
  public Optional<String> findAnchor(String anchor) throws IOException {
    if (anchor == null || anchor.isBlank() || anchor.length() > 100) return Optional.empty();
    SolrQuery q = new SolrQuery("+filter(" + Fields.ANCHOR + ":\"" + quoted(anchor) + "\") +filter(" + Fields.KIND + ":"
        + Fields.KIND_PASSAGE + ")").setFields(Fields.DOC).setRows(1);
    QueryResponse r = query("find the passage", q);
    return r.getResults().isEmpty() ? Optional.empty() : Optional.of(SolrIndexer.str(r.getResults().get(0), Fields.DOC));
  }

  @Override
  public Api.DocDetail read(String docId, String q, boolean expand, String anchor, String quote, ReaderPages.Request request)
      throws IOException {
    State st = state();
    DocumentInfo info = st.docs().get(docId);
    if (info == null) throw new NotFoundException("No document with id '" + docId + "'.");
    anchor = blankToNull(anchor);
    quote = blankToNull(quote);
    Query query = null;
    if (q != null && !q.isBlank()) {
      query = PolicyQueryParser.parse(q.strip(), expand ? st.expansion() : null).query();
    }
    SolrQuery sq = new SolrQuery("+filter(" + Fields.DOC + ":\"" + quoted(docId) + "\") +filter(" + Fields.KIND + ":"
        + Fields.KIND_PASSAGE + ")").setFields(PASSAGE_FIELDS).setRows(Math.max(1, info.passages()) + 1000)
        .setSort(Fields.ORDINAL, SolrQuery.ORDER.asc);
    if (query != null) {
      SolrQueries tr = new SolrQueries("hq");
      highlight(sq, tr.translate(query));
      tr.params().forEach(sq::set);
    }
    QueryResponse res = query("read the document", sq);
    Map<String, Map<String, List<String>>> hl = res.getHighlighting();
    List<Api.PassageView> passages = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<Integer, Integer> counts = new HashMap<>();
    int anchorPosition = -1;
    for (SolrDocument d : res.getResults()) {
      String text = SolrIndexer.str(d, Fields.EXACT);
      String a = SolrIndexer.str(d, Fields.ANCHOR);
      int page = SolrIndexer.integer(d, Fields.PAGE);
      List<Mention> ms = StoredMentions.parse(SolrIndexer.str(d, Fields.MENTIONS));
      List<Api.Span> matches = query == null ? null : spans(text, hl == null ? null : hl.get(SolrIndexer.str(d, Fields.ID)));
      if (matches != null) counts.put(passages.size(), matches.size());
      if (a != null && a.equals(anchor)) anchorPosition = passages.size();
      passages.add(new Api.PassageView(a, SolrIndexer.integer(d, Fields.ORDINAL), page > 0 ? page : null,
          SolrIndexer.str(d, Fields.LANG), text, SearchService.termRefs(st.glossary(), ms), SearchService.mentionViews(ms),
          matches, matches == null ? null : Snippets.highlight(text, matches), Links.reader(docId, q, a), Links.permalink(a),
          SolrIndexer.integer(d, Fields.OCR) == 1));
      texts.add(text);
    }
    return DocumentReader.detail(SearchService.doc(info, st.docs(), st.copies()), ReaderPages.of(passages), texts, anchor,
        anchorPosition, quote, ReaderPages.matchesByPosition(counts), request, citedBy(st, info));
  }

  /** Passages of other documents that name this one by its title (copies with the same title excluded). */
  private List<Api.Citation> citedBy(State st, DocumentInfo self) throws IOException {
    String concept = CitationConcepts.PREFIX + self.id();
    SolrQuery q = new SolrQuery("+filter(" + Fields.TERM + ":\"" + quoted(concept) + "\") +filter(" + Fields.KIND + ":"
        + Fields.KIND_PASSAGE + ")").setFields(PASSAGE_FIELDS).setRows(10_000);
    q.set("sort", Fields.DOC + " asc," + Fields.ORDINAL + " asc");
    Map<String, List<SolrDocument>> byDoc = new LinkedHashMap<>();
    for (SolrDocument d : query("find citations", q).getResults()) {
      byDoc.computeIfAbsent(SolrIndexer.str(d, Fields.DOC), k -> new ArrayList<>()).add(d);
    }
    List<Api.Citation> out = new ArrayList<>();
    for (DocumentInfo info : st.docs().values()) {
      if (info.id().equals(self.id()) || Objects.equals(info.title(), self.title()) || st.copies().isCopy(info.id())) continue;
      for (SolrDocument d : byDoc.getOrDefault(info.id(), List.of())) {
        String text = SolrIndexer.str(d, Fields.EXACT);
        List<Api.Span> spans = StoredMentions.parse(SolrIndexer.str(d, Fields.MENTIONS)).stream()
            .filter(m -> m.concept().equals(concept)).map(m -> new Api.Span(m.start(), m.end())).toList();
        String a = SolrIndexer.str(d, Fields.ANCHOR);
        out.add(new Api.Citation(info.id(), info.title(), a, Snippets.snippet(text, MatchOffsets.merge(spans)),
            Links.reader(info.id(), null, a)));
      }
    }
    return out;
  }

  // ---- suggestions ----

  /** Titles and glossary labels that start with (then contain) the text, then frequent words completing the last word. */
  @Override
  public Api.Suggestions suggest(String q, int limit) throws IOException {
    if (limit < 1 || limit > Suggester.MAX_LIMIT) {
      throw new BadQueryException("bad_parameter", "limit must be between 1 and " + Suggester.MAX_LIMIT + ", not " + limit + ".");
    }
    String query = q == null ? "" : q.strip();
    if (query.isEmpty() || query.length() > 200) return new Api.Suggestions(query, List.of());
    State st = state();
    String lower = query.toLowerCase(Locale.ROOT);
    List<String[]> labels = new ArrayList<>(); // text, kind, id
    for (DocumentInfo d : st.docs().values()) {
      if (d.title() != null) labels.add(new String[] {d.title().strip(), "title", d.id()});
      if (d.titleEn() != null) labels.add(new String[] {d.titleEn().strip(), "title", d.id()});
    }
    for (Concept c : st.glossary().concepts()) {
      if (c.generated()) continue;
      for (String t : new String[] {c.english(), c.chinese()}) if (t != null && !t.isBlank()) labels.add(new String[] {t.strip(), "term", c.id()});
      for (Concept.Variant v : c.variants()) labels.add(new String[] {v.text().strip(), "term", c.id()});
    }
    Map<String, Api.Suggestion> out = new LinkedHashMap<>();
    for (boolean prefix : new boolean[] {true, false}) {
      for (String[] l : labels) {
        if (out.size() >= limit) break;
        String ll = l[0].toLowerCase(Locale.ROOT);
        boolean hit = prefix ? ll.startsWith(lower) : !ll.startsWith(lower) && ll.contains(lower);
        if (hit) out.putIfAbsent(ll, new Api.Suggestion(l[0], l[1], l[2]));
      }
    }
    int cut = query.length();
    while (cut > 0 && !Character.isWhitespace(query.charAt(cut - 1)) && query.charAt(cut - 1) != '"') cut--;
    String head = query.substring(0, cut), last = query.substring(cut).toLowerCase(Locale.ROOT);
    if (!last.isEmpty() && out.size() < limit) {
      SolrQuery fq = new SolrQuery(Fields.KIND + ":" + Fields.KIND_PASSAGE);
      fq.setRows(0);
      fq.set("json.facet", "{w:{type:terms,field:" + Fields.EXACT + ",prefix:\"" + quoted(last) + "\",limit:" + limit + ",mincount:2}}");
      Object f = query("suggest", fq).getResponse().get("facets");
      if (f instanceof NamedList<?> facets) {
        for (String w : buckets(facets, "w").keySet()) {
          if (out.size() >= limit) break;
          if (w.codePointCount(0, w.length()) < 2) continue;
          String text = head + w;
          if (!text.equalsIgnoreCase(query)) out.putIfAbsent(text.toLowerCase(Locale.ROOT), new Api.Suggestion(text, "phrase", null));
        }
      }
    }
    return new Api.Suggestions(query, new ArrayList<>(out.values()));
  }

  // ---- concordance ----

  /** The collection is re-read for the concordance at most every ten seconds. */
  @Override
  public Object version() {
    return System.currentTimeMillis() / 10_000;
  }

  @Override
  public Concordance.Snapshot snapshot() throws IOException {
    State st = state();
    List<Concordance.TaggedPassage> out = new ArrayList<>();
    String cursor = org.apache.solr.common.params.CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery("+filter(" + Fields.KIND + ":" + Fields.KIND_PASSAGE + ") +filter(" + Fields.TERM + ":*)")
          .setFields(String.join(",", Fields.DOC, Fields.ANCHOR, Fields.ORDINAL, Fields.PAGE, Fields.EXACT, Fields.TERM, Fields.MENTIONS))
          .setRows(1000).setSort(Fields.ID, SolrQuery.ORDER.asc);
      q.set(org.apache.solr.common.params.CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = query("read the term tags", q);
      for (SolrDocument d : r.getResults()) {
        List<String> terms = new ArrayList<>();
        var values = d.getFieldValues(Fields.TERM);
        if (values != null) for (Object v : values) terms.add(String.valueOf(v));
        out.add(new Concordance.TaggedPassage(SolrIndexer.str(d, Fields.DOC), SolrIndexer.str(d, Fields.ANCHOR),
            SolrIndexer.integer(d, Fields.ORDINAL), SolrIndexer.integer(d, Fields.PAGE), SolrIndexer.str(d, Fields.EXACT), terms,
            StoredMentions.parse(SolrIndexer.str(d, Fields.MENTIONS))));
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) break;
      cursor = next;
    }
    return new Concordance.Snapshot(st.glossary(), st.docs(), out);
  }

  private QueryResponse query(String what, SolrQuery q) throws IOException {
    return new QueryResponse(solr.request(what, new QueryRequest(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST)), solr.client());
  }

  private static String quoted(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public void close() throws IOException {
    solr.close();
  }
}
