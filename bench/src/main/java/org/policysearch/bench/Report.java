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
  // issue 20 ("Scale")
  final List<Recoll.Result> recoll = new ArrayList<>();
  /** Our document counts (lookup facets.docs) for the words recollq was asked about. */
  final Map<String, Long> oursWordDocs = new LinkedHashMap<>();
  /** Cold starts of --cold-reps, by engine. */
  final Map<String, List<Long>> coldStarts = new LinkedHashMap<>();
  Scale.LongDoc longDoc;
  /** Documents our 1x server folds as copies (copy_of set in /api/docs). */
  long servedCopies = -1;
  long editStartMs = -1;
  List<Scale.EditTimes> edits;
  Scaled scaled;

  /** --replicate K: ours alone on the K-times corpus. */
  static final class Scaled {
    final int k;
    Map<String, String> replicate;
    long fileBytes;
    Indexing indexing;
    final List<Long> coldStarts = new ArrayList<>();
    final List<Load.Result> search = new ArrayList<>();
    final Map<Integer, Load.PhraseTimes> phrases = new LinkedHashMap<>();
    Scale.LongDoc longDoc;
    long steadyHeapMb = -1, peakHeapMb = -1, servedDocs = -1, servedCopies = -1;
    boolean oom;

    Scaled(int k) {
      this.k = k;
    }
  }

  static double medianL(List<Long> v) {
    long[] a = v.stream().mapToLong(Long::longValue).sorted().toArray();
    return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
  }

  /** The median over phrases of each phrase's median lookup. */
  static double phraseLookupMs(Map<Integer, Load.PhraseTimes> ph) {
    List<Double> v = new ArrayList<>();
    for (Load.PhraseTimes t : ph.values()) v.add(t.lookupMs());
    return median(v);
  }

  static double phrasePageMs(Map<Integer, Load.PhraseTimes> ph) {
    List<Double> v = new ArrayList<>();
    for (Load.PhraseTimes t : ph.values()) v.add(t.pageMs());
    return median(v);
  }

  /** All cold starts of an engine: the first (during the main run) and those of --cold-reps. */
  private List<Long> allColdStarts(String engine) {
    List<Long> l = new ArrayList<>();
    if (coldStartMs.containsKey(engine)) l.add(coldStartMs.get(engine));
    l.addAll(coldStarts.getOrDefault(engine, List.of()));
    return l;
  }

  private void scaleSections(StringBuilder b) {
    if (!recoll.isEmpty()) {
      Recoll.Result r0 = recoll.get(0);
      b.append("\n### Files to searchable, end to end: ours vs Recoll\n\n");
      b.append(f("Same files, rounds alternated (every second round in reverse order). Ours: `java -Xmx%s -jar policy-search.jar index --full "
          + "--threads %d` (extraction, analysis, tagging, one commit). Recoll: %s, `recollindex -z` (a full rebuild), %s. Seconds from "
          + "launch to exit. MB/s is over the %.1f MB of files (bytes on disk), the same for both.%n%n", opts.indexXmx(), opts.threads(),
          r0.version(), Recoll.describe().get(0), Long.parseLong(prepared.getProperty("fileBytes")) / 1e6));
      long fileBytes = Long.parseLong(prepared.getProperty("fileBytes"));
      b.append("| round | engine | docs | seconds | docs/s | MB/s (files) | index MB | exit |\n|---:|---|---:|---:|---:|---:|---:|---|\n");
      List<Indexing> cli = new ArrayList<>();
      for (Indexing i : indexing) if (i.input().startsWith("files (CLI")) cli.add(i);
      for (int r = 0; r < Math.max(cli.size(), recoll.size()); r++) {
        if (r < cli.size()) {
          Indexing i = cli.get(r);
          b.append(f("| %d | ours | %d | %.1f | %.0f | %.2f | %.1f | %s |%n", r + 1, i.docs(), i.seconds(), i.docs() / i.seconds(),
              fileBytes / 1e6 / i.seconds(), i.indexBytes() / 1e6, i.note()));
        }
        if (r < recoll.size()) {
          Recoll.Result x = recoll.get(r);
          b.append(f("| %d | recoll | %d | %.1f | %.0f | %.2f | %.1f | exit %d |%n", r + 1, x.allDocs(), x.seconds(), x.allDocs() / x.seconds(),
              fileBytes / 1e6 / x.seconds(), x.indexBytes() / 1e6, x.exitCode()));
        }
      }
      double bestOurs = cli.stream().mapToDouble(Indexing::seconds).min().orElse(Double.NaN);
      double bestRecoll = recoll.stream().mapToDouble(Recoll.Result::seconds).min().orElse(Double.NaN);
      b.append(f("%n**Recoll time / ours: %.2f** (best round of each: Recoll %.1f s, ours %.1f s; above 1 means we are faster).%n%n", bestRecoll / bestOurs,
          bestRecoll, bestOurs));
      Recoll.Result last = recoll.get(recoll.size() - 1);
      b.append(f("Recoll indexed what it should: `recollq -E` counts %d documents in all (mime:text/plain; %s files), %d with \"%s\" "
          + "(ours: %s), %d with \"%s\" (ours: %s). Our counts are documents in our lookup's facets.docs; Recoll's CJK bigrams and "
          + "stemming differ from our analysis, so the word counts may differ a little, not by orders of magnitude.%n",
          last.allDocs(), prepared.get("files"), last.zhDocs(), last.zhWord(), oursWordDocs.getOrDefault(last.zhWord(), -1L), last.enDocs(),
          last.enWord(), oursWordDocs.getOrDefault(last.enWord(), -1L)));
    }
    if (!coldStarts.isEmpty()) {
      b.append("\n### Cold start with a current index: ours vs Solr\n\n");
      b.append(f("Launch to the first HTTP 200 to a search; ours `serve --no-watch` at -Xmx%s (the index current: the server answers first "
          + "and checks the files in the background, by size and modification time), Solr (JettySolrRunner, core loaded from its index) at -Xmx%s. The first start is "
          + "the main run's (JFR on), then %d more each, alternated.%n%n", opts.oursXmx(), opts.solrXmx(), opts.coldReps()));
      b.append("| engine | starts | median ms | min ms | max ms | all ms |\n|---|---:|---:|---:|---:|---|\n");
      for (String e : List.of("ours", "solr")) {
        List<Long> l = allColdStarts(e);
        if (l.isEmpty()) continue;
        b.append(f("| %s | %d | %.0f | %d | %d | %s |%n", e, l.size(), medianL(l), l.stream().mapToLong(Long::longValue).min().getAsLong(),
            l.stream().mapToLong(Long::longValue).max().getAsLong(), l));
      }
    }
    if (edits != null) {
      b.append("\n### Edit to searchable (ours, corpus watcher on)\n\n");
      b.append(f("`serve` with the watcher on the %s-document corpus at -Xmx%s (start to first answer %d ms). From the write returning to the "
          + "first `/api/search?q=TOKEN&limit=0` that finds the new token (polled every 10 ms), each edit followed by a 0.5 s pause.%n%n",
          prepared.get("docs"), opts.oursXmx(), editStartMs));
      b.append("| edit | n | median ms | max ms | timeouts | all ms |\n|---|---:|---:|---:|---:|---|\n");
      for (Scale.EditTimes t : edits) {
        b.append(f("| %s | %d | %.0f | %d | %d | %s |%n", t.kind(), t.ms().length, t.median(), t.max(), t.timeouts(), Arrays.toString(t.ms())));
      }
    }
    if (longDoc != null) {
      b.append("\n### The reader's answer for the longest document\n\n");
      b.append(longDocLine(longDoc));
    }
    if (scaled != null) scaledTable(b);
  }

  private String longDocLine(Scale.LongDoc d) {
    return f("`GET /api/docs/{id}` for `%s` (%s, %d passages): HTTP %d, **%.1f KB**, median %.1f ms of 5 (all: %s ms)%s.%n",
        d.id(), d.fileBytes() >= 0 ? f("the corpus's largest file, %.1f KB", d.fileBytes() / 1e3) : "the most passages of any document", d.passages(), d.status(), d.bytes() / 1e3, d.medianMs(), Arrays.toString(Arrays.stream(d.ms()).map(x -> Math.round(x * 10) / 10.0).toArray()),
        d.paging().isEmpty() ? "; no paging fields (passage_count, next) in the answer" : "; paging: " + d.paging());
  }

  private void scaledTable(StringBuilder b) {
    Scaled s = scaled;
    b.append(f("%n### %dx the benchmark corpus%n%n", s.k));
    if (s.replicate != null) {
      b.append(f("Built by `Replicate`: every file once, and %d replicas under `replica-R/` with `-rR` before the extension (new path, name and "
          + "id), each with about %d adjacent letters swapped inside words in the shingles the product's fingerprint keeps, so that none is "
          + "folded as a copy: %s replicas, %s swaps, %s redone with more swaps, **%s still copies by the product's rule** (TextFingerprint.sameDocument), "
          + "%s left unchanged (no text); built in %s s.%n%n", s.k - 1, Replicate.W, s.replicate.get("replicas"), s.replicate.get("swaps"),
          s.replicate.get("redone"), s.replicate.get("stillCopies"), s.replicate.get("unchanged"), s.replicate.get("seconds")));
    }
    Indexing one = null;
    for (Indexing i : indexing) if (i.input().startsWith("files (CLI") && (one == null || i.seconds() < one.seconds())) one = i;
    long fileBytes1 = Long.parseLong(prepared.getProperty("fileBytes"));
    b.append(f("| | 1x | %dx | %dx / 1x |%n|---|---:|---:|---:|%n", s.k, s.k));
    row(b, "documents", one == null ? Double.NaN : one.docs(), s.indexing.docs(), "%.0f");
    row(b, "passages", one == null ? Double.NaN : one.passages(), s.indexing.passages(), "%.0f");
    row(b, "files MB", fileBytes1 / 1e6, s.fileBytes / 1e6, "%.1f");
    row(b, "index --full seconds (end to end)", one == null ? Double.NaN : one.seconds(), s.indexing.seconds(), "%.1f");
    row(b, "index --full docs/s", one == null ? Double.NaN : one.docs() / one.seconds(), s.indexing.docs() / s.indexing.seconds(), "%.0f");
    row(b, "index --full MB/s (files)", one == null ? Double.NaN : fileBytes1 / 1e6 / one.seconds(), s.fileBytes / 1e6 / s.indexing.seconds(), "%.2f");
    row(b, "index --full peak heap MB (-Xmx" + opts.indexXmx() + ")", one == null ? Double.NaN : one.peakHeapMb(), s.indexing.peakHeapMb(), "%.0f");
    row(b, "index MB", one == null ? Double.NaN : one.indexBytes() / 1e6, s.indexing.indexBytes() / 1e6, "%.1f");
    row(b, "cold start ms, median (serve --no-watch, current index)", medianL(allColdStarts("ours")), medianL(s.coldStarts), "%.0f");
    for (Load.Result x : s.search) {
      Load.Result y = load("ours", x.concurrency());
      row(b, f("c=%d p99 ms", x.concurrency()), y == null ? Double.NaN : y.pct(0.99), x.pct(0.99), "%.2f");
      row(b, f("c=%d p50 ms", x.concurrency()), y == null ? Double.NaN : y.pct(0.5), x.pct(0.5), "%.2f");
      row(b, f("c=%d req/s", x.concurrency()), y == null ? Double.NaN : y.throughput(), x.throughput(), "%.1f");
      row(b, f("c=%d errors", x.concurrency()), y == null ? Double.NaN : y.errors(), x.errors(), "%.0f");
    }
    row(b, "quoted phrase lookup ms (limit=0, median of phrase medians)", phrases.isEmpty() ? Double.NaN : phraseLookupMs(phrases),
        s.phrases.isEmpty() ? Double.NaN : phraseLookupMs(s.phrases), "%.2f");
    row(b, "quoted phrase first page ms", phrases.isEmpty() ? Double.NaN : phrasePageMs(phrases), s.phrases.isEmpty() ? Double.NaN : phrasePageMs(s.phrases), "%.2f");
    row(b, "server peak heap MB (GC log, -Xmx" + opts.oursXmx() + ")", peakHeapMb.getOrDefault("ours", -1L), s.peakHeapMb, "%.0f");
    row(b, "server heap after the load, after a full GC, MB", steadyHeapMb.getOrDefault("ours", -1L), s.steadyHeapMb, "%.0f");
    row(b, "longest document: reader answer KB", longDoc == null ? Double.NaN : longDoc.bytes() / 1e3, s.longDoc == null ? Double.NaN : s.longDoc.bytes() / 1e3, "%.1f");
    b.append(f("%nThe %dx server's /api/docs: %d documents, **%d folded as copies** (copy_of set; the 1x corpus itself has %d, and "
        + "replicas of two near-identical originals fold together as the originals do).%n", s.k, s.servedDocs, s.servedCopies, servedCopies));
    b.append(f("%nSame queries, same -Xmx%s, %d s per level; OutOfMemoryError in the %dx server's log: %s. Cold starts at %dx: %s ms.%n", opts.oursXmx(),
        opts.seconds(), s.k, s.oom ? "**yes**" : "no", s.k, s.coldStarts));
  }

  private static void row(StringBuilder b, String what, double one, double k, String fmt) {
    String a = Double.isNaN(one) ? "?" : f(fmt, one), c = Double.isNaN(k) ? "?" : f(fmt, k);
    String ratio = Double.isNaN(one) || Double.isNaN(k) || one == 0 ? "" : f("%.2f", k / one);
    b.append("| ").append(what).append(" | ").append(a).append(" | ").append(c).append(" | ").append(ratio).append(" |\n");
  }

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
    scaleSections(b);
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
