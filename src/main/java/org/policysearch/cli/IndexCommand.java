package org.policysearch.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.FileOutcome;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.terms.Glossary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policy-search index}: (re)indexes the corpus folder incrementally. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Index every document of the corpus folder (incremental: unchanged files are skipped).",
        "Exit codes: 0 all indexed, 1 indexed with failures, 2 bad usage, 3 could not run."})
final class IndexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin SolrOptions solr;
  @Mixin OcrOptions ocr;

  @Option(names = "--full", description = "Rebuild the index from scratch.")
  boolean full;

  @Option(names = "--threads", paramLabel = "N", description = "Files extracted in parallel (default: number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up on a file whose extraction takes longer (default: ${DEFAULT-VALUE}).")
  int timeout = 120;

  @Option(names = "--max-file-mb", paramLabel = "MB", description = "Skip files larger than this, reported as too large (default: ${DEFAULT-VALUE}).")
  int maxFileMb = (int) (Extractor.Limits.DEFAULT_MAX_FILE_BYTES / (1024 * 1024));

  @Option(names = "--extract-heap", paramLabel = "SIZE", description = "Memory of the extraction process, as for java -Xmx (default: ${DEFAULT-VALUE}); a file needing more is reported, not fatal.")
  String extractHeap = Extractor.Limits.DEFAULT_CHILD_HEAP;

  @Option(names = "--extract-in-process", description = "Parse in this process instead of a separate one (faster start, but a looping parser or an out-of-memory file is not contained).")
  boolean inProcess;

  @Option(names = "--max-chars", paramLabel = "N", description = "Index at most this many characters of one file; longer files are reported as truncated (default: ${DEFAULT-VALUE}).")
  long maxChars = 50_000_000L;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    Glossary glossary = common.loadGlossary();
    for (String p : glossary.problems()) System.err.println("glossary: " + p);
    IndexReport r;
    try (Extractor ex = new Extractor(limits())) {
      r = IndexRun.run(common.corpus, common.index, solr, common.glossaryFile(), glossary, ex, full, threads, listener());
      printSummary(out, r);
      OcrOptions.printSummary(out, ex);
    }
    return r.failures().isEmpty() ? ExitCodes.OK : ExitCodes.INDEXED_WITH_FAILURES;
  }

  private Extractor.Limits limits() {
    if (maxFileMb < 1) throw new CliException(ExitCodes.USAGE, "--max-file-mb must be at least 1, not " + maxFileMb);
    try {
      return ocr.apply(new Extractor.Limits(maxChars, timeout, maxFileMb * 1024L * 1024L, extractHeap, !inProcess));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
  }

  static void printSummary(PrintStream out, IndexReport r) {
    if (r.rebuilt() != null) out.println(r.rebuilt());
    if (r.mergeProblem() != null) out.println("note: " + r.mergeProblem());
    out.println(r.counts().summary());
    out.printf("%d documents, %d passages in the index; %,d characters extracted in %.1f s (%.2f MB/s)%n", r.documents(),
        r.passages(), r.characters(), r.seconds(), r.megabytesPerSecond());
    for (IndexReport.Failure f : r.failures()) {
      out.printf("  FAILED %s: %s (%s)%s%n", f.source(), f.reason(), f.outcome(), f.keptPrevious() ? "; previous version kept" : "");
    }
  }

  /** A progress bar on a terminal, plain lines otherwise. */
  private static IndexListener listener() {
    boolean terminal = System.console() != null;
    return new IndexListener() {
      private ProgressBar bar;
      private int total, done;
      private long lastLine;

      @Override
      public synchronized void start(int files) {
        total = files;
        if (terminal && files > 0) {
          bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(files).setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200).build();
        } else {
          System.err.println("indexing " + files + " files");
        }
      }

      @Override
      public synchronized void fileDone(String source, FileOutcome what) {
        done++;
        if (bar != null) {
          bar.step();
          bar.setExtraMessage(source.length() > 30 ? "…" + source.substring(source.length() - 29) : source);
        } else if (System.currentTimeMillis() - lastLine > 2000 || done == total || total <= 50) {
          System.err.printf("[%d/%d] %s %s%n", done, total, what, source);
          lastLine = System.currentTimeMillis();
        }
      }

      @Override
      public synchronized void finish() {
        if (bar != null) bar.close();
      }
    };
  }
}
