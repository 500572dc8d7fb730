package org.policysearch.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.policysearch.index.Fields;
import org.policysearch.search.Answers;

/**
 * Reads what the collection answers: a field's value, a passage's stored fields
 * ({@link Answers.Passage}), a terms facet's buckets; and quotes a value for a query string.
 */
final class SolrValues {
  private SolrValues() {}

  /** The stored fields of a passage the search side reads. */
  static final String PASSAGE_FIELDS = String.join(",", Fields.ID, Fields.DOC, Fields.ANCHOR, Fields.ORDINAL,
      Fields.PAGE, Fields.LANG, Fields.EXACT, Fields.MENTIONS, Fields.OCR);

  /** A field's first value as text, null when missing. */
  static String str(SolrDocument d, String f) {
    Object v = d.getFirstValue(f);
    return v == null ? null : v.toString();
  }

  /** A field's first value as a number, 0 when missing. */
  static int integer(SolrDocument d, String f) {
    Object v = d.getFirstValue(f);
    return v instanceof Number n ? n.intValue() : 0;
  }

  /** A float pseudo-field (score, a function query), 0 when missing. */
  static float number(SolrDocument d, String f) {
    return d.getFirstValue(f) instanceof Number n ? n.floatValue() : 0f;
  }

  /** A passage read with {@link #PASSAGE_FIELDS}. */
  static Answers.Passage passage(SolrDocument d) {
    return Answers.Passage.of(str(d, Fields.DOC), str(d, Fields.ANCHOR), integer(d, Fields.ORDINAL), integer(d, Fields.PAGE),
        str(d, Fields.LANG), str(d, Fields.EXACT), str(d, Fields.MENTIONS), integer(d, Fields.OCR) == 1);
  }

  /** A terms facet's buckets, by count descending then value (the embedded engine's order). */
  static Map<String, Long> buckets(NamedList<?> facets, String name) {
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

  /** s escaped for use inside a quoted query string. */
  static String quoted(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
