package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.policysearch.index.Fields;

/**
 * The facets of a search (documents, terms, languages) and its total, counted while the query
 * runs: one pass over the matches, reading each match's facet ordinals from the sorted-set doc
 * values the index writes ({@code SortedSetDocValuesFacetField}). Issue 7: Lucene's
 * {@code FacetsCollector} + {@code SortedSetDocValuesFacetCounts} recorded every match first,
 * counted in a second pass, then scanned every ordinal of a dimension and decompressed the terms
 * dictionary to label the top values on every request; here the labels are read once per index
 * generation ({@link Ordinals}), each segment's ordinals once per segment ({@link SegmentOrds}), and
 * only the ordinals that were counted are looked at.
 */
final class FacetCounts {
  private FacetCounts() {}

  /** The doc-values field all three dimensions are indexed into. */
  static final String FIELD;

  static {
    FacetsConfig c = Fields.facetsConfig();
    FIELD = c.getDimConfig(Fields.FACET_DOC).indexFieldName;
    for (String dim : List.of(Fields.FACET_LANG, Fields.FACET_TERM)) {
      if (!c.getDimConfig(dim).indexFieldName.equals(FIELD)) throw new IllegalStateException("facet dimensions in different fields");
    }
  }

  /**
   * One segment's facet ordinals held on the heap (issue 7: reading them from the doc values for
   * every match, through the sparse-field index and the cross-segment ordinal map, was half of a
   * phrase lookup): for doc d, {@code ords[start[d]] .. ords[start[d + 1] - 1]} are its segment
   * ordinals, held as chars when the segment has at most 65,536 values (it has about one per
   * document of the corpus). Segments never change, so this is built once per segment and shared by every index
   * generation that contains it (about 4 bytes per document plus 4 per facet value).
   */
  static final class SegmentOrds {
    final int[] start;
    /** The ordinals, one of the two null: narrow when every segment ordinal fits in a char. */
    final char[] narrow;
    final int[] wide;

    private SegmentOrds(int[] start, int[] ords, long valueCount) {
      this.start = start;
      if (valueCount <= 1 << 16) {
        narrow = new char[ords.length];
        for (int i = 0; i < ords.length; i++) narrow[i] = (char) ords[i];
        wide = null;
      } else {
        narrow = null;
        wide = ords;
      }
    }

    static SegmentOrds of(LeafReader reader) throws IOException {
      SortedSetDocValues dv = DocValues.getSortedSet(reader, FIELD);
      int maxDoc = reader.maxDoc();
      int[] start = new int[maxDoc + 1];
      int[] ords = new int[Math.max(16, maxDoc * 2)];
      int n = 0;
      int last = 0;
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        while (last < doc) start[++last] = n; // documents without a value
        int c = dv.docValueCount();
        if (n + c > ords.length) ords = Arrays.copyOf(ords, Math.max(n + c, ords.length + (ords.length >> 1)));
        for (int i = 0; i < c; i++) ords[n++] = Math.toIntExact(dv.nextOrd());
        start[++last] = n;
      }
      while (last < maxDoc) start[++last] = n;
      return new SegmentOrds(start, Arrays.copyOf(ords, n), dv.getValueCount());
    }
  }

  /**
   * The facet values of one index generation: global ordinals across segments, the label of each
   * ordinal, each dimension's range of ordinals (values sort by "dimension, separator, label", so
   * a dimension's ordinals are contiguous) and, per segment, its ordinals and their global ones.
   * Immutable; built once per reader, reusing the {@link SegmentOrds} of segments already seen.
   */
  static final class Ordinals {
    private final String[] labels;
    private final Map<String, int[]> ranges = new HashMap<>();
    /** rank[g]: the place of g's label in String order within its dimension; byRank[start of dimension + r]: the ordinal of rank r. */
    private final int[] rank;
    private final int[] byRank;
    private final SegmentOrds[] segments;
    private final int[][] toGlobal; // per leaf: segment ordinal -> global ordinal

    /** @param previous the segments of the last generation, by core cache key (reused; the map is updated) */
    private Ordinals(IndexReader reader, Map<Object, SegmentOrds> previous) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      SortedSetDocValues[] dvs = new SortedSetDocValues[leaves.size()];
      for (int i = 0; i < dvs.length; i++) dvs[i] = DocValues.getSortedSet(leaves.get(i).reader(), FIELD);
      OrdinalMap map = dvs.length > 1 ? OrdinalMap.build(null, dvs, PackedInts.DEFAULT) : null;
      long size = map != null ? map.getValueCount() : dvs.length == 1 ? dvs[0].getValueCount() : 0;
      labels = new String[Math.toIntExact(size)];
      String dim = null;
      int from = 0;
      for (int g = 0; g < labels.length; g++) {
        String value = map == null ? dvs[0].lookupOrd(g).utf8ToString()
            : dvs[map.getFirstSegmentNumber(g)].lookupOrd(map.getFirstSegmentOrd(g)).utf8ToString();
        String[] path = FacetsConfig.stringToPath(value);
        labels[g] = path.length > 1 ? path[1] : "";
        if (!path[0].equals(dim)) {
          if (dim != null) ranges.put(dim, new int[] {from, g});
          dim = path[0];
          from = g;
        }
      }
      if (dim != null) ranges.put(dim, new int[] {from, labels.length});
      rank = new int[labels.length];
      byRank = new int[labels.length];
      for (int[] r : ranges.values()) {
        Integer[] order = new Integer[r[1] - r[0]];
        for (int i = 0; i < order.length; i++) order[i] = r[0] + i;
        Arrays.sort(order, Comparator.comparing((Integer g) -> labels[g]));
        for (int i = 0; i < order.length; i++) {
          rank[order[i]] = i;
          byRank[r[0] + i] = order[i];
        }
      }
      segments = new SegmentOrds[leaves.size()];
      toGlobal = new int[leaves.size()][];
      Map<Object, SegmentOrds> current = new HashMap<>();
      for (int i = 0; i < segments.length; i++) {
        LeafReader leaf = leaves.get(i).reader();
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        Object key = helper == null ? null : helper.getKey();
        SegmentOrds so = key == null ? null : previous.get(key);
        if (so == null) so = SegmentOrds.of(leaf);
        if (key != null) current.put(key, so);
        segments[i] = so;
        int[] tg = new int[Math.toIntExact(dvs[i].getValueCount())];
        LongValues lv = map == null ? LongValues.IDENTITY : map.getGlobalOrds(i);
        for (int o = 0; o < tg.length; o++) tg[o] = (int) lv.get(o);
        toGlobal[i] = tg;
      }
      previous.clear();
      previous.putAll(current);
    }

    static Ordinals of(IndexReader reader, Map<Object, SegmentOrds> previous) throws IOException {
      return new Ordinals(reader, previous);
    }
  }

  /** Matches and the count of each facet ordinal. */
  record Counts(Ordinals ordinals, long total, int[] counts) {
    /** A dimension's values by count (descending), then label; at most max values (every one with Integer.MAX_VALUE). */
    List<Value> top(String dim, int max) {
      int[] range = ordinals.ranges.get(dim);
      if (range == null) return List.of();
      // one long per counted value, sorted as primitives (issue 7: boxing and comparators were most of a lookup's facet time)
      long[] keys = new long[64];
      int n = 0;
      for (int o = range[0]; o < range[1]; o++) {
        if (counts[o] == 0) continue;
        if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
        keys[n++] = key(counts[o], o - range[0]);
      }
      if (n > max) {
        // which values make the cut: count, then ordinal (the index's byte order of labels), as Lucene's top children did
        Arrays.sort(keys, 0, n);
        n = max;
      }
      // then by count, then label
      for (int i = 0; i < n; i++) {
        int o = range[0] + (int) keys[i];
        keys[i] = key(counts[o], ordinals.rank[o]);
      }
      Arrays.sort(keys, 0, n);
      List<Value> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int o = ordinals.byRank[range[0] + (int) keys[i]];
        out.add(new Value(ordinals.labels[o], counts[o]));
      }
      return out;
    }

    private static long key(int count, int tieBreak) {
      return ((long) (Integer.MAX_VALUE - count) << 32) | tieBreak;
    }
  }

  record Value(String label, long count) {}

  /** Counts every match of a search (no scores needed). */
  static CollectorManager<Counter, Counts> manager(Ordinals ordinals) {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter(ordinals);
      }

      @Override
      public Counts reduce(Collection<Counter> collectors) {
        if (collectors.size() == 1) {
          Counter c = collectors.iterator().next();
          return new Counts(ordinals, c.total, c.counts);
        }
        int[] sum = new int[ordinals.labels.length];
        long total = 0;
        for (Counter c : collectors) {
          total += c.total;
          for (int i = 0; i < sum.length; i++) sum[i] += c.counts[i];
        }
        return new Counts(ordinals, total, sum);
      }
    };
  }

  static final class Counter implements Collector {
    private final Ordinals ordinals;
    private final int[] counts;
    private long total;

    Counter(Ordinals ordinals) {
      this.ordinals = ordinals;
      this.counts = new int[ordinals.labels.length];
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      SegmentOrds so = ordinals.segments[context.ord];
      int[] toGlobal = ordinals.toGlobal[context.ord];
      char[] narrow = so.narrow;
      int[] wide = so.wide;
      if (narrow != null) {
        return new Leaf(so.start, toGlobal) {
          @Override
          int ord(int i) {
            return narrow[i];
          }
        };
      }
      return new Leaf(so.start, toGlobal) {
        @Override
        int ord(int i) {
          return wide[i];
        }
      };
    }

    /** Counts each collected document's ordinals (two kinds of storage, one loop). */
    private abstract class Leaf implements LeafCollector {
      private final int[] start, toGlobal;

      Leaf(int[] start, int[] toGlobal) {
        this.start = start;
        this.toGlobal = toGlobal;
      }

      abstract int ord(int i);

      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) {
        total++;
        for (int i = start[doc], end = start[doc + 1]; i < end; i++) counts[toGlobal[ord(i)]]++;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
