package org.policysearch.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.policysearch.index.Fields;
import org.policysearch.search.Api;
import org.policysearch.search.MatchOffsets;

/**
 * Match offsets from Solr's unified highlighter (weight matches, each passage whole as one
 * fragment): matches come back between marker characters, which give the spans in the stored text.
 */
final class SolrHighlights {
  private SolrHighlights() {}

  private static final String PRE = "\u0001", POST = "\u0002";
  private static final String[] HL_FIELDS = {Fields.EXACT, Fields.EN, Fields.ZH};

  /** The unified highlighter over the three analysed fields; each passage comes back whole with markers around matches. */
  static void highlight(SolrQuery sq, String hlQuery) {
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
}
