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

  /** A concept with its variants' exact tokens and its expansion query, built once per glossary (issue 7: re-analysing every variant on every search was a top search hot spot). */
  private record Prepared(Concept concept, List<Concept.Variant> variants, List<List<String>> tokens, Query query) {}

  private final List<Prepared> prepared = new ArrayList<>();

  Expansion(Glossary glossary) {
    this.glossary = glossary;
    for (Concept c : glossary.concepts()) {
      List<List<String>> tokens = new ArrayList<>();
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (Concept.Variant v : c.variants()) {
        tokens.add(texts(phrases.tokens(Fields.EXACT, v.text())));
        Query pq = phrases.phrase(Fields.EXACT, v.text());
        if (pq != null) b.add(pq, BooleanClause.Occur.SHOULD);
      }
      prepared.add(new Prepared(c, c.variants(), tokens, b.build()));
    }
  }

  record Found(Concept concept, String matched, Query query) {}

  List<Found> find(String q) {
    if (q == null || q.isBlank()) return List.of();
    String text = FIELD_CLAUSE.matcher(q).replaceAll(" ");
    List<String> qt = texts(phrases.tokens(Fields.EXACT, text));
    List<Found> out = new ArrayList<>();
    for (Prepared p : prepared) {
      String matched = null;
      for (int i = 0; i < p.variants().size(); i++) {
        List<String> vt = p.tokens().get(i);
        if (!vt.isEmpty() && Collections.indexOfSubList(qt, vt) >= 0) {
          matched = p.variants().get(i).text();
          break;
        }
      }
      if (matched == null) continue;
      out.add(new Found(p.concept(), matched, p.query()));
    }
    return out;
  }

  private static List<String> texts(List<PhraseQueries.Token> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (PhraseQueries.Token t : tokens) out.add(t.text());
    return out;
  }
}
