package org.policysearch.search;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The CSV exports ({@code format=csv} on {@code /api/search} and {@code /api/terms/{id}}): one
 * row per matching passage, or one per mention of a concept (keyword in context). UTF-8 with a
 * byte order mark, so that spreadsheets read Chinese right; RFC 4180 quoting.
 */
public final class Export {
  private Export() {}

  /** Characters of context either side of a mention in the keyword-in-context export. */
  public static final int KWIC_CONTEXT = 60;

  /** One matching passage, as the search export writes it. */
  public record Row(String doc, String title, String date, Integer page, String lang, String anchor, String text) {}

  /** Receives the rows of an export one by one, in the request's order (the web layer streams them). */
  @FunctionalInterface
  public interface Sink {
    void row(Row row) throws IOException;
  }

  public static final List<String> SEARCH_HEADER = List.of("doc", "title", "date", "page", "language", "passage", "text", "link");
  public static final List<String> KWIC_HEADER = List.of("doc", "title", "date", "page", "language", "left", "match", "right", "link");

  /** Writes one CSV record (CRLF-terminated); a cell starting with = + - @ is prefixed with ' so spreadsheets do not run it. */
  public static void line(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) w.write(',');
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  static String cell(String v) {
    if (v == null) return "";
    String s = v;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  public static final List<String> DOCS_HEADER = List.of("doc", "title", "date", "issuer", "number", "format", "language",
      "passages", "direct", "via", "link");

  /**
   * One row per matching document of a lookup ({@code limit=0}: {@code facets.docs} is complete), in the
   * request's order: most passages first for relevance, by document date (undated last) or by id.
   */
  public static void documents(Writer w, Api.SearchResponse lookup, List<Api.Doc> docs, String sort, String base) throws IOException {
    java.util.Map<String, Api.Doc> byId = new java.util.HashMap<>();
    for (Api.Doc d : docs) byId.put(d.id(), d);
    List<Api.FacetCount> rows = new java.util.ArrayList<>(lookup.facets().docs());
    java.util.Comparator<Api.FacetCount> byDate = java.util.Comparator.comparing(
        (Api.FacetCount f) -> byId.containsKey(f.id()) && byId.get(f.id()).date() != null ? byId.get(f.id()).date() : "");
    switch (sort == null ? "relevance" : sort) {
      case "date_desc" -> rows.sort(java.util.Comparator.comparing((Api.FacetCount f) -> date(byId, f).isEmpty())
          .thenComparing(byDate.reversed()).thenComparing(Api.FacetCount::id));
      case "date_asc" -> rows.sort(java.util.Comparator.comparing((Api.FacetCount f) -> date(byId, f).isEmpty())
          .thenComparing(byDate).thenComparing(Api.FacetCount::id));
      case "doc" -> rows.sort(java.util.Comparator.comparing(Api.FacetCount::id));
      default -> { } // the facet's order: most passages first
    }
    line(w, DOCS_HEADER);
    for (Api.FacetCount f : rows) {
      Api.Doc d = byId.get(f.id());
      line(w, List.of(f.id(), d == null ? nz(f.title()) : nz(d.title()), d == null ? "" : nz(d.date()), d == null ? "" : nz(d.issuer()),
          d == null ? "" : nz(d.number()), d == null ? "" : nz(d.format()), d == null ? "" : nz(d.lang()), Long.toString(f.count()),
          f.direct() == null ? "" : f.direct().toString(), f.via() == null ? "" : f.via().toString(),
          base + Links.reader(f.id(), lookup.query().isEmpty() ? null : lookup.query(), null)));
    }
  }

  private static String date(java.util.Map<String, Api.Doc> byId, Api.FacetCount f) {
    Api.Doc d = byId.get(f.id());
    return d == null || d.date() == null ? "" : d.date();
  }

  /**
   * The keyword-in-context lines of one concept: every mention of it, documents by date, passages in
   * reading order; link is the base URL prefixed to each passage's short link.
   */
  public static void kwic(Writer w, Concordance.TermDetail t, String base) throws IOException {
    line(w, KWIC_HEADER);
    for (Concordance.TermDoc d : t.docs()) {
      for (Concordance.ConcordancePassage p : d.passages()) {
        String text = p.text() == null ? "" : p.text();
        for (Api.MentionView m : p.mentions()) {
          if (!m.term().equals(t.id())) continue;
          int s = Math.max(0, Math.min(text.length(), m.start())), e = Math.max(s, Math.min(text.length(), m.end()));
          line(w, List.of(d.doc(), nz(d.title()), nz(d.date()), p.page() == null ? "" : p.page().toString(), nz(d.lang()),
              left(text, s), text.substring(s, e), right(text, e), base + Links.permalink(p.anchor())));
        }
      }
    }
  }

  /** Up to {@link #KWIC_CONTEXT} characters before offset (a surrogate pair never split; line breaks as spaces). */
  static String left(String text, int end) {
    int start = Math.max(0, end - KWIC_CONTEXT);
    if (start > 0 && Character.isLowSurrogate(text.charAt(start))) start++;
    return flat(text.substring(start, end));
  }

  static String right(String text, int start) {
    int end = Math.min(text.length(), start + KWIC_CONTEXT);
    if (end < text.length() && end > start && Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return flat(text.substring(start, end));
  }

  private static String flat(String s) {
    return s.replaceAll("\\s+", " ");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
