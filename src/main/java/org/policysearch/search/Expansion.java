package org.policysearch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.policysearch.analysis.Analyzers;
import org.policysearch.analysis.PhraseQueries;
import org.policysearch.index.Fields;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;

/**
 * Cross-language expansion (issue 16): which glossary concept a piece of query text names, and
 * the query for all of that concept's variants in both languages (the same exact-phrase queries
 * tagging uses). A piece of text names a concept only when its exact tokens are exactly those of a
 * variant: a phrase holding a variant among other words names nothing and keeps its own meaning.
 * {@link PolicyQueryParser} decides which pieces of a query are looked up.
 */
final class Expansion {
  private final PhraseQueries phrases = new PhraseQueries(Analyzers.exact());

  /** A concept the query names: the variant as written in the query, and the query for every variant. */
  record Found(Concept concept, String matched, Query query) {}

  /** Each variant's exact tokens → the concept (the first of the glossary when two concepts share a variant). */
  private final Map<List<String>, Found> byTokens = new HashMap<>();
  private int longest;

  Expansion(Glossary glossary) {
    for (Concept c : glossary.concepts()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      List<List<String>> variantTokens = new ArrayList<>();
      for (Concept.Variant v : c.variants()) {
        List<String> tokens = tokens(v.text());
        variantTokens.add(tokens);
        Query pq = phrases.phrase(Fields.EXACT, v.text());
        if (pq != null) b.add(pq, BooleanClause.Occur.SHOULD);
      }
      Query all = b.build();
      for (int i = 0; i < variantTokens.size(); i++) {
        List<String> t = variantTokens.get(i);
        if (t.isEmpty()) continue;
        byTokens.putIfAbsent(t, new Found(c, c.variants().get(i).text(), all));
        longest = Math.max(longest, t.size());
      }
    }
  }

  /** The concept text names as a whole (one of its variants, as a quoted search for it would match), or null. */
  Found exactly(String text) {
    List<String> t = tokens(text);
    if (t.isEmpty() || t.size() > longest) return null;
    Found f = byTokens.get(t);
    return f == null ? null : new Found(f.concept(), text.strip(), f.query());
  }

  /** The exact tokens of text as a quoted phrase search sees them. */
  List<String> tokens(String text) {
    List<PhraseQueries.Token> tokens = phrases.tokens(Fields.EXACT, text);
    List<String> out = new ArrayList<>(tokens.size());
    for (PhraseQueries.Token t : tokens) out.add(t.text());
    return out;
  }

  /** The most exact tokens a variant has: longer pieces of query text cannot name a concept. */
  int longest() {
    return longest;
  }
}
