package org.policysearch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Every figure of one run, side by side, with the ratios the issue sets targets for (Markdown). */
final class Report {
  record Indexing(String engine, String input, long docs, long passages, long textBytes, double seconds, long peakHeapMb,
      long indexBytes, String note) {
    double mbps() {
      return textBytes / 1e6 / seconds;
    }

    double docsPerSecond() {
      return docs / seconds;
    }
  }

  Bench.Opts opts;
  Properties prepared;
  final List<Indexing> indexing = new ArrayList<>();
  /** AnalysisCost's lines: stage, passages, textBytes, tokens, seconds. */
  final List<Map<String, String>> analysis = new ArrayList<>();
  final List<Load.Result> search = new ArrayList<>();
  final Map<String, Long> coldStartMs = new LinkedHashMap<>();
  final Map<String, Long> steadyHeapMb = new LinkedHashMap<>();
  final Map<String, Long> peakHeapMb = new LinkedHashMap<>();
  Load.Agreement agreement;
  Ripgrep.Result rg;
  boolean oursOom;

  private static String f(String fmt, Object... a) {
    return Bench.fmt(fmt, a);
  }

  /** The fastest from-text run of an engine (rounds > 1 repeat them). */
  private Indexing best(String engine, String input) {
    Indexing b = null;
    for (Indexing i : indexing) if (i.engine().equals(engine) && i.input().equals(input) && (b == null || i.seconds() < b.seconds())) b = i;
    return b;
  }

  private Load.Result load(String engine, int c) {
    for (Load.Result r : search) if (r.engine().equals(engine) && r.concurrency() == c) return r;
    return null;
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**not met**";
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    long textBytes = Long.parseLong(prepared.getProperty("textBytes"));
    b.append(f("Corpus: %s of the bench corpus (seed %d): %s files (%.1f MB on disk), %s documents extracted, %s passages, %.1f MB of passage text (UTF-8).%n%n",
        opts.sample() >= 1 ? "all" : f("a %.0f%% sample", opts.sample() * 100), opts.seed(), prepared.get("files"),
        Long.parseLong(prepared.getProperty("fileBytes")) / 1e6, prepared.get("docs"), prepared.get("passages"), textBytes / 1e6));

    b.append("### Indexing\n\n");
    b.append("| engine | input | docs | passages | text MB | seconds | MB/s | docs/s | peak heap MB | index MB | index / text |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Indexing i : indexing) {
      b.append(f("| %s | %s | %d | %d | %.1f | %.1f | %.2f | %.0f | %d | %.1f | %.2f |%n", i.engine(), i.input(), i.docs(), i.passages(),
          i.textBytes() / 1e6, i.seconds(), i.mbps(), i.docsPerSecond(), i.peakHeapMb(), i.indexBytes() / 1e6,
          i.indexBytes() / (double) i.textBytes()));
    }
    b.append(f("%nAll with -Xmx%s and %d indexing threads; peak heap is the largest occupancy before a collection in the JVM's GC log.%n%n",
        opts.indexXmx(), opts.threads()));
    Indexing ours = best("ours", "extracted text"), solr = best("solr", "extracted text"), lucene = best("lucene", "extracted text");
    if (ours != null && solr != null && lucene != null) {
      double rs = ours.mbps() / solr.mbps(), rl = ours.mbps() / lucene.mbps();
      b.append("| indexing ratio (MB/s, from extracted text) | measured | target | |\n|---|---:|---:|---|\n");
      b.append(f("| ours / Solr | %.2fx | >= 1.5x | %s |%n", rs, verdict(rs >= 1.5)));
      b.append(f("| ours / plain Lucene | %.2fx | >= 0.4x | %s |%n", rl, verdict(rl >= 0.4)));
      Indexing cli = best("ours", "files (CLI, extraction incl.)");
      if (cli != null) b.append(f("| ours end to end (CLI) / ours from text | %.2fx | | |%n", cli.mbps() / ours.mbps()));
      b.append('\n');
    }

    if (!analysis.isEmpty()) {
      b.append("### Where our indexing time goes (analysis alone, one thread, steady state)\n\n");
      b.append("| stage | passages | text MB | tokens | seconds | MB/s |\n|---|---:|---:|---:|---:|---:|\n");
      for (Map<String, String> a : analysis) {
        double mb = Long.parseLong(a.get("textBytes")) / 1e6, sec = Double.parseDouble(a.get("seconds"));
        b.append(f("| %s | %s | %.1f | %s | %.1f | %.2f |%n", a.get("stage").replace('_', ' '), a.get("passages"), mb, a.get("tokens"), sec,
            mb / sec));
      }
      if (lucene != null) {
        b.append(f("%nFor scale: plain Lucene indexed everything (analysis, inversion, stored fields, flushes, merges) in %.1f s on %d threads.%n%n",
            lucene.seconds(), opts.threads()));
      }
    }

    b.append("### Search over HTTP on 127.0.0.1 (highlighting and facets on)\n\n");
    b.append(f("Closed loop, %d s per engine and level, levels alternated (the engine that goes first swaps at each level); %s queries cycled.%n%n",
        opts.seconds(), agreement == null ? "?" : agreement.queries()));
    b.append("| clients | engine | requests | errors | req/s | p50 ms | p95 ms | p99 ms |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (int c : opts.levels()) {
      for (String e : List.of("ours", "solr")) {
        Load.Result r = load(e, c);
        if (r == null) continue;
        b.append(f("| %d | %s | %d | %d | %.1f | %.2f | %.2f | %.2f |%n", c, e, r.requests(), r.errors(), r.throughput(), r.pct(0.5),
            r.pct(0.95), r.pct(0.99)));
      }
    }
    b.append("\n| clients | p99 ours / Solr (target <= 0.5) | | p50 ours / Solr | throughput ours / Solr |\n|---:|---:|---|---:|---:|\n");
    for (int c : opts.levels()) {
      Load.Result a = load("ours", c), s = load("solr", c);
      if (a == null || s == null) continue;
      double r = a.pct(0.99) / s.pct(0.99);
      b.append(f("| %d | %.2f | %s | %.2f | %.2f |%n", c, r, verdict(r <= 0.5), a.pct(0.5) / s.pct(0.5), a.throughput() / s.throughput()));
    }
    Load.Result a1 = load("ours", opts.levels()[0]), s1 = load("solr", opts.levels()[0]);
    if (a1 != null && s1 != null) {
      b.append(f("%n| query kind (c=%d) | ours p50 ms | Solr p50 ms | ours p99 ms | Solr p99 ms |%n|---|---:|---:|---:|---:|%n", opts.levels()[0]));
      for (String k : a1.byKind().keySet()) {
        long[] x = a1.byKind().get(k), y = s1.byKind().getOrDefault(k, new long[0]);
        b.append(f("| %s | %.2f | %.2f | %.2f | %.2f |%n", k, Load.Result.pct(x, 0.5), Load.Result.pct(y, 0.5), Load.Result.pct(x, 0.99),
            Load.Result.pct(y, 0.99)));
      }
    }
    if (agreement != null) {
      b.append(f("%nHit counts: ours and Solr agree on %d of %d queries (%d find nothing in either); HTTP errors in the warm-up: ours %d, Solr %d.%n",
          agreement.same(), agreement.queries(), agreement.bothZero(), agreement.oursErrors(), agreement.solrErrors()));
      for (String e : agreement.examples()) b.append("- ").append(e.replace("|", "\\|")).append('\n');
    }
    for (Load.Result r : search) for (String e : r.errorSamples()) b.append("- error sample (").append(r.engine()).append(", c=").append(r.concurrency()).append("): ").append(e).append('\n');

    b.append("\n### Quoted phrases: our index vs ripgrep over the extracted text\n\n");
    if (rg == null || phrases.isEmpty()) {
      b.append("ripgrep or the phrase measurement not run.\n");
    } else {
      phraseTables(b);
    }

    b.append("\n### Server\n\n| | ours | Solr |\n|---|---:|---:|\n");
    b.append(f("| heap limit | -Xmx%s | -Xmx%s |%n", opts.oursXmx(), opts.solrXmx()));
    b.append(f("| cold start to first search answer (ms, launch to HTTP 200) | %d | %d |%n", coldStartMs.getOrDefault("ours", -1L),
        coldStartMs.getOrDefault("solr", -1L)));
    b.append(f("| heap after the load, after a full GC (MB) | %d | %d |%n", steadyHeapMb.getOrDefault("ours", -1L), steadyHeapMb.getOrDefault("solr", -1L)));
    b.append(f("| peak heap occupancy during the run (MB, GC log) | %d | %d |%n", peakHeapMb.getOrDefault("ours", -1L), peakHeapMb.getOrDefault("solr", -1L)));
    int top = opts.levels()[opts.levels().length - 1];
    Load.Result ot = load("ours", top);
    if (ot != null) {
      boolean ok = ot.errors() == 0 && !oursOom;
      b.append(f("%nOur server at -Xmx%s under %d clients: %d requests, %d errors, OutOfMemoryError in its log: %s: %s.%n", opts.oursXmx(), top,
          ot.requests(), ot.errors(), oursOom ? "yes" : "no", verdict(ok)));
    }
    return b.toString();
  }

  /** Our two modes per quoted phrase (Load.phrases) and, per phrase, our documents against ripgrep's files. */
  final Map<Integer, Load.PhraseTimes> phrases = new LinkedHashMap<>();
  final Map<Integer, Ripgrep.SetCheck> phraseSets = new LinkedHashMap<>();
  /** The quoted phrases by query index, for the per-phrase table. */
  final Map<Integer, String> phraseTexts = new LinkedHashMap<>();

  private void phraseTables(StringBuilder b) {
    int rounds = phrases.values().iterator().next().lookupNanos().length;
    b.append(f("%s, `rg -F -i -l PHRASE TEXTDIR` (%s text files, one per document), median of 3 runs per phrase. Ours over HTTP at c=1, "
        + "each phrase %d times in both modes, alternated request by request: **lookup** = `/api/search?q=\"PHRASE\"&limit=0` (the total and "
        + "every matching document with its number of matching passages: what `rg -l` lists, with counts), **page** = the first page as the "
        + "load above runs it (20 hits with whole-passage highlighting, snippets, full text, facets). ms columns: the median over phrases of "
        + "each phrase's median; p99 over every request of the kind.%n%n", rg.version(), prepared.get("docs"), rounds));
    b.append("| phrases | n | rg ms | lookup ms | page ms | rg / lookup (target >= 100) | | rg / page | min rg / lookup | lookup p99 ms | page p99 ms |\n");
    b.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (String kind : List.of("en_phrase", "zh_phrase", "all")) {
      List<Double> rgMs = new ArrayList<>(), lookMs = new ArrayList<>(), pageMs = new ArrayList<>(), ratios = new ArrayList<>();
      List<Long> lookAll = new ArrayList<>(), pageAll = new ArrayList<>();
      for (var en : phrases.entrySet()) {
        if (!kind.equals("all") && !kind.equals(kindOf(en.getKey()))) continue;
        Long rgNanos = rg.nanosByQuery().get(en.getKey());
        if (rgNanos == null) continue;
        Load.PhraseTimes pt = en.getValue();
        rgMs.add(rgNanos / 1e6);
        lookMs.add(pt.lookupMs());
        pageMs.add(pt.pageMs());
        ratios.add(rgNanos / 1e6 / pt.lookupMs());
        for (long x : pt.lookupNanos()) lookAll.add(x);
        for (long x : pt.pageNanos()) pageAll.add(x);
      }
      if (rgMs.isEmpty()) continue;
      double rl = median(rgMs) / median(lookMs), rp = median(rgMs) / median(pageMs);
      b.append(f("| %s | %d | %.1f | %.2f | %.2f | %.0fx | %s | %.0fx | %.0fx | %.2f | %.2f |%n", kind, rgMs.size(), median(rgMs), median(lookMs),
          median(pageMs), rl, verdict(rl >= 100), rp, ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          Load.Result.pct(lookAll.stream().mapToLong(Long::longValue).sorted().toArray(), 0.99),
          Load.Result.pct(pageAll.stream().mapToLong(Long::longValue).sorted().toArray(), 0.99)));
    }
    if (phraseSets.isEmpty()) return;
    int superset = 0, insideOnly = 0, unexplained = 0;
    for (Ripgrep.SetCheck c : phraseSets.values()) {
      if (c.both() == c.rg()) superset++;
      else if (c.unexplained().isEmpty()) insideOnly++;
      unexplained += c.unexplained().size();
    }
    b.append(f("%nWhat each answers, per phrase: ripgrep's files against the documents our lookup lists (we match across line breaks, "
        + "spaces and punctuation and after NFKC; `rg -F` matches within a line, and also inside longer words, which a phrase search does not). "
        + "Our documents include all of ripgrep's files for %d of %d phrases; for %d more, the files only ripgrep lists hold the phrase only "
        + "inside longer words (\"laws of the\" in \"outlaws of the\"); files ripgrep lists that we miss otherwise: %d.%n%n",
        superset, phraseSets.size(), insideOnly, unexplained));
    b.append("| kind | phrase | rg ms | lookup ms | page ms | rg files | our documents | both | only ours | only rg, inside words | only rg, other | our passages | lookup KB | page KB |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var en : phraseSets.entrySet()) {
      Load.PhraseTimes pt = phrases.get(en.getKey());
      Ripgrep.SetCheck c = en.getValue();
      b.append(f("| %s | %s | %.1f | %.2f | %.2f | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f |%n", kindOf(en.getKey()),
          phraseTexts.getOrDefault(en.getKey(), "?").replace("|", "\\|"), rg.nanosByQuery().get(en.getKey()) / 1e6, pt.lookupMs(), pt.pageMs(),
          c.rg(), c.ours(), c.both(), c.onlyOurs(), c.onlyRgInsideWords(), c.unexplained().size(), pt.passages(), pt.lookupBytes() / 1e3,
          pt.pageBytes() / 1e3));
    }
    for (var en : phraseSets.entrySet()) {
      if (!en.getValue().unexplained().isEmpty()) {
        b.append(f("- \"%s\": ripgrep only, phrase standing alone: %s%n", phraseTexts.get(en.getKey()),
            String.join(", ", en.getValue().unexplained().subList(0, Math.min(5, en.getValue().unexplained().size())))));
      }
    }
  }

  /** Kinds by query index, filled by Bench before markdown() (the rg table needs them). */
  final Map<Integer, String> kinds = new LinkedHashMap<>();

  private String kindOf(int i) {
    return kinds.getOrDefault(i, "?");
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
