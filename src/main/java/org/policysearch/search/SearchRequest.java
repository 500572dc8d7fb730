package org.policysearch.search;

/**
 * A search as the API and the CLI receive it; {@link #validated()} checks every parameter.
 *
 * @param q the query (may be empty when a filter is given)
 * @param limit hits per page, 0..{@link #MAX_LIMIT}; 0 is a lookup: the total and every matching document
 *     (facets complete), no hits, no highlighting
 * @param offset hits to skip, 0..{@link #MAX_OFFSET}
 * @param lang filter: zh, en or mixed (null for all)
 * @param doc filter: a document id (null for all)
 * @param term filter: a concept id (null for all)
 * @param expand cross-language expansion through the glossary
 * @param sort the order of the hits: {@link #SORTS} (null or empty: relevance)
 * @param format filter: documents of this format, a media type as {@code /api/docs} gives it, compared without its
 *     parameters ({@code application/pdf}; null for all)
 */
public record SearchRequest(String q, int limit, int offset, String lang, String doc, String term, boolean expand, String sort,
    String format) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;
  /** Relevance (score, then document and passage order), newest or oldest document first, document id then reading order. */
  public static final java.util.List<String> SORTS = java.util.List.of("relevance", "date_desc", "date_asc", "doc");

  /** A search in relevance order. */
  public SearchRequest(String q, int limit, int offset, String lang, String doc, String term, boolean expand) {
    this(q, limit, offset, lang, doc, term, expand, null, null);
  }

  public static SearchRequest of(String q) {
    return new SearchRequest(q, DEFAULT_LIMIT, 0, null, null, null, true);
  }

  /** The sort, "relevance" when none is given. */
  public String order() {
    return blank(sort) ? "relevance" : sort.strip();
  }

  /** The same request in another window of hits. */
  public SearchRequest page(int newLimit, int newOffset) {
    return new SearchRequest(q, newLimit, newOffset, lang, doc, term, expand, sort, format);
  }

  public SearchRequest validated() {
    if (limit < 0 || limit > MAX_LIMIT) throw new BadQueryException("bad_parameter", "limit must be between 0 and " + MAX_LIMIT + ", not " + limit + ".");
    if (offset < 0 || offset > MAX_OFFSET) throw new BadQueryException("bad_parameter", "offset must be between 0 and " + MAX_OFFSET + ", not " + offset + ".");
    if (lang != null && !lang.isEmpty() && !lang.equals("zh") && !lang.equals("en") && !lang.equals("mixed")) {
      throw new BadQueryException("bad_parameter", "lang must be zh, en or mixed, not '" + lang + "'.");
    }
    if (!SORTS.contains(order())) throw new BadQueryException("bad_parameter", "sort must be one of " + String.join(", ", SORTS) + ", not '" + sort + "'.");
    boolean noFilter = blank(lang) && blank(doc) && blank(term) && blank(format);
    if (blank(q) && noFilter) throw new BadQueryException("bad_query", "Type a query, or choose a document, term, language or format filter.");
    return this;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
