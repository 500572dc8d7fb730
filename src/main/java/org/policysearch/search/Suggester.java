package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.policysearch.analysis.Scripts;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.terms.Concept;

/**
 * Completions for the search box ({@code GET /api/suggest}), called on every keystroke: document
 * titles (kind "title"), glossary labels and variants in both languages (kind "term") and
 * frequent words of the index (kind "phrase": terms of the exact field, plus the Chinese words of
 * the smartcn field, ranked by document frequency). Everything is precomputed once per index
 * generation, so a call is a scan of a few hundred labels and a binary search.
 */
public final class Suggester implements SearchBackend.Suggestions {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 50;
  /** Words in fewer passages than this are not worth suggesting. */
  private static final int MIN_DOC_FREQ = 2;

  private final SearchService service;
  private volatile Snapshot snapshot;

  public Suggester(SearchService service) {
    this.service = service;
  }

  private record Label(String text, String lower, String kind, String id) {}

  /** Vocabulary sorted by word, with parallel document frequencies. */
  private record Snapshot(IndexReader reader, List<Label> labels, String[] words, int[] freqs) {}

  public Api.Suggestions suggest(String q, int limit) throws IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadQueryException("bad_parameter", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
    }
    String query = q == null ? "" : q.strip();
    if (query.isEmpty() || query.length() > 200) return new Api.Suggestions(query, List.of());
    Snapshot snap = service.withSearcher(this::snapshot);
    String lower = query.toLowerCase(Locale.ROOT);
    Map<String, Api.Suggestion> out = new LinkedHashMap<>();
    // labels that start with the query, then labels that contain it
    for (boolean prefix : new boolean[] {true, false}) {
      for (Label l : snap.labels()) {
        if (out.size() >= limit) break;
        boolean hit = prefix ? l.lower().startsWith(lower) : !l.lower().startsWith(lower) && l.lower().contains(lower);
        if (hit) out.putIfAbsent(l.lower(), new Api.Suggestion(l.text(), l.kind(), l.id()));
      }
    }
    // then frequent words completing the last word typed
    int cut = lastWordStart(query);
    String head = query.substring(0, cut);
    String last = query.substring(cut).toLowerCase(Locale.ROOT);
    if (!last.isEmpty() && out.size() < limit) {
      for (String w : frequentWithPrefix(snap, last, limit)) {
        if (out.size() >= limit) break;
        String text = head + w;
        if (text.equalsIgnoreCase(query)) continue;
        out.putIfAbsent(text.toLowerCase(Locale.ROOT), new Api.Suggestion(text, "phrase", null));
      }
    }
    return new Api.Suggestions(query, new ArrayList<>(out.values()));
  }

  /** Where the word being typed starts: after the last space, or the last run of Han characters. */
  private static int lastWordStart(String q) {
    int i = q.length();
    while (i > 0 && !Character.isWhitespace(q.charAt(i - 1)) && q.charAt(i - 1) != '"') i--;
    return i;
  }

  private static List<String> frequentWithPrefix(Snapshot snap, String prefix, int limit) {
    int from = Arrays.binarySearch(snap.words(), prefix);
    if (from < 0) from = -from - 1;
    PriorityQueue<Integer> top = new PriorityQueue<>(Comparator.comparingInt((Integer i) -> snap.freqs()[i]));
    for (int i = from; i < snap.words().length && snap.words()[i].startsWith(prefix); i++) {
      top.add(i);
      if (top.size() > limit) top.poll();
    }
    List<Integer> best = new ArrayList<>(top);
    best.sort(Comparator.comparingInt((Integer i) -> -snap.freqs()[i]).thenComparing(i -> snap.words()[i]));
    return best.stream().map(i -> snap.words()[i]).toList();
  }

  private Snapshot snapshot(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Snapshot s = snapshot;
    if (s != null && s.reader() == reader) return s;
    synchronized (this) {
      s = snapshot;
      if (s != null && s.reader() == reader) return s;
      s = build(searcher);
      snapshot = s;
      return s;
    }
  }

  private Snapshot build(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<Label> labels = new ArrayList<>();
    Map<String, DocumentInfo> docs = service.documents(searcher);
    for (DocumentInfo d : docs.values()) {
      add(labels, d.title(), "title", d.id());
      add(labels, d.titleEn(), "title", d.id());
    }
    for (Concept c : service.glossary().concepts()) {
      if (c.generated()) continue; // made from document titles, which are listed already
      add(labels, c.english(), "term", c.id());
      add(labels, c.chinese(), "term", c.id());
      for (Concept.Variant v : c.variants()) add(labels, v.text(), "term", c.id());
    }
    Map<String, Integer> vocab = new java.util.HashMap<>();
    collect(reader, Fields.EXACT, false, vocab);
    collect(reader, Fields.ZH, true, vocab);
    String[] words = vocab.keySet().toArray(new String[0]);
    Arrays.sort(words);
    int[] freqs = new int[words.length];
    for (int i = 0; i < words.length; i++) freqs[i] = vocab.get(words[i]);
    return new Snapshot(reader, List.copyOf(labels), words, freqs);
  }

  private static void add(List<Label> labels, String text, String kind, String id) {
    if (text == null || text.isBlank()) return;
    String t = text.strip();
    labels.add(new Label(t, t.toLowerCase(Locale.ROOT), kind, id));
  }

  /** Words of a field seen in at least MIN_DOC_FREQ passages; onlyHan keeps only Chinese words of two characters or more. */
  private static void collect(IndexReader reader, String field, boolean onlyHan, Map<String, Integer> vocab) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) return;
    TermsEnum te = terms.iterator();
    for (BytesRef b = te.next(); b != null; b = te.next()) {
      int df = te.docFreq();
      if (df < MIN_DOC_FREQ) continue;
      String w = b.utf8ToString();
      if (!worthSuggesting(w, onlyHan)) continue;
      vocab.merge(w, df, Math::max);
    }
  }

  private static boolean worthSuggesting(String w, boolean onlyHan) {
    int n = w.codePointCount(0, w.length());
    if (n < 2 || w.length() > 40) return false;
    boolean han = w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    if (onlyHan) return han;
    if (han) return true;
    if (n < 3) return false;
    return w.codePoints().allMatch(Scripts::isWordChar) && !w.chars().allMatch(Character::isDigit);
  }
}
