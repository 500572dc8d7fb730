package org.policysearch.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policysearch.metadata.TextFingerprint;

/**
 * Files that hold the same document ({@link TextFingerprint#sameDocument}), grouped: one copy
 * leads, the others are named under it. The leader is the richer format: PDF (pages to link to),
 * then Word / OpenDocument, HTML, Markdown, plain text; among equals the one with more passages,
 * then the smaller id. Results, facets, the concordance and the heatmap count only the leader's
 * passages; a copy keeps its own reader page and deep links.
 *
 * @param leaderOf every copy's leader (leaders are not keys)
 * @param copiesOf every leader's copies, in id order
 */
public record Copies(Map<String, String> leaderOf, Map<String, List<String>> copiesOf) {
  public static final Copies NONE = new Copies(Map.of(), Map.of());

  /** How many of the smallest sketch values are used as buckets to find candidate pairs. */
  private static final int KEYS = 3;

  public static Copies of(Collection<DocumentInfo> docs) {
    return of(docs, d -> TextFingerprint.parse(d.fingerprint()));
  }

  /**
   * As {@link #of(Collection)}, with each document's fingerprint already parsed: the indexing run
   * reads them as numbers from the document entries' column ({@link DocumentEntry}), and so does a
   * server grouping an index written before the copies entry.
   */
  public static Copies of(Collection<DocumentInfo> docs, java.util.function.Function<DocumentInfo, TextFingerprint.Parsed> print) {
    // candidates are the documents that share a bucket: the whole-text hash or one of the sketch's smallest values.
    // The buckets are runs of one sorted long[]: each value's top bits with the document's index in the low bits
    // (a few bytes a document where a map of lists took ~100: a server at -Xmx256m groups 71,372 documents, issue 20);
    // two values that agree only in their top bits merely add a candidate pair, which sameDocument then rejects
    List<DocumentInfo> withPrint = new ArrayList<>();
    List<TextFingerprint.Parsed> prints = new ArrayList<>();
    for (DocumentInfo d : docs) {
      TextFingerprint.Parsed p = print.apply(d);
      if (p == null || p.length() == 0) continue;
      withPrint.add(d);
      prints.add(p);
    }
    int n = withPrint.size();
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n)); // the document's index in the low bits
    long mask = (1L << bits) - 1;
    long[] entries = new long[n * (KEYS + 1)];
    int m = 0;
    for (int i = 0; i < n; i++) {
      TextFingerprint.Parsed p = prints.get(i);
      entries[m++] = (p.whole() >>> bits) << bits | i;
      for (long key : p.keys(KEYS)) entries[m++] = (key >>> bits) << bits | i;
    }
    Arrays.sort(entries, 0, m);
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int start = 0; start < m; ) {
      int end = start + 1;
      while (end < m && entries[end] >>> bits == entries[start] >>> bits) end++;
      int size = end - start;
      if (size >= 2 && size <= 50) { // a value shared by many texts is boilerplate, not a copy
        for (int x = start; x < end; x++) {
          for (int y = x + 1; y < end; y++) {
            int a = (int) (entries[x] & mask), b = (int) (entries[y] & mask);
            if (find(parent, a) != find(parent, b) && TextFingerprint.sameDocument(prints.get(a), prints.get(b))) {
              parent[find(parent, a)] = find(parent, b);
            }
          }
        }
      }
      start = end;
    }
    boolean any = false;
    for (int i = 0; i < n && !any; i++) any = parent[i] != i;
    if (!any) return NONE;
    Map<Integer, List<DocumentInfo>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(withPrint.get(i));
    Map<String, String> leaderOf = new HashMap<>();
    Map<String, List<String>> copiesOf = new HashMap<>();
    for (List<DocumentInfo> g : groups.values()) {
      if (g.size() < 2) continue;
      g.sort(LEADER_FIRST);
      String leader = g.get(0).id();
      List<String> copies = new ArrayList<>();
      for (DocumentInfo d : g.subList(1, g.size())) {
        leaderOf.put(d.id(), leader);
        copies.add(d.id());
      }
      copies.sort(Comparator.naturalOrder());
      copiesOf.put(leader, List.copyOf(copies));
    }
    return new Copies(Map.copyOf(leaderOf), Map.copyOf(copiesOf));
  }

  /**
   * The grouping as text, for the index's copies entry: one line per copy, "copy TAB leader", in
   * copy order. An indexing run groups the copies once per commit ({@code Indexer}), so a server
   * neither parses every fingerprint nor compares them (issue 20: cold start, and the heap at 4x).
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    leaderOf.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> b.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    return b.toString();
  }

  /** The grouping {@link #toText} wrote; NONE for null or empty text. */
  public static Copies fromText(String text) {
    if (text == null || text.isEmpty()) return NONE;
    Map<String, String> leaderOf = new HashMap<>();
    Map<String, List<String>> copiesOf = new HashMap<>();
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab <= 0) continue;
      String copy = line.substring(0, tab), leader = line.substring(tab + 1);
      leaderOf.put(copy, leader);
      copiesOf.computeIfAbsent(leader, k -> new ArrayList<>()).add(copy);
    }
    if (leaderOf.isEmpty()) return NONE;
    Map<String, List<String>> sorted = new HashMap<>();
    copiesOf.forEach((leader, copies) -> {
      copies.sort(Comparator.naturalOrder());
      sorted.put(leader, List.copyOf(copies));
    });
    return new Copies(Map.copyOf(leaderOf), Map.copyOf(sorted));
  }

  public boolean isCopy(String docId) {
    return leaderOf.containsKey(docId);
  }

  private static final Comparator<DocumentInfo> LEADER_FIRST = Comparator.comparingInt((DocumentInfo d) -> formatRank(d.format()))
      .thenComparing(Comparator.comparingInt(DocumentInfo::passages).reversed())
      .thenComparing(DocumentInfo::id);

  /** Richer formats first: PDF, then word-processor documents, HTML, Markdown, plain text, anything else. */
  static int formatRank(String mediaType) {
    String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (t.startsWith("application/pdf")) return 0;
    if (t.contains("wordprocessingml") || t.contains("msword") || t.contains("opendocument.text") || t.contains("rtf")) return 1;
    if (t.contains("html")) return 2;
    if (t.contains("markdown")) return 3;
    if (t.startsWith("text/plain")) return 4;
    return 5;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
