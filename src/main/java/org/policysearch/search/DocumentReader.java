package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexReading;
import org.policysearch.index.StoredMentions;
import org.policysearch.passages.Anchors;
import org.policysearch.terms.Mention;

/**
 * The reader's view of one document ({@code GET /api/docs/{id}}): every passage in reading order
 * with its terms, and with a query, the match spans and highlighted HTML of each passage.
 *
 * <p>A deep link names an anchor; when the document changed and the anchor is gone, the link's
 * quote (the W3C TextQuoteSelector idea) finds the closest passage by normalised text, and the
 * answer says so ({@code anchor_status} changed) instead of silently showing another place.
 */
public final class DocumentReader implements SearchBackend.Reader {
  /** Share of the quote's character bigrams a passage must contain to count as "the same passage, changed". */
  static final double MIN_QUOTE_OVERLAP = 0.5;

  private final SearchService service;

  public DocumentReader(SearchService service) {
    this.service = service;
  }

  /** The document in which a passage anchor lives, if any (for {@code /p/{anchor}}). */
  public Optional<String> findAnchor(String anchor) throws IOException {
    if (anchor == null || anchor.isBlank() || anchor.length() > 100) return Optional.empty();
    return service.withSearcher(s -> {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.ANCHOR, anchor)), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
      TopDocs top = s.search(q, 1);
      if (top.scoreDocs.length == 0) return Optional.<String>empty();
      return Optional.of(s.storedFields().document(top.scoreDocs[0].doc).get(Fields.DOC));
    });
  }

  /**
   * One page of a document. Only the page's passages are read from the index; match counts cover
   * the whole document (the passages the query matches, read once per request).
   *
   * @param docId document id
   * @param q query to highlight, may be blank
   * @param expand highlight the glossary's other variants too
   * @param anchor the passage a link points at, may be blank
   * @param quote the linked passage's text (or part of it), may be blank
   * @param page where the page lies ({@link ReaderPages})
   * @throws NotFoundException for an unknown document
   * @throws BadQueryException for a query that does not parse
   */
  @Override
  public Api.DocDetail read(String docId, String q, boolean expand, String anchor, String quote, ReaderPages.Request page)
      throws IOException {
    Query query = service.readerQuery(q, expand);
    return service.withSearcher(s -> read(s, docId, q, query, blankToNull(anchor), blankToNull(quote), page));
  }

  private Api.DocDetail read(IndexSearcher s, String docId, String q, Query query, String anchor, String quote,
      ReaderPages.Request page) throws IOException {
    Map<String, DocumentInfo> infos = service.documents(s);
    DocumentInfo info = infos.get(docId);
    if (info == null) throw new NotFoundException("No document with id '" + docId + "'.");
    List<Integer> ids = SearchService.passageIds(s, docId);
    Map<Integer, Integer> positionOf = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) positionOf.put(ids.get(i), i);
    Map<Integer, List<Api.Span>> spans = Map.of();
    Map<Integer, Integer> counts = new HashMap<>();
    if (query != null && !ids.isEmpty()) {
      int[] matching = matchingPassages(s, docId, query);
      spans = MatchOffsets.of(s, query, matching);
      spans.forEach((id, list) -> counts.put(positionOf.get(id), list.size()));
    }
    Map<Integer, List<Api.Span>> spansById = spans;
    ReaderPages.Source source = new ReaderPages.Source() {
      @Override
      public int size() {
        return ids.size();
      }

      @Override
      public Api.PassageView load(int position) throws IOException {
        int id = ids.get(position);
        return view(s.storedFields().document(id), docId, q, query == null ? null : spansById.getOrDefault(id, List.of()));
      }
    };
    int anchorPosition = -1;
    List<String> texts = null;
    if (anchor != null) {
      Integer at = positionOf.get(anchorDoc(s, docId, anchor));
      if (at != null) anchorPosition = at;
      else if (quote != null) texts = texts(s, ids); // the link's passage is gone: every text, to find the closest
    }
    return detail(SearchService.doc(info, infos, service.copiesOf(infos)), source, texts, anchor, anchorPosition, quote,
        ReaderPages.matchesByPosition(counts), page, citedBy(s, info));
  }

  private Api.PassageView view(Document d, String docId, String q, List<Api.Span> matches) {
    String text = d.get(Fields.TEXT);
    String a = d.get(Fields.ANCHOR);
    int pg = IndexReading.intValue(d, Fields.PAGE);
    List<Mention> ms = StoredMentions.parse(d.get(Fields.MENTIONS));
    return new Api.PassageView(a, IndexReading.intValue(d, Fields.ORDINAL), pg > 0 ? pg : null, d.get(Fields.LANG), text,
        service.termRefs(ms), SearchService.mentionViews(ms), matches,
        matches == null ? null : Snippets.highlight(text, matches), Links.reader(docId, q, a), Links.permalink(a),
        IndexReading.intValue(d, Fields.OCR) == 1);
  }

  /** The document's passages the query matches (doc ids). */
  private static int[] matchingPassages(IndexSearcher s, String docId, Query query) throws IOException {
    Query q = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.DOC, docId)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
    TopDocs top = s.search(q, Math.max(1, s.count(q)));
    int[] out = new int[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) out[i] = top.scoreDocs[i].doc;
    Arrays.sort(out);
    return out;
  }

  /**
   * Passages of other documents that name this one by its title ({@link Answers#citations}), read
   * from the index, not from the concordance, which holds every tagged passage of the corpus (a 4x
   * corpus does not fit a 256 MB server that way: issue 20).
   */
  private List<Api.Citation> citedBy(IndexSearcher s, DocumentInfo self) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.TERM, org.policysearch.terms.CitationConcepts.PREFIX + self.id())), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
    int n = s.count(q);
    if (n == 0) return List.of();
    TopDocs top = s.search(q, n, new org.apache.lucene.search.Sort(
        new org.apache.lucene.search.SortField(Fields.ORDINAL, org.apache.lucene.search.SortField.Type.INT)));
    Map<String, List<Answers.Passage>> byDoc = new HashMap<>();
    for (var sd : top.scoreDocs) {
      Answers.Passage p = StoredPassages.passage(s.storedFields().document(sd.doc));
      byDoc.computeIfAbsent(p.doc(), k -> new ArrayList<>()).add(p);
    }
    return service.answers(s).citations(self, byDoc);
  }

  /** The doc id of the passage with this anchor in this document, or -1. */
  private static int anchorDoc(IndexSearcher s, String docId, String anchor) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ANCHOR, anchor)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.DOC, docId)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
    TopDocs top = s.search(q, 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  private static List<String> texts(IndexSearcher s, List<Integer> ids) throws IOException {
    List<String> out = new ArrayList<>(ids.size());
    for (int id : ids) out.add(s.storedFields().document(id, Set.of(Fields.TEXT)).get(Fields.TEXT));
    return out;
  }

  /**
   * The reader's answer, the same for both backends: where the linked anchor is gone, the passage
   * closest to the quote with a "changed" notice, or a "missing" notice, never a silent wrong place;
   * then the page the request asks for.
   *
   * @param texts every passage's text, needed only when the anchor is gone and a quote is given (else null)
   * @param anchorPosition the anchor's position when it exists, else -1
   */
  static Api.DocDetail detail(Api.Doc doc, ReaderPages.Source source, List<String> texts, String anchor,
      int anchorPosition, String quote, NavigableMap<Integer, Integer> matches, ReaderPages.Request request,
      List<Api.Citation> citedBy) throws IOException {
    String status = null, resolved = null, notice = null;
    int target = -1;
    if (anchor != null) {
      if (anchorPosition >= 0) {
        status = "ok";
        resolved = anchor;
        target = anchorPosition;
      } else {
        int best = quote == null || texts == null ? -1 : closest(texts, quote);
        if (best >= 0) {
          status = "changed";
          resolved = source.load(best).anchor();
          target = best;
          notice = "This passage has changed since the link was made; showing the closest passage to the quoted text.";
        } else {
          status = "missing";
          notice = "The linked passage no longer exists in this document"
              + (quote == null ? "." : ", and no passage is close to the quoted text.");
        }
      }
    }
    ReaderPages.Page page = ReaderPages.page(request, source, matches, target);
    int matchCount = 0;
    for (int c : matches.values()) matchCount += c;
    return new Api.DocDetail(doc.id(), doc.title(), doc.titleEn(), doc.lang(), doc.date(), doc.issuer(), doc.source(),
        doc.format(), doc.pages(), doc.ocrPages(), doc.file(), page.passages(), matchCount, status, resolved, notice, citedBy,
        doc.dateFirst(), doc.dateSource(), doc.number(), doc.copyOf(), doc.copies(), source.size(), page.from(),
        page.matchesBefore());
  }

  /**
   * The passage closest to a quote: containment of the normalised quote wins outright; otherwise
   * the passage holding the largest share of the quote's character bigrams, if at least
   * {@link #MIN_QUOTE_OVERLAP}. Returns -1 when nothing is close.
   */
  static int closest(List<String> texts, String quote) {
    String qn = Anchors.normalize(quote);
    if (qn.isEmpty()) return -1;
    Set<String> qb = bigrams(qn);
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < texts.size(); i++) {
      String pn = Anchors.normalize(texts.get(i));
      if (pn.isEmpty()) continue;
      double score;
      if (pn.contains(qn)) {
        score = 2 + (double) qn.length() / pn.length(); // contained: prefer the tightest passage
      } else {
        Set<String> pb = bigrams(pn);
        int common = 0;
        for (String b : qb) if (pb.contains(b)) common++;
        double share = qb.isEmpty() ? 0 : (double) common / qb.size();
        if (share < MIN_QUOTE_OVERLAP) continue;
        score = share + (double) common / Math.max(qb.size(), pb.size()) / 1000;
      }
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    int[] cps = s.codePoints().toArray();
    if (cps.length == 1) out.add(s);
    for (int i = 0; i + 1 < cps.length; i++) out.add(new String(cps, i, 2));
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
