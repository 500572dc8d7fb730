package org.policysearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark harness (issue 7): one run, on one machine and one corpus, with the peers
 * alternated so that ratios hold on a noisy shared machine. Every engine runs in its own child
 * JVM (our fat jar; Solr on its own class path, never beside Jetty 12), so heap is measured the
 * same way for all (GC log) and nothing is shared but the cores.
 *
 * <pre>
 *   mvn -B -q install -DskipTests                       # the fat jar and the thin artifact
 *   mvn -B -q -f bench/pom.xml compile exec:java -Dexec.args="--sample 0.1"
 * </pre>
 *
 * Options: --sample F (seeded file sample; default 1 = all 17,843 files), --seed N, --work DIR,
 * --seconds N (per engine and concurrency level), --levels 1,8,32, --ours-xmx 256m, --solr-xmx 1g,
 * --index-xmx 2g, --threads N, --rounds N (indexing-from-text rounds), --queries FILE (else
 * generated into the work folder), --save-queries (copy the generated set to bench/queries.tsv),
 * --no-jfr, --reuse (keep an existing extraction and prepared passages), --bench-corpus DIR (the
 * folder of the two archives; default ../../shared/bench-corpus from bench/).
 *
 * <p>Issue 20 ("Scale"): --text-engines ours,lucene,solr (which engines index from extracted text;
 * Solr is always indexed when its server runs), --recoll (files to searchable side by side with
 * Recoll's recollindex: --rounds rounds of ours `index --full` and recollindex, alternated; needs the
 * Debian package recollcmd), --cold-reps N (cold start of ours `serve --no-watch` and Solr N more
 * times, alternated, median), --edit-reps N (edit to searchable with the corpus watcher on: N
 * appends to a small .txt file and N new small .txt files), --replicate K (after the 1x run: a K
 * times corpus built by {@link Replicate}, indexed, served and loaded by ours alone; table "Kx the
 * benchmark corpus"), --edit-timeout-ms N. The reader's answer for the longest document is always
 * measured.
 */
public final class Bench {
  record Opts(double sample, long seed, Path work, int seconds, int[] levels, String oursXmx, String solrXmx, String indexXmx,
      int threads, int rounds, Path queries, boolean saveQueries, boolean jfr, boolean reuse, Path archives, List<String> textEngines,
      boolean recoll, int coldReps, int editReps, int replicate, long editTimeoutMs) {}

  private final Opts o;
  /** Requests per quoted phrase and mode in the ripgrep comparison (medians of these). */
  private static final int PHRASE_ROUNDS = 21;
  private final Path benchDir = Path.of("").toAbsolutePath();
  private final Path repo = benchDir.getParent();
  private final Path fatJar = repo.resolve("target/policy-search.jar");
  private final String oursCp;
  private final String solrCp;
  private final Path logs;
  private final Report report = new Report();

  Bench(Opts o) throws IOException {
    this.o = o;
    Path classes = benchDir.resolve("target/classes");
    this.oursCp = fatJar + ":" + classes;
    this.solrCp = classes + ":" + Files.readString(benchDir.resolve("target/solr.classpath")).strip();
    this.logs = o.work().resolve("logs");
    Files.createDirectories(logs);
  }

  public static void main(String[] args) throws Exception {
    double sample = 1.0;
    long seed = 7;
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "policy-search-bench");
    int seconds = 20, threads = Runtime.getRuntime().availableProcessors(), rounds = 1;
    int[] levels = {1, 8, 32};
    String oursXmx = "256m", solrXmx = "1g", indexXmx = "2g";
    Path queries = null;
    boolean save = false, jfr = true, reuse = false;
    Path archives = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("bench-corpus");
    List<String> textEngines = List.of("ours", "lucene", "solr");
    boolean recoll = false;
    int coldReps = 0, editReps = 0, replicate = 1;
    long editTimeoutMs = 120_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sample" -> sample = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--levels" -> levels = Stream.of(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--ours-xmx" -> oursXmx = args[++i];
        case "--solr-xmx" -> solrXmx = args[++i];
        case "--index-xmx" -> indexXmx = args[++i];
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Path.of(args[++i]).toAbsolutePath();
        case "--save-queries" -> save = true;
        case "--no-jfr" -> jfr = false;
        case "--reuse" -> reuse = true;
        case "--bench-corpus" -> archives = Path.of(args[++i]).toAbsolutePath();
        case "--text-engines" -> textEngines = List.of(args[++i].split(","));
        case "--recoll" -> recoll = true;
        case "--cold-reps" -> coldReps = Integer.parseInt(args[++i]);
        case "--edit-reps" -> editReps = Integer.parseInt(args[++i]);
        case "--edit-timeout-ms" -> editTimeoutMs = Long.parseLong(args[++i]);
        case "--replicate" -> replicate = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Opts o = new Opts(sample, seed, work.toAbsolutePath(), seconds, levels, oursXmx, solrXmx, indexXmx, threads, rounds, queries,
        save, jfr, reuse, archives, textEngines, recoll, coldReps, editReps, replicate, editTimeoutMs);
    if (recoll && !Recoll.available()) throw new IllegalStateException("--recoll: recollindex not found (apt-get install -y --no-install-recommends recollcmd)");
    System.out.println("bench options: " + o);
    new Bench(o).run();
    System.exit(0);
  }

  void run() throws Exception {
    Path corpus = corpus();
    Path passages = o.work().resolve("passages.bin");
    Path textDir = o.work().resolve("text");
    Path generated = o.work().resolve("queries.tsv");
    if (!(o.reuse() && Files.exists(passages))) {
      deleteTree(textDir);
      Child prep = child("prepare", List.of("-Xmx3g", "-cp", oursCp, "org.policysearch.bench.Prepare", corpus.toString(),
          passages.toString(), textDir.toString(), generated.toString(), Long.toString(o.seed())), false);
      prep.waitOk();
    }
    Properties prepared = new Properties();
    prepared.load(new StringReader(Files.readString(o.work().resolve("prepared.properties"))));
    report.prepared = prepared;
    report.opts = o;
    Path qfile = o.queries() != null ? o.queries() : generated;
    if (o.saveQueries()) Files.copy(generated, benchDir.resolve("queries.tsv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<BenchQuery> queries = BenchQuery.read(qfile);
    for (int i = 0; i < queries.size(); i++) report.kinds.put(i, queries.get(i).kind());
    System.out.printf("corpus %s: %s files, %s documents, %s passages, %.1f MB text; %d queries from %s%n", corpus,
        prepared.get("files"), prepared.get("docs"), prepared.get("passages"),
        Long.parseLong(prepared.getProperty("textBytes")) / 1e6, queries.size(), qfile);

    // 1. indexing from already-extracted text, alternated (round 2 runs the engines in reverse order)
    Path solrHome = o.work().resolve("solr-home");
    for (int r = 0; r < o.rounds(); r++) {
      List<String> order = new ArrayList<>(List.of("ours", "lucene", "solr"));
      order.retainAll(r == 0 ? union(o.textEngines(), "solr") : o.textEngines()); // Solr's index is needed by its server
      if (r % 2 == 1) Collections.reverse(order);
      for (String e : order) {
        switch (e) {
          case "ours" -> indexText("ours", "org.policysearch.index.OursTextIndexer", oursCp, passages, o.work().resolve("idx-ours-text"));
          case "lucene" -> indexText("lucene", "org.policysearch.bench.LuceneTextIndexer", oursCp, passages, o.work().resolve("idx-lucene"));
          default -> indexText("solr", "org.policysearch.bench.SolrTextIndexer", solrCp, passages, solrHome);
        }
      }
    }

    // 1b. where our indexing time goes: each analysis chain and tagging alone, one thread, steady state
    Child cost = child("analysis-cost", List.of("-Xmx" + o.indexXmx(), "-cp", oursCp, "org.policysearch.bench.AnalysisCost",
        passages.toString()), false);
    cost.waitOk();
    for (String line : Files.readAllLines(cost.log)) if (line.startsWith("ANALYSIS ")) report.analysis.add(fields(line.substring(9)));

    // 2. our index end to end from the files (extraction included), through the CLI; with --recoll, alternated with
    // Recoll's recollindex over the same files (every second round in reverse order)
    Path oursIndex = o.work().resolve("idx-ours");
    String[] words = Recoll.words(queries);
    int e2eRounds = o.recoll() ? Math.max(1, o.rounds()) : 1;
    for (int r = 0; r < e2eRounds; r++) {
      List<String> order = new ArrayList<>(o.recoll() ? List.of("ours", "recoll") : List.of("ours"));
      if (r % 2 == 1) Collections.reverse(order);
      for (String e : order) {
        if (e.equals("ours")) {
          report.indexing.add(indexCli(corpus, oursIndex, "ours-index-cli" + (r == 0 ? "" : "-" + (r + 1)), r == 0,
              num(prepared, "docs"), num(prepared, "passages"), num(prepared, "textBytes"), "files (CLI, extraction incl.)"));
        } else {
          Recoll.Result rr = Recoll.index(o.work().resolve("recoll-conf"), corpus, o.work().resolve("idx-recoll"),
              logs.resolve("recollindex-" + (r + 1) + ".log"), words[0], words[1]);
          report.recoll.add(rr);
          System.out.printf("recollindex round %d: %.1f s, exit %d, %d documents, index %.1f MB; %s: %d documents, %s: %d documents%n", r + 1,
              rr.seconds(), rr.exitCode(), rr.allDocs(), rr.indexBytes() / 1e6, rr.zhWord(), rr.zhDocs(), rr.enWord(), rr.enDocs());
        }
      }
    }

    // 3. servers: cold start to first answer
    int oursPort = freePort(), solrPort = freePort();
    List<String> serve = oursServeJvm();
    jfr(serve, "ours-serve");
    serve.addAll(List.of("-jar", fatJar.toString(), "serve", "--corpus", corpus.toString(), "--index", oursIndex.toString(),
        "--port", Integer.toString(oursPort), "--no-watch", "--threads", Integer.toString(o.threads())));
    Engine ours = new Engine.Ours(oursPort);
    Engine solr = new Engine.Solr(solrPort);
    Child oursServer = child("ours-serve", serve, true);
    report.coldStartMs.put("ours", ours.coldStart(oursServer.started, oursServer.process));
    Child solrServer = child("solr-serve", List.of("-Xmx" + o.solrXmx(), "-Dsolr.log.dir=" + logs, "-cp", solrCp,
        "org.policysearch.bench.SolrServerMain", solrHome.toString(), Integer.toString(solrPort)), true);
    report.coldStartMs.put("solr", solr.coldStart(solrServer.started, solrServer.process));
    try {
      // 4. warm-up: every query once per engine; hit counts compared (the two query forms should agree)
      report.agreement = Load.warmUp(ours, solr, queries);
      // 5. load at each concurrency level, engines alternated
      for (int i = 0; i < o.levels().length; i++) {
        int c = o.levels()[i];
        List<Engine> order = i % 2 == 0 ? List.of(ours, solr) : List.of(solr, ours);
        for (Engine e : order) {
          Load.Result res = Load.run(e, queries, c, o.seconds());
          report.search.add(res);
          System.out.println(res.line());
        }
      }
      // 5b. the quoted phrases in our two modes, lookup (limit=0) and first page, alternated, for the ripgrep comparison
      report.phrases.putAll(Load.phrases(ours, queries, PHRASE_ROUNDS));
      // 5c. the reader's first answer for the longest document; our document counts for the words recollq was asked about
      report.longDoc = Scale.longestDocument(ours, corpus);
      report.servedCopies = ours.get("http://127.0.0.1:" + oursPort + "/api/docs").body().split("\"copy_of\":\"", -1).length - 1;
      System.out.printf("longest document %s (%d passages): GET /api/docs/{id} %d bytes, median %.1f ms%s%n", report.longDoc.id(),
          report.longDoc.passages(), report.longDoc.bytes(), report.longDoc.medianMs(), report.longDoc.paging().isEmpty() ? "" : "; " + report.longDoc.paging());
      for (String w : words) if (w != null) report.oursWordDocs.put(w, (long) Load.docIds(ours.get(lookupUrl(ours, w)).body()).size());
      // 6. heap after the load (after a full GC), and the servers still answering
      report.steadyHeapMb.put("ours", Heap.afterGc(oursServer.process.pid()));
      report.steadyHeapMb.put("solr", Heap.afterGc(solrServer.process.pid()));
      report.peakHeapMb.put("ours", oursServer.peakHeapMb());
      report.peakHeapMb.put("solr", solrServer.peakHeapMb());
      report.oursOom = Files.readString(oursServer.log).contains("OutOfMemoryError");
    } finally {
      oursServer.stop();
      solrServer.stop();
    }
    // 6b. cold start again, --cold-reps times, ours and Solr alternated (a current index: nothing to re-index)
    for (int r = 0; r < o.coldReps(); r++) {
      for (String e : r % 2 == 0 ? List.of("solr", "ours") : List.of("ours", "solr")) {
        int port = freePort();
        Child c = e.equals("ours") ? oursServe(corpus, oursIndex, port, "ours-cold-" + (r + 1), false)
            : child("solr-cold-" + (r + 1), List.of("-Xmx" + o.solrXmx(), "-Dsolr.log.dir=" + logs, "-cp", solrCp,
                "org.policysearch.bench.SolrServerMain", solrHome.toString(), Integer.toString(port)), true);
        try {
          long ms = (e.equals("ours") ? new Engine.Ours(port) : new Engine.Solr(port)).coldStart(c.started, c.process);
          report.coldStarts.computeIfAbsent(e, k -> new ArrayList<>()).add(ms);
          System.out.printf("cold start %s #%d: %d ms%n", e, r + 1, ms);
        } finally {
          c.stop();
        }
      }
    }
    // 6c. edit to searchable: ours with the corpus watcher on
    if (o.editReps() > 0) {
      int port = freePort();
      Child c = oursServe(corpus, oursIndex, port, "ours-serve-watch", true);
      try {
        Engine.Ours w = new Engine.Ours(port);
        report.editStartMs = w.coldStart(c.started, c.process);
        report.edits = Scale.editToSearchable(w, corpus, o.editReps(), o.editTimeoutMs());
      } finally {
        c.stop();
        deleteTree(corpus.resolve("_bench_edits"));
      }
    }
    // 7. ripgrep over the extracted text for the quoted phrases
    report.rg = Ripgrep.run(queries, textDir);
    if (report.rg != null) {
      for (var e : report.phrases.entrySet()) {
        BenchQuery q = queries.get(e.getKey());
        report.phraseTexts.put(e.getKey(), q.phrase());
        report.phraseSets.put(e.getKey(), Ripgrep.compare(q.phrase(), report.rg.filesByQuery().get(e.getKey()), e.getValue().docs(), textDir));
      }
    }

    // 8. K times the corpus: ours alone, next to the 1x figures of this run
    if (o.replicate() > 1) scaled(corpus, queries);

    String md = report.markdown();
    System.out.println();
    System.out.println(md);
    Files.writeString(o.work().resolve("results.md"), md);
    System.out.println("results written to " + o.work().resolve("results.md") + "; logs and JFR recordings in " + logs);
  }

  private static List<String> union(List<String> a, String b) {
    List<String> u = new ArrayList<>(a);
    if (!u.contains(b)) u.add(b);
    return u;
  }

  static String lookupUrl(Engine ours, String q) {
    return "http://127.0.0.1:" + ours.port + "/api/search?q=" + Engine.enc(q) + "&limit=0";
  }

  /** Our CLI `index --full` over the files, timed from launch to exit (docs, passages, text of the prepared 1x corpus; -1 when unknown). */
  private Report.Indexing indexCli(Path corpus, Path index, String name, boolean withJfr, long docs, long passages, long textBytes,
      String input) throws Exception {
    deleteTree(index);
    List<String> cmd = new ArrayList<>(List.of("-Xmx" + o.indexXmx()));
    if (withJfr) jfr(cmd, name);
    cmd.addAll(List.of("-jar", fatJar.toString(), "index", "--corpus", corpus.toString(), "--index", index.toString(), "--full",
        "--threads", Integer.toString(o.threads())));
    long t0 = System.nanoTime();
    Child idx = child(name, cmd, true);
    int rc = idx.process.waitFor();
    double secs = (System.nanoTime() - t0) / 1e9;
    if (docs < 0) { // the CLI's own summary: "N documents, M passages in the index; C characters extracted ..."
      Matcher m = Pattern.compile("(\\d+) documents, (\\d+) passages in the index").matcher(Files.readString(idx.log));
      while (m.find()) {
        docs = Long.parseLong(m.group(1));
        passages = Long.parseLong(m.group(2));
      }
    }
    Report.Indexing res = new Report.Indexing("ours", input, docs, passages, textBytes, secs, idx.peakHeapMb(), PassageFile.sizeOf(index),
        "exit " + rc);
    System.out.printf("indexed end to end: ours %s in %.1f s, exit %d, index %.1f MB, peak heap %d MB%n", input, secs, rc,
        res.indexBytes() / 1e6, res.peakHeapMb());
    return res;
  }

  /** Our server's JVM options, as the README starts it: the heap, and the class-data archive the build wrote (when there). */
  private List<String> oursServeJvm() {
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + o.oursXmx()));
    Path archive = repo.resolve("target/policy-search.jsa");
    if (Files.isRegularFile(archive)) jvm.add("-XX:SharedArchiveFile=" + archive);
    return jvm;
  }

  /** Our server over a current index: with the corpus watcher (watch) or --no-watch. */
  private Child oursServe(Path corpus, Path index, int port, String name, boolean watch) throws IOException {
    List<String> serve = oursServeJvm();
    serve.addAll(List.of("-jar", fatJar.toString(), "serve", "--corpus", corpus.toString(), "--index", index.toString(), "--port",
        Integer.toString(port), "--threads", Integer.toString(o.threads())));
    if (!watch) serve.add("--no-watch");
    return child(name, serve, true);
  }

  /** --replicate K: the K-times corpus indexed, served and loaded by ours alone (the 1x figures are this run's). */
  private void scaled(Path corpus, List<BenchQuery> queries) throws Exception {
    int k = o.replicate();
    Path big = o.work().resolve("corpus-x" + k);
    Path marker = o.work().resolve("corpus-x" + k + ".txt");
    String mark = "source=" + corpus + " k=" + k;
    Report.Scaled sc = new Report.Scaled(k);
    report.scaled = sc;
    if (!(o.reuse() && Files.exists(marker) && Files.readString(marker).equals(mark))) {
      deleteTree(big);
      Child rep = child("replicate-x" + k, List.of("-Xmx2g", "-cp", oursCp, "org.policysearch.bench.Replicate", corpus.toString(),
          big.toString(), Integer.toString(k)), false);
      rep.waitOk();
      sc.replicate = rep.result();
      Files.writeString(marker, mark);
      Files.writeString(o.work().resolve("corpus-x" + k + ".result"), String.valueOf(sc.replicate));
      System.out.println("replicated: " + sc.replicate);
    } else {
      System.out.println("reusing " + big);
    }
    sc.fileBytes = PassageFile.sizeOf(big);
    Path index = o.work().resolve("idx-ours-x" + k);
    sc.indexing = indexCli(big, index, "ours-index-cli-x" + k, false, -1, -1, -1, "files x" + k + " (CLI, extraction incl.)");
    for (int r = 0; r < Math.max(1, o.coldReps()); r++) {
      int port = freePort();
      Child c = oursServe(big, index, port, "ours-serve-x" + k + "-cold-" + (r + 1), false);
      try {
        long ms = new Engine.Ours(port).coldStart(c.started, c.process);
        sc.coldStarts.add(ms);
        System.out.printf("cold start ours x%d #%d: %d ms%n", k, r + 1, ms);
      } finally {
        c.stop();
      }
    }
    int port = freePort();
    Child server = oursServe(big, index, port, "ours-serve-x" + k, false);
    Engine ours = new Engine.Ours(port);
    try {
      ours.coldStart(server.started, server.process);
      for (BenchQuery q : queries) ours.get(ours.url(q)); // warm-up, as the 1x load had
      for (int c : o.levels()) {
        Load.Result res = Load.run(ours, queries, c, o.seconds());
        sc.search.add(res);
        System.out.println("x" + k + " " + res.line());
      }
      sc.phrases.putAll(Load.phrases(ours, queries, PHRASE_ROUNDS));
      sc.longDoc = Scale.longestDocument(ours, big);
      String docs = ours.get("http://127.0.0.1:" + port + "/api/docs").body();
      sc.servedDocs = docs.split("\"copy_of\":", -1).length - 1; // one per document
      sc.servedCopies = docs.split("\"copy_of\":\"", -1).length - 1; // copy_of is null for a document that is no copy
      sc.steadyHeapMb = Heap.afterGc(server.process.pid());
      sc.peakHeapMb = server.peakHeapMb();
      sc.oom = Files.readString(server.log).contains("OutOfMemoryError");
    } finally {
      server.stop();
    }
  }

  private void indexText(String engine, String main, String cp, Path passages, Path dir) throws Exception {
    deleteTree(dir);
    Child c = child("index-text-" + engine, List.of("-Xmx" + o.indexXmx(), "-Dsolr.log.dir=" + logs, "-cp", cp, main,
        passages.toString(), dir.toString(), Integer.toString(o.threads())), true);
    c.waitOk();
    Map<String, String> r = c.result();
    report.indexing.add(new Report.Indexing(engine, "extracted text", Long.parseLong(r.get("docs")), Long.parseLong(r.get("passages")),
        Long.parseLong(r.get("textBytes")), Double.parseDouble(r.get("seconds")), c.peakHeapMb(), Long.parseLong(r.get("indexBytes")), ""));
    System.out.println("indexed from text: " + engine + " " + r + " peak heap " + c.peakHeapMb() + " MB");
  }

  private void jfr(List<String> cmd, String name) {
    if (o.jfr()) cmd.add("-XX:StartFlightRecording=dumponexit=true,settings=profile,filename=" + logs.resolve(name + ".jfr"));
  }

  /** key=value pairs separated by spaces, in order. */
  static Map<String, String> fields(String line) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : line.split(" ")) m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    return m;
  }

  private static long num(Properties p, String k) {
    return Long.parseLong(p.getProperty(k));
  }

  /** The corpus: both archives extracted once; a sample is a seeded choice of files, hard-linked. */
  private Path corpus() throws Exception {
    Path all = o.work().resolve("corpus-all");
    if (!Files.isDirectory(all.resolve("whitehouse-en")) || !Files.isDirectory(all.resolve("laws-zh"))) {
      deleteTree(all);
      Files.createDirectories(all);
      for (String a : new String[] {"laws-zh.tar.gz", "whitehouse-en.tar.gz"}) {
        Path tgz = o.archives().resolve(a);
        Process p = new ProcessBuilder("tar", "-xzf", tgz.toString(), "-C", all.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException("tar failed on " + tgz);
      }
    }
    if (o.sample() >= 1.0) return all;
    Path sample = o.work().resolve("corpus-sample");
    String marker = "sample=" + o.sample() + " seed=" + o.seed();
    Path markerFile = o.work().resolve("corpus-sample.txt");
    if (Files.isDirectory(sample) && Files.exists(markerFile) && Files.readString(markerFile).equals(marker)) return sample;
    deleteTree(sample);
    List<Path> files;
    try (Stream<Path> s = Files.walk(all)) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
    Collections.shuffle(files, new Random(o.seed()));
    int n = (int) Math.round(files.size() * o.sample());
    for (Path f : files.subList(0, n)) {
      Path t = sample.resolve(all.relativize(f).toString());
      Files.createDirectories(t.getParent());
      Files.createLink(t, f);
    }
    Files.writeString(markerFile, marker);
    return sample;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Collections.reverseOrder()).toList()) Files.delete(x);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private Child child(String name, List<String> jvmArgs, boolean gcLog) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path gc = logs.resolve(name + ".gc.log");
    Files.deleteIfExists(gc);
    if (gcLog) cmd.add("-Xlog:gc:file=" + gc);
    cmd.addAll(jvmArgs);
    Path log = logs.resolve(name + ".log");
    System.out.println("$ " + String.join(" ", cmd).replace(solrCp, "<solr classpath>"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).directory(o.work().toFile());
    long started = System.nanoTime();
    return new Child(name, pb.start(), log, gc, started);
  }

  /** A child JVM with its log and GC log. */
  static final class Child {
    final String name;
    final Process process;
    final Path log, gc;
    final long started;

    Child(String name, Process process, Path log, Path gc, long started) {
      this.name = name;
      this.process = process;
      this.log = log;
      this.gc = gc;
      this.started = started;
    }

    void waitOk() throws Exception {
      int rc = process.waitFor();
      if (rc != 0) throw new IOException(name + " failed with exit code " + rc + "; see " + log + ":\n" + tail());
    }

    String tail() throws IOException {
      List<String> l = Files.readAllLines(log);
      return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    }

    Map<String, String> result() throws IOException {
      for (String line : Files.readAllLines(log)) if (line.startsWith("RESULT ")) return fields(line.substring(7));
      throw new IOException(name + " printed no RESULT line; see " + log);
    }

    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** The largest heap occupancy the GC log shows (before a collection). */
    long peakHeapMb() throws IOException {
      if (!Files.exists(gc)) return -1;
      long peak = 0;
      for (String line : Files.readAllLines(gc)) {
        Matcher m = GC.matcher(line);
        if (m.find()) peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
      return peak;
    }

    void stop() throws InterruptedException {
      process.destroy(); // SIGTERM: shutdown hooks run, JFR dumps its recording
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }

  /** Heap occupancy after a full GC, via jcmd. */
  static final class Heap {
    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    static long afterGc(long pid) throws Exception {
      run("jcmd", Long.toString(pid), "GC.run");
      Thread.sleep(500);
      String info = run("jcmd", Long.toString(pid), "GC.heap_info");
      Matcher m = USED.matcher(info);
      return m.find() ? Long.parseLong(m.group(2)) / 1024 : -1;
    }

    static String run(String... cmd) throws Exception {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
      }
    }
  }

  static String fmt(String f, Object... a) {
    return String.format(Locale.ROOT, f, a);
  }
}
