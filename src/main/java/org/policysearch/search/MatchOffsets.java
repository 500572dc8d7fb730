package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.policysearch.index.Fields;

/**
 * Where the query matches in each passage, from Lucene's UnifiedHighlighter: the stored text is
 * highlighted with the matches of the three analysed fields (masked fields), offsets read from the
 * postings, weight matches on, so a phrase comes back as one span. The whole passage is one
 * highlight passage; the formatter returns the spans instead of markup, and {@link Snippets}
 * makes the HTML.
 */
public final class MatchOffsets {
  private MatchOffsets() {}

  /** Characters of a passage the highlighter looks at. */
  private static final int MAX_LENGTH = 1_000_000;

  private static final class SpanHighlighter extends UnifiedHighlighter {
    /** The passages' text by doc id when the caller has loaded it already (else read from the stored field). */
    private final Map<Integer, String> texts;

    SpanHighlighter(Builder b, Map<Integer, String> texts) {
      super(b);
      this.texts = texts;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      if (texts == null) return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        String t = texts.get(doc);
        if (t == null) throw new IllegalArgumentException("no text given for doc " + doc);
        // the highlighter asks for the one field, Fields.TEXT, cut as its own stored-field reader cuts it
        out.add(new CharSequence[] {t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH) : t});
      }
      return out;
    }

    Map<String, Object[]> spans(Query q, int[] docIds) throws IOException {
      return highlightFieldsAsObjects(new String[] {Fields.TEXT}, q, docIds, new int[] {1});
    }
  }

  private static final PassageFormatter SPANS = new PassageFormatter() {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Api.Span> out = new ArrayList<>();
      for (Passage p : passages) {
        for (int i = 0; i < p.getNumMatches(); i++) out.add(new Api.Span(p.getMatchStarts()[i], p.getMatchEnds()[i]));
      }
      return merge(out);
    }
  };

  /** Match spans per Lucene doc id (a doc without matches maps to an empty list). */
  static Map<Integer, List<Api.Span>> of(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
    return of(searcher, query, docIds, null);
  }

  /**
   * As above, with the passages' stored text already loaded by the caller (texts by doc id, one
   * for every doc id), so the highlighter does not read the stored fields a second time.
   */
  static Map<Integer, List<Api.Span>> of(IndexSearcher searcher, Query query, int[] docIds, Map<Integer, String> texts) throws IOException {
    Map<Integer, List<Api.Span>> out = new HashMap<>();
    if (docIds.length == 0) return out;
    SpanHighlighter h = new SpanHighlighter(UnifiedHighlighter.builder(searcher, Fields.analyzer())
        .withBreakIterator(WholeBreakIterator::new)
        .withMaxLength(MAX_LENGTH)
        .withMaxNoHighlightPassages(0)
        .withHighlightPhrasesStrictly(true)
        .withWeightMatches(true)
        .withMaskedFieldsFunc(f -> f.equals(Fields.TEXT) ? Set.of(Fields.EN, Fields.EXACT, Fields.ZH) : Set.of())
        .withFormatter(SPANS), texts);
    // the highlighter wants doc ids in ascending order
    int[] sorted = docIds.clone();
    java.util.Arrays.sort(sorted);
    Object[] res = h.spans(query, sorted).get(Fields.TEXT);
    for (int i = 0; i < sorted.length; i++) {
      @SuppressWarnings("unchecked")
      List<Api.Span> spans = res == null || res[i] == null ? List.of() : (List<Api.Span>) res[i];
      out.put(sorted[i], spans);
    }
    return out;
  }

  /** The analysed fields whose matches are mapped onto the stored text (their offsets index into it). */
  private static final String[] MATCH_FIELDS = {Fields.EN, Fields.EXACT, Fields.ZH};

  /**
   * Match spans per Lucene doc id straight from the Matches API (issue 7): one {@link Weight} for
   * the whole page, then each passage's matches in the three analysed fields, their offsets read
   * from the postings. A phrase is one match (its first token's start to its last token's end), as
   * with the highlighter's weight matches; the highlighter rewrote the query and built a weight per
   * passage and field, a fifth of a phrase search. texts: the passages' stored text by doc id
   * (matches past its end, or past {@link #MAX_LENGTH}, are dropped as the highlighter drops them).
   */
  static Map<Integer, List<Api.Span>> fromMatches(IndexSearcher searcher, Query query, int[] docIds, Map<Integer, String> texts)
      throws IOException {
    Map<Integer, List<Api.Span>> out = new HashMap<>();
    if (docIds.length == 0) return out;
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int doc : docIds) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      Matches m = w.matches(leaf, doc - leaf.docBase);
      int length = Math.min(MAX_LENGTH, texts.get(doc).length());
      List<Api.Span> spans = new ArrayList<>();
      if (m != null) {
        for (String f : MATCH_FIELDS) {
          MatchesIterator it = m.getMatches(f);
          if (it == null) continue;
          while (it.next()) {
            int start = it.startOffset(), end = Math.min(it.endOffset(), length);
            if (start >= 0 && start < end) spans.add(new Api.Span(start, end));
          }
        }
      }
      out.put(doc, merge(spans));
    }
    return out;
  }

  /** Sorted, overlapping and touching spans merged. */
  public static List<Api.Span> merge(List<Api.Span> spans) {
    List<Api.Span> s = new ArrayList<>(spans);
    s.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Api.Span> out = new ArrayList<>();
    for (Api.Span x : s) {
      if (!out.isEmpty() && x.start() <= out.get(out.size() - 1).end()) {
        Api.Span last = out.remove(out.size() - 1);
        out.add(new Api.Span(last.start(), Math.max(last.end(), x.end())));
      } else {
        out.add(x);
      }
    }
    return out;
  }
}
