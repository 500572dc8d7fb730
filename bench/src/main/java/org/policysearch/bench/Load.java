package org.policysearch.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed-loop load: C clients, each sending the next query of the cycled set as soon as its last answer arrived. */
final class Load {
  private Load() {}

  record Result(String engine, int concurrency, int requests, int errors, double seconds, long[] sortedNanos,
      Map<String, long[]> byKind, Map<Integer, List<Long>> byQuery, List<String> errorSamples) {
    double throughput() {
      return requests / seconds;
    }

    double pct(double p) {
      return pct(sortedNanos, p);
    }

    static double pct(long[] sorted, double p) {
      if (sorted.length == 0) return Double.NaN;
      int i = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    String line() {
      return Bench.fmt("%-5s c=%-2d %6d requests %4d errors %7.1f req/s  p50 %7.2f  p95 %7.2f  p99 %7.2f ms", engine, concurrency, requests,
          errors, throughput(), pct(0.5), pct(0.95), pct(0.99));
    }
  }

  record Agreement(int queries, int same, int bothZero, int oursErrors, int solrErrors, List<String> examples, Map<Integer, long[]> hits) {}

  static Agreement warmUp(Engine ours, Engine solr, List<BenchQuery> qs) throws Exception {
    int same = 0, zero = 0, oe = 0, se = 0;
    List<String> ex = new ArrayList<>();
    Map<Integer, long[]> hits = new LinkedHashMap<>();
    for (int i = 0; i < qs.size(); i++) {
      BenchQuery q = qs.get(i);
      HttpResponse<String> a = ours.get(ours.url(q)), b = solr.get(solr.url(q));
      if (a.statusCode() != 200) {
        oe++;
        ex.add("ours " + a.statusCode() + " on " + q.ours() + ": " + cut(a.body()));
      }
      if (b.statusCode() != 200) {
        se++;
        ex.add("solr " + b.statusCode() + " on " + q.solr() + ": " + cut(b.body()));
      }
      long ha = ours.hits(a.body()), hb = solr.hits(b.body());
      hits.put(i, new long[] {ha, hb});
      if (ha == hb) same++;
      else if (ex.size() < 15) ex.add(q.kind() + " " + q.ours() + ": ours " + ha + ", solr " + hb);
      if (ha == 0 && hb == 0) zero++;
    }
    return new Agreement(qs.size(), same, zero, oe, se, ex, hits);
  }

  /**
   * One quoted phrase at c=1 in both of our modes, alternated request by request: the lookup
   * ({@code limit=0}: total and every matching document with its passage count, what {@code rg -l}
   * answers and more) and the first page as the load runs it (20 hits, highlighting, facets).
   *
   * @param docs the documents the lookup lists (ids), to compare with ripgrep's files
   */
  record PhraseTimes(long[] lookupNanos, long[] pageNanos, long passages, List<String> docs, long lookupBytes, long pageBytes) {
    double lookupMs() {
      return median(lookupNanos);
    }

    double pageMs() {
      return median(pageNanos);
    }

    private static double median(long[] v) {
      long[] s = v.clone();
      Arrays.sort(s);
      return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] / 1e6 : (s[s.length / 2 - 1] + s[s.length / 2]) / 2e6;
    }
  }

  /** Each quoted phrase of qs (those with a ripgrep phrase), rounds times per mode (after one warm-up request each), by query index. */
  static Map<Integer, PhraseTimes> phrases(Engine ours, List<BenchQuery> qs, int rounds) throws Exception {
    Map<Integer, PhraseTimes> out = new LinkedHashMap<>();
    for (int i = 0; i < qs.size(); i++) {
      BenchQuery q = qs.get(i);
      if (q.phrase().isEmpty()) continue;
      String page = ours.url(q), lookup = page + "&limit=0";
      HttpResponse<String> l = ours.get(lookup), p = ours.get(page);
      if (l.statusCode() != 200 || p.statusCode() != 200) throw new java.io.IOException("phrase " + q.ours() + ": HTTP " + l.statusCode() + "/" + p.statusCode());
      List<String> docs = docIds(l.body());
      long total = ours.hits(l.body());
      if (!l.body().contains("\"hits\":[]") || total != ours.hits(p.body())) {
        throw new IllegalStateException("phrase " + q.ours() + ": the lookup and the page disagree");
      }
      long[] ln = new long[rounds], pn = new long[rounds];
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < 2; k++) {
          boolean lookupNow = (k == 0) == (r % 2 == 0); // who goes first alternates
          long t = System.nanoTime();
          HttpResponse<String> res = ours.get(lookupNow ? lookup : page);
          long ns = System.nanoTime() - t;
          if (res.statusCode() != 200) throw new java.io.IOException("phrase " + q.ours() + ": HTTP " + res.statusCode());
          if (lookupNow) ln[r] = ns;
          else pn[r] = ns;
        }
      }
      out.put(i, new PhraseTimes(ln, pn, total, docs, l.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
          p.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }
    return out;
  }

  /** The ids of facets.docs in one of our answers (a small scanner: the orchestrator uses the JDK only). */
  static List<String> docIds(String body) {
    String start = "\"facets\":{\"docs\":[";
    int i = body.indexOf(start);
    if (i < 0) throw new IllegalArgumentException("no facets.docs in the answer");
    i += start.length();
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean idValue = false;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '"') {
        StringBuilder v = new StringBuilder();
        for (i++; body.charAt(i) != '"'; i++) {
          char x = body.charAt(i);
          if (x != '\\') {
            v.append(x);
            continue;
          }
          char e = body.charAt(++i);
          switch (e) {
            case 'u' -> {
              v.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
              i += 4;
            }
            case 'n' -> v.append('\n');
            case 't' -> v.append('\t');
            case 'r' -> v.append('\r');
            case 'b' -> v.append('\b');
            case 'f' -> v.append('\f');
            default -> v.append(e);
          }
        }
        i++;
        if (idValue) out.add(v.toString());
        idValue = depth == 1 && v.toString().equals("id") && body.charAt(i) == ':';
        continue;
      }
      if (c == '{' || c == '[') depth++;
      else if (c == '}' || c == ']') {
        if (depth == 0) break;
        depth--;
      }
      i++;
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static Result run(Engine e, List<BenchQuery> qs, int c, int seconds) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(c);
    List<Future<List<long[]>>> fs = new ArrayList<>();
    List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    for (int t = 0; t < c; t++) {
      fs.add(pool.submit(() -> {
        List<long[]> out = new ArrayList<>(); // {query index, nanos, ok}
        while (System.nanoTime() < deadline) {
          int qi = next.getAndIncrement() % qs.size();
          long s = System.nanoTime();
          boolean ok;
          try {
            HttpResponse<String> r = e.get(e.url(qs.get(qi)));
            ok = r.statusCode() == 200;
            if (!ok && errorSamples.size() < 5) errorSamples.add(r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
          } catch (Exception ex) {
            ok = false;
            if (errorSamples.size() < 5) errorSamples.add(ex.toString());
          }
          out.add(new long[] {qi, System.nanoTime() - s, ok ? 1 : 0});
        }
        return out;
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<List<long[]>> f : fs) all.addAll(f.get());
    double secs = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    int errors = 0;
    long[] ns = new long[all.size()];
    Map<String, List<Long>> kinds = new HashMap<>();
    Map<Integer, List<Long>> byQuery = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      long[] x = all.get(i);
      ns[i] = x[1];
      if (x[2] == 0) errors++;
      kinds.computeIfAbsent(qs.get((int) x[0]).kind(), k -> new ArrayList<>()).add(x[1]);
      byQuery.computeIfAbsent((int) x[0], k -> new ArrayList<>()).add(x[1]);
    }
    Arrays.sort(ns);
    Map<String, long[]> byKind = new LinkedHashMap<>();
    for (var en : kinds.entrySet()) {
      long[] a = en.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      byKind.put(en.getKey(), a);
    }
    return new Result(e.name, c, all.size(), errors, secs, ns, byKind, byQuery, errorSamples);
  }
}
