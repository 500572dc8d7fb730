package org.policysearch.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.policysearch.index.DocumentInfo;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.Mention;

/**
 * Every document and passage that mentions each concept, from the tags stored at index time (the
 * tags are the quoted-phrase searches of the variants, so this agrees with search). Built once per
 * index generation. Serves {@code policy-search terms}, {@code /api/terms} and "cited by".
 */
public final class Concordance {
  /** A concept's use in one document. */
  public record DocCount(String doc, long count) {}

  public record TermSummary(String id, String label, @JsonProperty("label_zh") String labelZh, String kind, int docs,
      long mentions, @JsonProperty("docs_en") int docsEn, @JsonProperty("docs_zh") int docsZh,
      @JsonProperty("mentions_en") long mentionsEn, @JsonProperty("mentions_zh") long mentionsZh,
      @JsonProperty("by_doc") List<DocCount> byDoc) {}

  public record DocRef(String id, String title, @JsonProperty("title_en") String titleEn, String date, String lang) {}

  public record Overview(List<TermSummary> terms, List<DocRef> docs) {}

  public record ConcordancePassage(String anchor, int ordinal, Integer page, String text, String snippet,
      List<Api.MentionView> mentions, String link) {}

  public record TermDoc(String doc, String title, @JsonProperty("title_en") String titleEn, String date, String lang,
      long count, List<ConcordancePassage> passages) {}

  public record TermDetail(String id, String label, @JsonProperty("label_zh") String labelZh, String kind,
      List<String> variants, String note, long mentions, List<TermDoc> docs) {}

  /** A passage that mentions at least one concept, as a backend stores it. */
  public record TaggedPassage(String doc, String anchor, int ordinal, int page, String text, List<String> terms,
      List<Mention> mentions) {}

  /** Everything the concordance is built from, read from one state of the index. */
  /** @param copies the copies among the documents (null: grouped here from their fingerprints) */
  public record Snapshot(Glossary glossary, Map<String, DocumentInfo> documents, List<TaggedPassage> passages,
      org.policysearch.index.Copies copies) {
    public Snapshot(Glossary glossary, Map<String, DocumentInfo> documents, List<TaggedPassage> passages) {
      this(glossary, documents, passages, null);
    }
  }

  /** Where the tags come from: the embedded index ({@link SearchService}) or a Solr collection. */
  public interface Source {
    /** Changes whenever the index does; the concordance is rebuilt then. */
    Object version() throws IOException;

    /** The glossary, the documents (ordered by date) and every tagged passage. */
    Snapshot snapshot() throws IOException;
  }

  private record Row(String doc, String anchor, int ordinal, int page, String text, List<Mention> mentions) {}

  private final Source source;
  private final Object lock = new Object();
  private Object builtFor;
  private Map<String, List<Row>> rowsByConcept = Map.of();
  private Map<String, DocumentInfo> infos = Map.of();
  private Glossary glossary = Glossary.empty();

  public Concordance(Source source) {
    this.source = source;
  }

  /** All concepts (typed first, then document titles) with their counts, and the documents by date. */
  public Overview overview() throws IOException {
    load();
    synchronized (lock) {
      List<TermSummary> out = new ArrayList<>();
      for (Concept c : glossary.concepts()) out.add(summary(c, rowsByConcept.getOrDefault(c.id(), List.of())));
      List<DocRef> docs = new ArrayList<>();
      for (DocumentInfo i : infos.values()) docs.add(new DocRef(i.id(), i.title(), i.titleEn(), i.date(), i.lang()));
      return new Overview(out, docs);
    }
  }

  /** One concept's concordance, documents by date; doc (when not blank) keeps one document. */
  public TermDetail term(String id, String doc) throws IOException {
    load();
    synchronized (lock) {
      Concept c = glossary.get(id);
      if (c == null) throw new NotFoundException("No glossary concept with id '" + id + "'.");
      if (doc != null && !doc.isBlank() && !infos.containsKey(doc)) throw new NotFoundException("No document with id '" + doc + "'.");
      Map<String, List<Row>> byDoc = new LinkedHashMap<>();
      for (Row r : rowsByConcept.getOrDefault(id, List.of())) {
        if (doc == null || doc.isBlank() || doc.equals(r.doc())) byDoc.computeIfAbsent(r.doc(), k -> new ArrayList<>()).add(r);
      }
      List<TermDoc> docs = new ArrayList<>();
      long total = 0;
      for (DocumentInfo info : infos.values()) { // infos are ordered by date
        List<Row> rows = byDoc.get(info.id());
        if (rows == null) continue;
        rows.sort(Comparator.comparingInt(Row::ordinal));
        List<ConcordancePassage> ps = new ArrayList<>();
        long count = 0;
        for (Row r : rows) {
          List<Mention> own = r.mentions().stream().filter(m -> m.concept().equals(id)).toList();
          count += own.size();
          List<Api.Span> spans = MatchOffsets.merge(own.stream().map(m -> new Api.Span(m.start(), m.end())).toList());
          ps.add(new ConcordancePassage(r.anchor(), r.ordinal(), r.page() > 0 ? r.page() : null, r.text(),
              Snippets.snippet(r.text(), spans), Answers.mentionViews(own), Links.reader(r.doc(), c.label(), r.anchor())));
        }
        total += count;
        docs.add(new TermDoc(info.id(), info.title(), info.titleEn(), info.date(), info.lang(), count, ps));
      }
      return new TermDetail(c.id(), c.english(), c.chinese(), c.generated() ? "title" : "glossary",
          c.variants().stream().map(Concept.Variant::text).toList(), c.note(), total, docs);
    }
  }

  /** Passages of other documents that name docId by its title (copies with the same title excluded). */
  public List<Api.Citation> citedBy(String docId) throws IOException {
    load();
    synchronized (lock) {
      DocumentInfo self = infos.get(docId);
      if (self == null) return List.of();
      List<Api.Citation> out = new ArrayList<>();
      for (DocumentInfo info : infos.values()) {
        if (info.id().equals(docId) || Objects.equals(info.title(), self.title())) continue;
        for (Row r : rowsByConcept.getOrDefault(org.policysearch.terms.CitationConcepts.PREFIX + docId, List.of())) {
          if (!r.doc().equals(info.id())) continue;
          List<Api.Span> spans = r.mentions().stream()
              .filter(m -> m.concept().equals(org.policysearch.terms.CitationConcepts.PREFIX + docId))
              .map(m -> new Api.Span(m.start(), m.end())).toList();
          out.add(new Api.Citation(info.id(), info.title(), r.anchor(), Snippets.snippet(r.text(), MatchOffsets.merge(spans)),
              Links.reader(info.id(), null, r.anchor())));
        }
      }
      return out;
    }
  }

  private TermSummary summary(Concept c, List<Row> rows) {
    Map<String, Long> byDoc = new LinkedHashMap<>();
    for (Row r : rows) {
      long n = r.mentions().stream().filter(m -> m.concept().equals(c.id())).count();
      byDoc.merge(r.doc(), n, Long::sum);
    }
    int docsEn = 0, docsZh = 0;
    long total = 0, en = 0, zh = 0;
    List<DocCount> counts = new ArrayList<>();
    for (DocumentInfo info : infos.values()) {
      Long n = byDoc.get(info.id());
      if (n == null) continue;
      counts.add(new DocCount(info.id(), n));
      total += n;
      if ("zh".equals(info.lang())) {
        docsZh++;
        zh += n;
      } else {
        docsEn++;
        en += n;
      }
    }
    return new TermSummary(c.id(), c.english(), c.chinese(), c.generated() ? "title" : "glossary", counts.size(), total,
        docsEn, docsZh, en, zh, counts);
  }

  private void load() throws IOException {
    Object version = source.version();
    synchronized (lock) {
      if (version.equals(builtFor)) return;
    }
    // copies count once: the concordance and the heatmap see the leading copy only
    Snapshot snap = CopyLinks.leadersOnly(source.snapshot());
    Map<String, List<Row>> rows = new HashMap<>();
    for (TaggedPassage p : snap.passages()) {
      Row r = new Row(p.doc(), p.anchor(), p.ordinal(), p.page(), p.text(), p.mentions());
      for (String t : p.terms()) rows.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
    }
    synchronized (lock) {
      builtFor = version;
      rowsByConcept = rows;
      infos = snap.documents();
      glossary = snap.glossary();
    }
  }
}
