package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.junit.jupiter.api.Test;
import org.policysearch.terms.Concept;

/**
 * Issue 16: concept-aware ranking, measured. For every bilingual concept of the glossary, its
 * English label and its Chinese label are searched as a user types them (unquoted, expansion on)
 * and the first 10 hits are scored by nDCG@10, a hit being relevant when its passage carries the
 * concept (glossary tagging). Also counted: how often page 1 shows both languages when the
 * corpus has passages carrying the concept in both.
 */
class ConceptRankingTest extends DemoSearchTestBase {
  @Test
  void passagesCarryingTheConceptRankFirstInBothLanguages() throws Exception {
    double sum = 0;
    int queries = 0, bothPossible = 0, bothShown = 0;
    List<String> weak = new ArrayList<>(), oneLanguage = new ArrayList<>();
    for (Concept c : search.glossary().concepts()) {
      if (c.generated() || c.english().isEmpty() || c.chinese().isEmpty()) continue;
      Api.SearchResponse tagged = search.search(new SearchRequest("", 0, 0, null, null, c.id(), false));
      long relevant = tagged.total();
      if (relevant == 0) continue;
      boolean hasEn = tagged.facets().lang().stream().anyMatch(l -> l.id().equals("en"));
      boolean hasZh = tagged.facets().lang().stream().anyMatch(l -> l.id().equals("zh"));
      for (String label : List.of(c.english(), c.chinese())) {
        Api.SearchResponse r = search.search(new SearchRequest(QueryParserBase.escape(label), 10, 0, null, null, null, true));
        double dcg = 0, ideal = 0;
        for (int i = 0; i < 10; i++) {
          double gain = 1 / (Math.log(i + 2) / Math.log(2));
          if (i < r.hits().size() && carries(r.hits().get(i), c)) dcg += gain;
          if (i < relevant) ideal += gain;
        }
        double ndcg = dcg / ideal;
        sum += ndcg;
        queries++;
        if (ndcg < 0.999) weak.add(String.format(Locale.ROOT, "%s %.3f", label, ndcg));
        if (hasEn && hasZh) {
          bothPossible++;
          boolean en = r.hits().stream().anyMatch(h -> h.lang().equals("en") && carries(h, c));
          boolean zh = r.hits().stream().anyMatch(h -> h.lang().equals("zh") && carries(h, c));
          if (en && zh) bothShown++;
          else oneLanguage.add(label);
        }
      }
    }
    double ndcg = sum / queries;
    double both = bothShown / (double) Math.max(1, bothPossible);
    System.out.printf(Locale.ROOT, "ConceptRankingTest: nDCG@10 %.3f over %d label queries; both languages on page 1 for %d of %d (%.1f%%)%n",
        ndcg, queries, bothShown, bothPossible, 100 * both);
    System.out.println("  below 1: " + weak);
    System.out.println("  one language on page 1: " + oneLanguage);
    assertTrue(queries >= 40, "queries " + queries);
    assertTrue(ndcg >= 0.97, "nDCG@10 " + ndcg);
    assertTrue(both >= 0.95, "both languages " + both);
  }

  @Test
  void anExactPhraseRanksAboveTheSameWordsScattered() throws Exception {
    int scattered = 0;
    for (String q : List.of("indigenous innovation", "technology transfer", "intellectual property", "State Council", "national security")) {
      Api.SearchResponse r = search.search(new SearchRequest(q, 100, 0, null, null, null, false));
      boolean phrase = true;
      int withPhrase = 0;
      for (Api.Hit h : r.hits()) {
        boolean p = org.policysearch.testing.BruteForce.contains(org.policysearch.testing.BruteForce.normalize(h.text()), q);
        assertTrue(phrase || !p, q + ": a passage holding the phrase after one that does not: " + h.text());
        phrase = p;
        if (p) withPhrase++;
      }
      assertTrue(withPhrase > 0, q);
      scattered += r.hits().size() - withPhrase;
    }
    assertTrue(scattered > 0, "some passages hold the words scattered");
  }

  private static boolean carries(Api.Hit h, Concept c) {
    return h.terms().stream().anyMatch(t -> t.id().equals(c.id()));
  }
}
