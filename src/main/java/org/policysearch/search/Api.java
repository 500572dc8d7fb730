package org.policysearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON documents of the API (and of {@code search --json}); the names are the contract. */
public final class Api {
  private Api() {}

  /** A span of UTF-16 code units in a passage's text. */
  public record Span(int start, int end) {}

  /** A concept a passage mentions. */
  public record TermRef(String id, String label, @JsonProperty("label_zh") String labelZh) {}

  /** One mention of a concept, with offsets in the passage text. */
  public record MentionView(String term, int start, int end) {}

  /**
   * A facet value and its count of matching passages; for a document, {@code direct} counts the
   * passages that match the query as written and {@code via} those reached only through the
   * glossary (issue 16), so "every document that uses this phrase" is the documents with direct &gt; 0.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FacetCount(String id, String title, String label, long count, Long direct, Long via) {
    static FacetCount doc(String id, String title, long count, long direct) {
      return new FacetCount(id, title, null, count, direct, count - direct);
    }
  }

  public record Facets(List<FacetCount> docs, List<FacetCount> terms, List<FacetCount> lang) {}

  /** A glossary concept the query matched and whose other variants were searched too. */
  public record Expansion(String concept, String label, @JsonProperty("matched") String matched, List<String> variants) {}

  public record Hit(String doc, String title, @JsonProperty("title_en") String titleEn, String date, String passage,
      int ordinal, Integer page, String lang, float score, String snippet, String text, List<Span> matches,
      List<TermRef> terms, List<MentionView> mentions, String via, String link, String permalink, String file,
      String issuer, String number, List<CopyRef> also, boolean ocr) {}

  public record SearchResponse(String query, long total, @JsonProperty("took_ms") long tookMs, int offset, int limit,
      List<Expansion> expansions, List<Hit> hits, Facets facets, List<Correction> suggestions) {}

  /** "Did you mean": a corrected query and the passages it finds (issue 16). */
  public record Correction(String query, long total) {}

  public record Doc(String id, String title, @JsonProperty("title_en") String titleEn, String lang, String date,
      String issuer, String source, String format, int pages, int passages, String file,
      @JsonProperty("date_first") String dateFirst, @JsonProperty("date_source") String dateSource, String number,
      @JsonProperty("copy_of") String copyOf, List<CopyRef> copies, @JsonProperty("ocr_pages") int ocrPages) {}

  /** Another file holding the same document (the leading copy, or one named under it): "also as TXT". */
  public record CopyRef(String id, String format, String link, String file) {}

  public record PassageView(String anchor, int ordinal, Integer page, String lang, String text, List<TermRef> terms,
      List<MentionView> mentions, List<Span> matches, String highlighted, String link, String permalink, boolean ocr) {}

  public record DocDetail(String id, String title, @JsonProperty("title_en") String titleEn, String lang, String date,
      String issuer, String source, String format, int pages, @JsonProperty("ocr_pages") int ocrPages, String file, List<PassageView> passages,
      @JsonProperty("match_count") int matchCount, @JsonProperty("anchor_status") String anchorStatus,
      @JsonProperty("resolved_anchor") String resolvedAnchor, String notice, @JsonProperty("cited_by") List<Citation> citedBy,
      @JsonProperty("date_first") String dateFirst, @JsonProperty("date_source") String dateSource, String number,
      @JsonProperty("copy_of") String copyOf, List<CopyRef> copies,
      @JsonProperty("passage_count") int passageCount, int from, @JsonProperty("matches_before") int matchesBefore) {}

  /** A passage of another document that cites this one (by title). */
  public record Citation(String doc, String title, String passage, String snippet, String link) {}

  public record Suggestion(String text, String kind, String id) {}

  public record Suggestions(String query, List<Suggestion> suggestions) {}
}
