package org.policysearch.terms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.analysis.PhraseQueries;

/**
 * Tags a passage with the concepts it mentions. Each variant is compiled once into the very query
 * a quoted search for it runs ({@link PhraseQueries}); each passage is analysed once into a
 * one-document {@link MemoryIndex} with the exact field's analyser and every candidate query runs
 * against it, the Matches API giving each mention's offsets. So "tagged with X" and "the quoted
 * search for a variant of X finds it" are one computation, not two matchers that could drift.
 *
 * <p>A variant is only tried when all of its terms occur in the passage (the idea of the Lucene
 * monitor's presearcher), which keeps tagging a few microseconds per passage. Thread-safe.
 */
public final class Tagger {
  static final String FIELD = "exact";

  private record Compiled(String concept, String variant, Query query, List<char[]> terms) {}

  private final Analyzer exact;
  private final PhraseQueries phrases;
  private final CharArrayMap<List<Compiled>> byTerm = new CharArrayMap<>(64, false);
  private final int variants;

  public Tagger(Glossary glossary, Analyzer exact) {
    this.exact = exact;
    this.phrases = new PhraseQueries(exact);
    int n = 0;
    for (Concept c : glossary.concepts()) {
      for (Concept.Variant v : c.variants()) {
        Query q = phrases.phrase(FIELD, v.text());
        if (q == null) continue;
        Set<String> terms = new HashSet<>();
        for (PhraseQueries.Token t : phrases.tokens(FIELD, v.text())) terms.add(t.text());
        Compiled comp = new Compiled(c.id(), v.text(), q, terms.stream().sorted().map(String::toCharArray).toList());
        // index the variant under its least common-looking term: the longest
        String key = terms.stream().max(Comparator.comparingInt(String::length).thenComparing(s -> s)).orElseThrow();
        List<Compiled> l = byTerm.get(key);
        if (l == null) byTerm.put(key, l = new ArrayList<>());
        l.add(comp);
        n++;
      }
    }
    this.variants = n;
  }

  public int variantCount() {
    return variants;
  }

  /** Every mention in text, ordered by offset. */
  public List<Mention> tag(String text) {
    if (byTerm.isEmpty() || text.isEmpty()) return List.of();
    return tag(AnalyzedText.of(exact, FIELD, text));
  }

  /**
   * Every mention in a text already analysed with the exact chain (the indexer analyses each
   * passage once and hands the same tokens to the tagger and to the index writer).
   */
  public List<Mention> tag(AnalyzedText tokens) {
    if (byTerm.isEmpty() || tokens.size() == 0) return List.of();
    // presearch: a variant is a candidate only if its key term occurs, and then all of its terms
    char[] buf = tokens.termBuffer();
    List<List<Compiled>> keyed = null;
    for (int i = 0; i < tokens.size(); i++) {
      List<Compiled> l = byTerm.get(buf, tokens.termStart(i), tokens.termLength(i));
      if (l == null) continue;
      if (keyed == null) keyed = new ArrayList<>();
      boolean seen = false;
      for (List<Compiled> k : keyed) seen |= k == l; // by identity: one list per key term
      if (!seen) keyed.add(l);
    }
    if (keyed == null) return List.of();
    List<Compiled> candidates = new ArrayList<>();
    for (List<Compiled> l : keyed) {
      for (Compiled c : l) {
        boolean all = true;
        for (char[] t : c.terms()) all = all && tokens.contains(t);
        if (all) candidates.add(c);
      }
    }
    if (candidates.isEmpty()) return List.of();
    MemoryIndex mi = new MemoryIndex(true, false);
    mi.addField(FIELD, tokens.stream());
    IndexSearcher searcher = mi.createSearcher();
    List<Mention> out = new ArrayList<>();
    try {
      for (Compiled c : candidates) {
        Weight w = searcher.createWeight(searcher.rewrite(c.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Matches m = w.matches(searcher.getIndexReader().leaves().get(0), 0);
        if (m == null) continue;
        MatchesIterator it = m.getMatches(FIELD);
        while (it != null && it.next()) out.add(new Mention(c.concept(), c.variant(), it.startOffset(), it.endOffset()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end).thenComparing(Mention::concept));
    return dedupe(out);
  }

  /** The analyser the tagger's phrase queries are written for (the index's exact field). */
  public Analyzer analyzer() {
    return exact;
  }

  /**
   * One mention per occurrence: overlapping matches of one concept (two variants over the same
   * words, "unfair trade practice" inside "unfair trade practices") merge into the widest span.
   */
  private static List<Mention> dedupe(List<Mention> ms) {
    Map<String, Mention> open = new HashMap<>();
    List<Mention> out = new ArrayList<>();
    for (Mention m : ms) { // sorted by start
      Mention cur = open.get(m.concept());
      if (cur != null && m.start() < cur.end()) {
        if (m.end() > cur.end()) {
          Mention wider = new Mention(cur.concept(), cur.variant(), cur.start(), m.end());
          out.set(out.indexOf(cur), wider);
          open.put(m.concept(), wider);
        }
        continue;
      }
      out.add(m);
      open.put(m.concept(), m);
    }
    return out;
  }
}
