package org.policysearch.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexHealth;
import org.policysearch.index.IndexListener;
import org.policysearch.index.Indexer;
import org.policysearch.index.IndexReport;
import org.policysearch.search.DocumentReader;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchBackend;
import org.policysearch.search.SearchService;
import org.policysearch.solr.SolrSearchBackend;
import org.policysearch.search.Suggester;
import org.policysearch.terms.Glossary;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.corpus.CorpusWatcher;
import org.policysearch.web.TermsApi;
import org.policysearch.search.Concordance;
import org.policysearch.web.WebApp;
import org.policysearch.web.WebAssets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code policy-search serve}: brings the index up to date with the corpus, starts the web server,
 * then keeps the index current: a watcher re-indexes changed files in the background while
 * searches go on (one SearcherManager, refreshed after each commit).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the search API and web pages (http://127.0.0.1:7070 by default).",
        "The corpus is indexed on start when the index is missing or stale, and re-indexed when files change."})
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin CommonOptions common;
  @Mixin SolrOptions solr;
  @Mixin OcrOptions ocr;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "7070")
  int port;

  @Option(names = "--web", paramLabel = "DIR", description = "Folder of the web UI (default: ${DEFAULT-VALUE}; else the copy in the jar).", defaultValue = "web")
  Path web;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "Also accept POST /api/reindex from other hosts when sent with Authorization: Bearer TOKEN.")
  String adminToken;

  /**
   * Quiet time after the last change in the corpus folder before it is re-indexed: long enough to
   * take an editor's save (write, rename) or a copied folder as one change, short enough that a
   * saved file is searchable within a second (issue 20).
   */
  static final Duration WATCH_DEBOUNCE = Duration.ofMillis(200);

  /** The search that warms the caches at start (both languages). */
  private static final String FIRST_QUERY = "安全可控 security";

  @Option(names = "--no-watch", description = "Do not watch the corpus folder for changes.")
  boolean noWatch;

  @Option(names = "--threads", paramLabel = "N", description = "Files extracted in parallel (default: number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) throw new CliException(ExitCodes.USAGE, "--port must be between 0 and 65535, not " + port);
    checkPortFree();
    Glossary glossary = common.loadGlossary();
    for (String p : glossary.problems()) LOG.warn("glossary: {}", p);
    WebAssets assets = WebAssets.of(web);
    LOG.info("serve: corpus {}, {}, glossary {}, web UI from {}, watch {}", common.corpus.toAbsolutePath(),
        solr.describe(common), common.glossaryFile() == null ? "built-in" : common.glossaryFile(), assets.describe(),
        !noWatch);
    try (Extractor extractor = new Extractor(ocr.apply(Extractor.Limits.DEFAULT))) {
      Indexing indexing = new Indexing(extractor, glossary);
      // a current, sound index is served at once and the files are checked against it in the background
      // (issue 20, cold start); a missing, older, damaged or Solr index is brought up to date first
      boolean checkLater = Files.isDirectory(common.corpus) && !solr.enabled() && Indexer.isCurrent(common.index, glossary)
          && IndexHealth.verify(common.index) == null;
      if (Files.isDirectory(common.corpus) && !checkLater) {
        indexing.run(); // incremental: a file whose size and modification time are unchanged is not even hashed
      } else if (!Files.isDirectory(common.corpus)) {
        LOG.warn("the corpus folder {} does not exist: serving an empty index. Start with --corpus DIR pointing at a folder "
            + "of documents (PDF, DOCX, HTML, Markdown, text).", common.corpus.toAbsolutePath());
      }
      // without a corpus to rebuild from, a damaged index stops here (checkLater: verified just above)
      if (!solr.enabled() && !checkLater) DamagedIndexes.refuseIfDamaged(common);
      try (SearchBackend search = solr.open(common, glossary)) {
        indexing.search = search;
        return serve(search, indexing, glossary, assets, checkLater);
      }
    }
  }

  private int serve(SearchBackend search, Indexing indexing, Glossary glossary, WebAssets assets, boolean checkLater)
      throws Exception {
    // the first search reads every document's metadata and the facet ordinals: it runs while the web
    // server starts, on the other core (issue 20, cold start); its failure is met again below
    Thread warmUp = new Thread(() -> {
      try {
        if (search instanceof SearchService local) local.warmUp();
        search.search(SearchRequest.of(FIRST_QUERY));
      } catch (IOException | RuntimeException e) {
        LOG.debug("warm-up search: {}", e.getMessage());
      }
    }, "warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    WebApp.Services services;
    if (search instanceof SolrSearchBackend remote) {
      services = new WebApp.Services(remote, remote, remote, new ConcordanceTerms(new Concordance(remote)), indexing::reindexNow);
    } else {
      SearchService local = (SearchService) search;
      Concordance concordance = new Concordance(local);
      services = new WebApp.Services(local, new DocumentReader(local), new Suggester(local),
          new ConcordanceTerms(concordance), indexing::reindexNow);
    }
    Javalin app = WebApp.create(new WebApp.Options(common.corpus, assets, adminToken), services);
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      if (isBindProblem(e)) {
        throw new CliException(ExitCodes.CANNOT_RUN, "cannot listen on " + host + ":" + port
            + ": the port is in use (another policy-search?) or the address is not this machine's; choose another with --port");
      }
      throw e;
    }
    LOG.info("listening on http://{}:{}", host.contains(":") ? "[" + host + "]" : host, app.port());
    try {
      warmUp.join();
      search.search(SearchRequest.of(FIRST_QUERY));
      long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      LOG.info("start-up to first answer: {} ms since JVM start ({} documents)", sinceJvm, search.documents().size());
    } catch (IOException | RuntimeException e) {
      app.stop();
      // damage beyond what the check on open reads, met by the first search
      CliException damaged = solr.enabled() ? null : DamagedIndexes.explain(common, e);
      if (damaged != null) throw damaged;
      throw e;
    }

    if (checkLater) startCorpusCheck(indexing);
    if (search instanceof SearchService local) startBackgroundCheck(local, indexing);

    CorpusWatcher watcher = null;
    if (!noWatch && Files.isDirectory(common.corpus)) {
      watcher = new CorpusWatcher(common.corpus, common.index, WATCH_DEBOUNCE, indexing::reindexChanged);
      watcher.start();
      LOG.info("watching {} for changes", common.corpus.toAbsolutePath());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CorpusWatcher w = watcher;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      try {
        if (w != null) w.close();
      } catch (IOException e) {
        LOG.warn("closing the watcher: {}", e.getMessage());
      }
      app.stop();
      stopped.countDown();
    }, "serve-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  /**
   * The run that brings a current index up to date with the files, after the server answers
   * (issue 20): searches meanwhile see the index as it was, and the run's refresh shows its work.
   */
  private void startCorpusCheck(Indexing indexing) {
    Thread t = new Thread(() -> {
      try {
        LOG.info("checking the corpus {} against the index while answering searches", common.corpus.toAbsolutePath());
        indexing.run();
      } catch (IOException | RuntimeException e) {
        LOG.error("checking the corpus failed: {}; searches go on from the index as it was", e.getMessage());
      }
    }, "corpus-check");
    t.setDaemon(true);
    t.start();
  }

  /** How long no indexing run must have gone on before the start-up check (or its next try) begins, and the most it waits. */
  private static final long CHECK_QUIET_MS = 3_000, CHECK_MAX_WAIT_MS = 60_000;

  /**
   * Lucene's full CheckIndex, once, in the background after start, when indexing pauses, beside
   * later runs (see {@link org.policysearch.index.IndexHealth#fullCheckBesideWriters}). On damage
   * the server refuses searches with the one sentence (HTTP 503) and rebuilds the index from the
   * corpus, then answers again.
   */
  private void startBackgroundCheck(SearchService local, Indexing indexing) {
    Thread t = new Thread(() -> {
      try {
        // beside indexing runs, so that a file saved meanwhile is searchable at once (issue 20), each try after a pause in
        // the runs (the start-up check's run, a burst of edits) so as not to slow them. A run's commit can make the answer
        // unsure: tried again, and only after three unsure answers between runs, which a file saved meanwhile waits for
        org.policysearch.index.IndexHealth.Report r = null;
        for (int attempt = 1; attempt <= 3 && r == null; attempt++) {
          indexing.awaitQuiet(CHECK_QUIET_MS, CHECK_MAX_WAIT_MS);
          r = org.policysearch.index.IndexHealth.fullCheckBesideWriters(common.index);
        }
        if (r == null) {
          LOG.info("full index check: the index changed while it was read, three times; checking it between indexing runs");
          synchronized (indexing) {
            r = org.policysearch.index.IndexHealth.fullCheck(common.index);
          }
        }
        if (r.clean()) {
          LOG.info("full index check (Lucene CheckIndex): {} segments, {} records, clean ({} s)", r.segments(), r.documents(),
              String.format("%.1f", r.seconds()));
          return;
        }
        String sentence = DamagedIndexes.sentence(common, r.damage().get(0).toString());
        local.refuse(sentence);
        LOG.error("{}", sentence);
        if (!Files.isDirectory(common.corpus)) return; // refused until someone rebuilds it
        LOG.warn("rebuilding the index from the corpus {}; searches are refused until it is done", common.corpus.toAbsolutePath());
        indexing.run(true);
        local.accept();
        LOG.info("the index was rebuilt from the corpus and is searched again");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (org.apache.lucene.store.LockObtainFailedException e) {
        LOG.warn("full index check skipped: another process is writing the index {}", common.index);
      } catch (IOException | RuntimeException e) {
        LOG.error("full index check or rebuild failed: {}", e.getMessage());
      }
    }, "index-check");
    t.setDaemon(true);
    t.start();
  }

  /** Fails before a possibly long indexing run when the port is taken (the real bind below still decides). */
  private void checkPortFree() {
    if (port == 0) return;
    try (java.net.ServerSocket s = new java.net.ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, "cannot listen on " + host + ":" + port + ": " + e.getMessage()
          + " (the port is in use, perhaps by another policy-search, or the address is not this machine's); choose another with --port");
    }
  }

  private static boolean isBindProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || t instanceof io.javalin.util.JavalinBindException) return true;
    }
    return false;
  }

  /** Indexing runs, one at a time (the watcher and POST /api/reindex share it), each followed by a refresh. */
  private final class Indexing {
    private final Extractor extractor;
    private final Glossary glossary;
    volatile SearchBackend search;
    private int ocrFilesReported;
    private boolean ocrProblemReported;
    private final java.util.Set<String> ocrFailedReported = new java.util.HashSet<>();

    Indexing(Extractor extractor, Glossary glossary) {
      this.extractor = extractor;
      this.glossary = glossary;
    }

    IndexReport run() throws IOException {
      return run(false);
    }

    synchronized IndexReport run(boolean full) throws IOException {
      return run(full, null);
    }

    /** Whether a run is going on, and when the last one ended (System.nanoTime): the start-up check waits for a pause. */
    private volatile boolean running;
    private volatile long lastRunEnded = System.nanoTime();

    /**
     * Waits until no run has gone on for quietMs (edits come in bursts, and the start-up check's
     * run comes first), or maxWaitMs have passed: the background CheckIndex then takes a core
     * without slowing a run that makes a saved file searchable.
     */
    void awaitQuiet(long quietMs, long maxWaitMs) throws InterruptedException {
      long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
      while (System.nanoTime() < deadline && (running || System.nanoTime() - lastRunEnded < quietMs * 1_000_000)) Thread.sleep(200);
    }

    /** @param only the paths (relative to the corpus folder) to look at, null for every file */
    synchronized IndexReport run(boolean full, java.util.Set<String> only) throws IOException {
      running = true;
      try {
        return runNow(full, only);
      } finally {
        running = false;
        lastRunEnded = System.nanoTime();
      }
    }

    private IndexReport runNow(boolean full, java.util.Set<String> only) throws IOException {
      IndexReport r;
      try {
        r = IndexRun.run(common.corpus, common.index, solr, common.glossaryFile(), glossary, extractor, full, threads,
            IndexListener.NONE, only);
      } catch (OutOfMemoryError e) {
        // the run's writer is rolled back (the last commit stands) and its memory is free again; the searches' is not
        // touched: say so instead of letting the thread die with a stack trace
        throw new CliException(ExitCodes.CANNOT_RUN, "indexing ran out of memory (this server's heap is "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); searches go on from the last complete index: "
            + "start serve with more heap, as java -Xmx512m -jar ...");
      }
      if (search != null) search.refresh(); // searchable before the summary says so
      if (r.rebuilt() != null) LOG.warn("{}", r.rebuilt());
      if (r.mergeProblem() != null) LOG.warn("{}", r.mergeProblem());
      LOG.info("{}; {} documents, {} passages ({} s)", r.counts().summary(), r.documents(), r.passages(),
          String.format("%.1f", r.seconds()));
      for (IndexReport.Failure f : r.failures()) LOG.warn("not indexed: {}: {} ({})", f.source(), f.reason(), f.outcome());
      if (extractor.ocrFiles() > ocrFilesReported) {
        LOG.info("OCR: {} files, {} pages read from images so far", extractor.ocrFiles(), extractor.ocrPages());
        ocrFilesReported = extractor.ocrFiles();
      }
      String ocrProblem = extractor.ocrProblem();
      if (ocrProblem != null && !ocrProblemReported) {
        LOG.warn("OCR: {} Not OCR'd: {}", ocrProblem, String.join(", ", extractor.ocrMissed()));
        ocrProblemReported = true; // said once per server run
      }
      for (String f : extractor.ocrFailed()) {
        if (ocrFailedReported.add(f)) LOG.warn("OCR failed, only the text layer is indexed: {}", f);
      }
      return r;
    }

    Object reindexNow() throws IOException, org.policysearch.web.Reindexer.Failed {
      if (!Files.isDirectory(common.corpus)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "no_corpus");
        m.put("message", "The corpus folder " + common.corpus.toAbsolutePath() + " does not exist; start the server with --corpus DIR.");
        return m;
      }
      try {
        return run();
      } catch (CliException e) {
        LOG.error("re-indexing failed: {}", e.getMessage());
        throw new org.policysearch.web.Reindexer.Failed(e.getMessage() + "; searches go on from the last complete index");
      }
    }

    /** What the watcher saw change (null: it lost track, so every file). */
    void reindexChanged(java.util.Set<String> changed) {
      try {
        boolean everything = changed == null || changed.isEmpty() || changed.stream().anyMatch(p -> {
          String name = p.substring(p.lastIndexOf('/') + 1);
          // metadata and glossary files speak of other files: look at every file
          return name.equals(CorpusScanner.SOURCES_FILE) || name.equals(CorpusScanner.GLOSSARY_FILE);
        });
        run(false, everything ? null : changed);
      } catch (IOException | CliException e) {
        LOG.error("re-indexing failed: {}", e.getMessage());
      }
    }

    void reindexQuietly() {
      try {
        run();
      } catch (IOException | CliException e) {
        LOG.error("re-indexing failed: {}", e.getMessage());
      }
    }
  }

  /** /api/terms and /api/terms/{id}: the concordance, the same JSON as {@code terms --json}. */
  private record ConcordanceTerms(Concordance concordance) implements TermsApi {
    @Override
    public Object terms() throws IOException {
      return concordance.overview();
    }

    @Override
    public Object term(String id, String doc) throws IOException {
      return concordance.term(id, doc);
    }
  }
}
