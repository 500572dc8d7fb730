package org.policysearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The reader answers a long document a page at a time (issue 20): a compendium of 40 laws is 1,726
 * passages and a 50 MB report would stall the browser if sent whole. One answer holds the passages
 * around where the reader wants to be, up to {@link #BUDGET_BYTES} of passage JSON, and says how
 * many passages the document has and how many matches lie before the page, so "3 of 170" still
 * counts every match of the document.
 *
 * <p>Where a page lies, in this order: the passage holding match {@code match} (0-based, over the
 * whole document), the passages from position {@code from} on (scrolling down), the passages
 * before position {@code before} (scrolling up), the passages around the linked anchor, or the
 * start of the document. Positions are 0-based, in reading order. Both backends answer through
 * this class, so a page is the same whichever backend serves it.
 */
public final class ReaderPages {
  /** Passage JSON a page holds at most (the answer's other fields come on top: well under 400 KB). */
  static final int BUDGET_BYTES = 200_000;
  /** Passages a page holds at most, however short they are. */
  static final int MAX_PASSAGES = 400;

  private ReaderPages() {}

  /**
   * Where the reader wants a page; every field may be null.
   *
   * @param from first position of a page going down
   * @param before the page ends just before this position, going up
   * @param match the 0-based match (over the whole document) the page must hold
   */
  public record Request(Integer from, Integer before, Integer match) {
    /** The first page: around the anchor if there is one, else the start of the document. */
    public static final Request FIRST = new Request(null, null, null);
  }

  /** The passages of one document by position, loaded only when a page needs them. */
  interface Source {
    int size();

    Api.PassageView load(int position) throws IOException;
  }

  /** A page: its first position, its passages and the matches that lie before it. */
  record Page(int from, List<Api.PassageView> passages, int matchesBefore) {}

  /** Match counts by position (only passages with matches) of a whole document. */
  static NavigableMap<Integer, Integer> matchesByPosition(Map<Integer, Integer> counts) {
    NavigableMap<Integer, Integer> out = new TreeMap<>();
    counts.forEach((pos, n) -> { if (n > 0) out.put(pos, n); });
    return out;
  }

  /**
   * The page a request asks for.
   *
   * @param matches match counts by position over the whole document (empty without a query)
   * @param anchorPosition the linked (or resolved) passage, -1 for none
   */
  static Page page(Request r, Source src, NavigableMap<Integer, Integer> matches, int anchorPosition) throws IOException {
    int n = src.size();
    if (n == 0) return new Page(0, List.of(), 0);
    if (r.match() != null && !matches.isEmpty()) return around(src, positionOfMatch(matches, r.match()), matches);
    if (r.from() != null) return forward(src, clamp(r.from(), n), matches);
    if (r.before() != null) return backward(src, clamp(r.before(), n + 1), matches);
    if (anchorPosition >= 0) return around(src, anchorPosition, matches);
    return forward(src, 0, matches);
  }

  /** The position of the passage holding the k-th match (k clamped to the matches there are). */
  static int positionOfMatch(NavigableMap<Integer, Integer> matches, int k) {
    int seen = 0;
    int last = matches.lastKey();
    for (Map.Entry<Integer, Integer> e : matches.entrySet()) {
      if (k < seen + e.getValue()) return e.getKey();
      seen += e.getValue();
    }
    return last;
  }

  private static Page forward(Source src, int from, NavigableMap<Integer, Integer> matches) throws IOException {
    List<Api.PassageView> out = new ArrayList<>();
    long bytes = 0;
    for (int p = from; p < src.size() && out.size() < MAX_PASSAGES; p++) {
      Api.PassageView v = src.load(p);
      long b = bytes(v);
      if (!out.isEmpty() && bytes + b > BUDGET_BYTES) break;
      out.add(v);
      bytes += b;
    }
    return new Page(from, out, before(matches, from));
  }

  private static Page backward(Source src, int before, NavigableMap<Integer, Integer> matches) throws IOException {
    Deque<Api.PassageView> out = new ArrayDeque<>();
    long bytes = 0;
    int p = before - 1;
    for (; p >= 0 && out.size() < MAX_PASSAGES; p--) {
      Api.PassageView v = src.load(p);
      long b = bytes(v);
      if (!out.isEmpty() && bytes + b > BUDGET_BYTES) break;
      out.addFirst(v);
      bytes += b;
    }
    int from = p + 1;
    return new Page(from, new ArrayList<>(out), before(matches, from));
  }

  /** The passage at the centre, then one after and one before in turn while the budget lasts (more after at the end). */
  private static Page around(Source src, int centre, NavigableMap<Integer, Integer> matches) throws IOException {
    int n = src.size();
    centre = clamp(centre, n);
    Deque<Api.PassageView> out = new ArrayDeque<>();
    out.add(src.load(centre));
    long bytes = bytes(out.peekFirst());
    int lo = centre, hi = centre + 1;
    boolean upOpen = lo > 0, downOpen = hi < n;
    boolean down = true;
    while ((upOpen || downOpen) && out.size() < MAX_PASSAGES) {
      if (down ? !downOpen : !upOpen) down = !down;
      Api.PassageView v = src.load(down ? hi : lo - 1);
      long b = bytes(v);
      if (bytes + b > BUDGET_BYTES) {
        if (down) downOpen = false; else upOpen = false;
      } else {
        bytes += b;
        if (down) { out.addLast(v); hi++; downOpen = hi < n; } else { out.addFirst(v); lo--; upOpen = lo > 0; }
      }
      down = !down;
    }
    return new Page(lo, new ArrayList<>(out), before(matches, lo));
  }

  private static int before(NavigableMap<Integer, Integer> matches, int position) {
    int sum = 0;
    for (int c : matches.headMap(position, false).values()) sum += c;
    return sum;
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  /** What a passage weighs in the answer: its JSON. */
  private static long bytes(Api.PassageView v) {
    try {
      return Json.mapper().writeValueAsBytes(v).length;
    } catch (JsonProcessingException e) {
      return (long) v.text().length() * 3;
    }
  }

  /** A source over passages already loaded (the quote fallback, small documents, the Solr side). */
  static Source of(List<Api.PassageView> passages) {
    return new Source() {
      @Override
      public int size() {
        return passages.size();
      }

      @Override
      public Api.PassageView load(int position) {
        return passages.get(position);
      }
    };
  }
}
