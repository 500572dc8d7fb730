package org.policysearch.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.policysearch.analysis.Analyzers;
import org.policysearch.analysis.PhraseQueries;
import org.policysearch.index.Fields;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;

/**
 * Cross-language expansion: finds the glossary concepts whose variants occur in the query text
 * (quoted or not) and builds the query for all their other variants, in both languages. The
 * variants' queries are the same exact-phrase queries tagging uses.
 */
final class Expansion {
  private static final Pattern FIELD_CLAUSE = Pattern.compile("\\b(doc|lang|year|term):(\"[^\"]*\"|\\[[^]]*]|\\S+)");
  private final Glossary glossary;
  private final PhraseQueries phrases = new PhraseQueries(Analyzers.exact());

  Expansion(Glossary glossary) {
    this.glossary = glossary;
  }

  record Found(Concept concept, String matched, Query query) {}

  List<Found> find(String q) {
    if (q == null || q.isBlank()) return List.of();
    String text = FIELD_CLAUSE.matcher(q).replaceAll(" ");
    List<String> qt = texts(phrases.tokens(Fields.EXACT, text));
    List<Found> out = new ArrayList<>();
    for (Concept c : glossary.concepts()) {
      String matched = null;
      for (Concept.Variant v : c.variants()) {
        List<String> vt = texts(phrases.tokens(Fields.EXACT, v.text()));
        if (!vt.isEmpty() && Collections.indexOfSubList(qt, vt) >= 0) {
          matched = v.text();
          break;
        }
      }
      if (matched == null) continue;
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (Concept.Variant v : c.variants()) {
        Query pq = phrases.phrase(Fields.EXACT, v.text());
        if (pq != null) b.add(pq, BooleanClause.Occur.SHOULD);
      }
      out.add(new Found(c, matched, b.build()));
    }
    return out;
  }

  private static List<String> texts(List<PhraseQueries.Token> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (PhraseQueries.Token t : tokens) out.add(t.text());
    return out;
  }
}
