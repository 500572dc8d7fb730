package org.policysearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.util.NamedList;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.search.Api;
import org.policysearch.search.BadQueryException;
import org.policysearch.search.SearchBackend;
import org.policysearch.search.Suggester;
import org.policysearch.terms.Concept;

/**
 * Completions for the search box on the collection (the embedded engine's {@link Suggester}):
 * titles and glossary labels that start with (then contain) the text, then frequent words of the
 * exact field completing the last word (a terms facet with a prefix).
 */
final class SolrSuggester implements SearchBackend.Suggestions {
  private final SolrSearcher solr;

  SolrSuggester(SolrSearcher solr) {
    this.solr = solr;
  }

  @Override
  public Api.Suggestions suggest(String q, int limit) throws IOException {
    if (limit < 1 || limit > Suggester.MAX_LIMIT) {
      throw new BadQueryException("bad_parameter", "limit must be between 1 and " + Suggester.MAX_LIMIT + ", not " + limit + ".");
    }
    String query = q == null ? "" : q.strip();
    if (query.isEmpty() || query.length() > 200) return new Api.Suggestions(query, List.of());
    SolrSearcher.State st = solr.state();
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
      fq.set("json.facet", "{w:{type:terms,field:" + Fields.EXACT + ",prefix:\"" + SolrValues.quoted(last) + "\",limit:" + limit + ",mincount:2}}");
      Object f = solr.query("suggest", fq).getResponse().get("facets");
      if (f instanceof NamedList<?> facets) {
        for (String w : SolrValues.buckets(facets, "w").keySet()) {
          if (out.size() >= limit) break;
          if (w.codePointCount(0, w.length()) < 2) continue;
          String text = head + w;
          if (!text.equalsIgnoreCase(query)) out.putIfAbsent(text.toLowerCase(Locale.ROOT), new Api.Suggestion(text, "phrase", null));
        }
      }
    }
    return new Api.Suggestions(query, new ArrayList<>(out.values()));
  }
}
