package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.StoredMentions;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.Mention;

/**
 * The answers both backends give ({@link Api}), built the same way from what each backend stored:
 * hits, the reader's passages, term references and mentions, document views, facets and export
 * rows. One instance serves one state of the index: its glossary (for labels), its documents
 * (titles, dates, files) and the copies among them ({@link CopyLinks}).
 */
public final class Answers {
  private final Glossary glossary;
  private final Map<String, DocumentInfo> docs;
  private final Copies copies;

  public Answers(Glossary glossary, Map<String, DocumentInfo> docs, Copies copies) {
    this.glossary = glossary;
    this.docs = docs;
    this.copies = copies;
  }

  /** A passage's stored fields, as either backend reads them; mentions parsed from their stored form. */
  public record Passage(String doc, String anchor, int ordinal, int page, String lang, String text, List<Mention> mentions,
      boolean ocr) {
    public static Passage of(String doc, String anchor, int ordinal, int page, String lang, String text, String storedMentions,
        boolean ocr) {
      return new Passage(doc, anchor, ordinal, page, lang, text, StoredMentions.parse(storedMentions), ocr);
    }
  }

  public Glossary glossary() {
    return glossary;
  }

  /** Every document's metadata, by id, ordered by date. */
  public Map<String, DocumentInfo> documents() {
    return docs;
  }

  public Copies copies() {
    return copies;
  }

  /**
   * One hit of a page.
   *
   * @param q the query (for the reader link)
   * @param spans the match offsets in the passage's text
   * @param via the variant through which a passage reached only through the glossary matched (else null)
   */
  public Api.Hit hit(Passage p, String q, float score, List<Api.Span> spans, String via) {
    DocumentInfo info = docs.get(p.doc());
    return new Api.Hit(p.doc(), info == null ? p.doc() : info.title(), info == null ? null : info.titleEn(),
        info == null ? null : info.date(), p.anchor(), p.ordinal(), p.page() > 0 ? p.page() : null,
        p.lang(), score, Snippets.snippet(p.text(), spans), p.text(), spans, termRefs(p.mentions()),
        mentionViews(p.mentions()), via, Links.reader(p.doc(), q, p.anchor()), Links.permalink(p.anchor()),
        info == null ? null : Links.file(info.source(), info.format(), p.page()), info == null ? null : info.issuer(),
        info == null ? null : info.number(), CopyLinks.others(p.doc(), docs, copies), p.ocr());
  }

  /** The variant through which a passage reached only through the glossary mentions a concept of the query. */
  public static String via(Passage p, QueryAssembly.Assembled query) {
    return viaVariant(p.mentions(), query.found());
  }

  static String viaVariant(List<Mention> ms, List<Expansion.Found> found) {
    for (Expansion.Found f : found) {
      for (Mention m : ms) if (m.concept().equals(f.concept().id())) return m.variant();
    }
    return found.get(0).concept().label();
  }

  /** The concepts a query named and their variants (the "also searched" line). */
  public static List<Api.Expansion> expansions(QueryAssembly.Assembled query) {
    List<Api.Expansion> exp = new ArrayList<>();
    for (Expansion.Found f : query.found()) {
      exp.add(new Api.Expansion(f.concept().id(), f.concept().label(), f.matched(),
          f.concept().variants().stream().map(Concept.Variant::text).toList()));
    }
    return exp;
  }

  /**
   * One passage of the reader's view.
   *
   * @param docId the document (for the reader link)
   * @param q the query highlighted (for the reader link), may be blank
   * @param matches the match offsets, null without a query
   */
  public Api.PassageView passageView(Passage p, String docId, String q, List<Api.Span> matches) {
    return new Api.PassageView(p.anchor(), p.ordinal(), p.page() > 0 ? p.page() : null, p.lang(), p.text(),
        termRefs(p.mentions()), mentionViews(p.mentions()), matches, matches == null ? null : Snippets.highlight(p.text(), matches),
        Links.reader(docId, q, p.anchor()), Links.permalink(p.anchor()), p.ocr());
  }

  /**
   * The reader's answer ({@link DocumentReader#detail}) from every passage of a document, already
   * read: the linked anchor resolved, then the page the request asks for ({@link ReaderPages}).
   *
   * @param matchCounts matches by position (reading order), for passages with matches
   */
  public Api.DocDetail detail(DocumentInfo info, List<Api.PassageView> passages, List<String> texts, String anchor, String quote,
      Map<Integer, Integer> matchCounts, ReaderPages.Request request, List<Api.Citation> citedBy) throws IOException {
    int anchorPosition = -1;
    for (int i = 0; anchor != null && i < passages.size(); i++) {
      if (anchor.equals(passages.get(i).anchor())) {
        anchorPosition = i;
        break;
      }
    }
    return DocumentReader.detail(doc(info), ReaderPages.of(passages), anchorPosition < 0 ? texts : null, anchor, anchorPosition,
        quote, ReaderPages.matchesByPosition(matchCounts), request, citedBy);
  }

  /**
   * The reader's "cited by", the same for both backends: the passages carrying a document's
   * citation concept, grouped by their document, listed in the documents' order; the document
   * itself, documents of the same title and copies left out.
   *
   * @param byDoc the passages carrying the concept, by document, each list in reading order
   */
  public List<Api.Citation> citations(DocumentInfo self, Map<String, List<Passage>> byDoc) {
    String concept = org.policysearch.terms.CitationConcepts.PREFIX + self.id();
    List<Api.Citation> out = new ArrayList<>();
    for (DocumentInfo info : docs.values()) {
      if (info.id().equals(self.id()) || java.util.Objects.equals(info.title(), self.title()) || copies.isCopy(info.id())) continue;
      for (Passage p : byDoc.getOrDefault(info.id(), List.of())) {
        List<Api.Span> spans = p.mentions().stream()
            .filter(m -> m.concept().equals(concept)).map(m -> new Api.Span(m.start(), m.end())).toList();
        out.add(new Api.Citation(info.id(), info.title(), p.anchor(), Snippets.snippet(p.text(), MatchOffsets.merge(spans)),
            Links.reader(info.id(), null, p.anchor())));
      }
    }
    return out;
  }

  /** A row of the CSV export. */
  public Export.Row exportRow(String doc, int page, String lang, String anchor, String text) {
    DocumentInfo info = docs.get(doc);
    return new Export.Row(doc, info == null ? doc : info.title(), info == null ? null : info.date(), page > 0 ? page : null,
        lang, anchor, text);
  }

  /** Term references with this glossary's labels, one per concept, in order of first mention. */
  public List<Api.TermRef> termRefs(List<Mention> ms) {
    return termRefs(glossary, ms);
  }

  static List<Api.TermRef> termRefs(Glossary glossary, List<Mention> ms) {
    Map<String, Api.TermRef> out = new LinkedHashMap<>();
    for (Mention m : ms) {
      Concept c = glossary.get(m.concept());
      out.computeIfAbsent(m.concept(), k -> new Api.TermRef(k, c == null ? k : c.label(), c == null ? null : c.chinese()));
    }
    return new ArrayList<>(out.values());
  }

  public static List<Api.MentionView> mentionViews(List<Mention> ms) {
    List<Api.MentionView> out = new ArrayList<>(ms.size());
    for (Mention m : ms) out.add(new Api.MentionView(m.concept(), m.start(), m.end()));
    return out;
  }

  /** All documents, ordered by date. */
  public List<Api.Doc> docs() {
    List<Api.Doc> out = new ArrayList<>();
    for (DocumentInfo i : docs.values()) out.add(doc(i));
    return out;
  }

  public Api.Doc doc(DocumentInfo i) {
    return doc(i, docs, copies);
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

  /**
   * The facets of an answer from each dimension's counts (value to count, in the order shown).
   *
   * @param direct each document's direct matches (null: no expansion, every match is direct)
   */
  public Api.Facets facets(Map<String, Long> docCounts, Map<String, Long> termCounts, Map<String, Long> langCounts,
      Map<String, Long> direct) {
    List<Api.FacetCount> docsF = new ArrayList<>(), termsF = new ArrayList<>(), langF = new ArrayList<>();
    for (var e : docCounts.entrySet()) {
      DocumentInfo i = docs.get(e.getKey());
      docsF.add(Api.FacetCount.doc(e.getKey(), i == null ? e.getKey() : i.title(), e.getValue(),
          direct == null ? e.getValue() : direct.getOrDefault(e.getKey(), 0L)));
    }
    for (var e : termCounts.entrySet()) {
      Concept c = glossary.get(e.getKey());
      termsF.add(new Api.FacetCount(e.getKey(), null, c == null ? e.getKey() : c.label(), e.getValue(), null, null));
    }
    for (var e : langCounts.entrySet()) langF.add(new Api.FacetCount(e.getKey(), null, null, e.getValue(), null, null));
    return new Api.Facets(docsF, termsF, langF);
  }
}
