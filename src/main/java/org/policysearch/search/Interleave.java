package org.policysearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking of a query that names a glossary concept (issue 16), the same for both backends:
 * passages carrying more of the concepts the query names come first (their score holds
 * {@link PolicyQueryParser#CONCEPT_SCORE} per concept); among passages carrying the same number,
 * the languages (English, Chinese, mixed) take turns, each in its own score order, so that the
 * first page shows both languages when both have such passages. Passages carrying none keep the
 * plain order: score, then document id, then passage order.
 */
public final class Interleave {
  private Interleave() {}

  /** The passage languages that take turns; the last group also holds any other language. */
  public static final List<String> LANGUAGES = List.of("en", "zh", "mixed");

  /** A ranked passage: its score, document id and ordinal (the tie-breakers), and its language's index in LANGUAGES. */
  public record Ranked<T>(T item, float score, String doc, int ordinal, int lang) {
    int tier() {
      return (int) Math.floor(score / PolicyQueryParser.CONCEPT_SCORE);
    }
  }

  private static final Comparator<Ranked<?>> ORDER = Comparator.comparingDouble((Ranked<?> r) -> -r.score())
      .thenComparing(Ranked::doc).thenComparingInt(Ranked::ordinal);

  /** The first n of the merged ranking, from each language's own ranking (in LANGUAGES order), each holding at least its first n. */
  public static <T> List<T> merge(List<List<Ranked<T>>> byLang, int n) {
    List<T> out = new ArrayList<>(n);
    int[] next = new int[byLang.size()];
    Ranked<T> last = null;
    while (out.size() < n) {
      int maxTier = -1;
      for (int l = 0; l < byLang.size(); l++) if (next[l] < byLang.get(l).size()) maxTier = Math.max(maxTier, byLang.get(l).get(next[l]).tier());
      if (maxTier < 0) break;
      int pick = -1;
      if (maxTier > 0 && last != null && last.tier() == maxTier) {
        // the next language after the last one's that still has a passage of this tier
        for (int k = 1; k <= byLang.size() && pick < 0; k++) {
          int l = (last.lang() + k) % byLang.size();
          if (next[l] < byLang.get(l).size() && byLang.get(l).get(next[l]).tier() == maxTier) pick = l;
        }
      } else {
        for (int l = 0; l < byLang.size(); l++) {
          if (next[l] >= byLang.get(l).size()) continue;
          if (pick < 0 || ORDER.compare(byLang.get(l).get(next[l]), byLang.get(pick).get(next[pick])) < 0) pick = l;
        }
      }
      last = byLang.get(pick).get(next[pick]++);
      out.add(last.item());
    }
    return out;
  }
}
