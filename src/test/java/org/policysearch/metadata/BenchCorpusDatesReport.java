package org.policysearch.metadata;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policysearch.extraction.FrontMatter;

/**
 * How often the date rules date the benchmark corpus and agree with the dates it states elsewhere
 * (issue 17): the 3,502 laws name their version date in the file name ("反垄断法(2007-08-30).md"),
 * the 14,341 White House releases carry it in their front matter. Each document is read straight
 * from ../shared/bench-corpus/*.tar.gz (nothing extracted), its front matter taken off as the
 * indexer does, and dated twice: by its text alone (the file name and front matter withheld), and
 * as the indexer dates a file without SOURCES.tsv or front matter (text, then file name).
 *
 * <p>Not part of the default test run: {@code mvn -B -q -P metadata-report test}. The table is
 * printed and written to {@code target/bench-corpus-dates.md}.
 */
@Tag("metadata-report")
class BenchCorpusDatesReport {
  private static final Pattern NAME_DATE = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2})\\)\\.md$");

  /** Counts for one collection and one way of dating. */
  private static final class Tally {
    int documents, dated, withTruth, datedWithTruth, sameYear, sameDate;
    final Map<String, Integer> sources = new TreeMap<>();

    void add(DocumentMetadata m, String truth) {
      documents++;
      if (m.date() != null) {
        dated++;
        sources.merge(m.dateSource(), 1, Integer::sum);
      }
      if (truth == null) return;
      withTruth++;
      if (m.date() == null) return;
      datedWithTruth++;
      if (m.date().startsWith(truth.substring(0, 4))) sameYear++;
      if (m.date().equals(truth)) sameDate++;
    }

    String row(String collection, String how) {
      return String.format("| %s | %s | %,d | %,d (%.1f%%) | %,d | %,d (%.1f%% / %.1f%%) | %,d (%.1f%%) |", collection, how, documents,
          dated, pct(dated, documents), withTruth, sameYear, pct(sameYear, datedWithTruth), pct(sameYear, withTruth), sameDate,
          pct(sameDate, datedWithTruth));
    }
  }

  private static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  @Test
  void datesOfTheBenchmarkCorpus() throws IOException {
    Path dir = Path.of(System.getProperty("policysearch.benchCorpus", "../shared/bench-corpus")).toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(dir.resolve("laws-zh.tar.gz")), "bench corpus not found at " + dir);
    StringBuilder out = new StringBuilder("| collection | dated by | documents | dated | with a stated date | same year (% of those dated / % of all with a stated date) | same day (% of those dated) |\n"
        + "|---|---|---:|---:|---:|---:|---:|\n");
    Tally lawsText = new Tally(), lawsAll = new Tally(), whText = new Tally(), whAll = new Tally();
    read(dir.resolve("laws-zh.tar.gz"), (name, text) -> {
      if (name.endsWith("/_index.md")) return; // folder descriptions of the source repository, not laws
      Matcher m = NAME_DATE.matcher(name);
      String truth = m.find() ? m.group(1) : null;
      FrontMatter.Split fm = FrontMatter.parse(text);
      String body = fm == null ? text : fm.body();
      lawsText.add(MetadataInference.infer(body, null, null, null), truth);
      lawsAll.add(timed(body, fileName(name)), truth);
    });
    read(dir.resolve("whitehouse-en.tar.gz"), (name, text) -> {
      FrontMatter.Split fm = FrontMatter.parse(text);
      String truth = fm == null ? null : fm.frontMatter().date();
      String body = fm == null ? text : fm.body();
      whText.add(MetadataInference.infer(body, null, null, null), truth);
      whAll.add(timed(body, fileName(name)), truth);
    });
    out.append(lawsText.row("laws-zh", "text alone")).append('\n')
        .append(lawsAll.row("laws-zh", "text, then file name")).append('\n')
        .append(whText.row("whitehouse-en", "text alone")).append('\n')
        .append(whAll.row("whitehouse-en", "text, then file name")).append('\n')
        .append("\nRules that dated the documents (text alone): laws-zh ").append(lawsText.sources)
        .append("; whitehouse-en ").append(whText.sources).append('\n')
        .append(String.format("%nTime in the indexer's two calls (one thread, JIT warm-up included): "
            + "MetadataInference.infer %.1f s, TextFingerprint.of %.1f s for %,d documents, %,d characters%n",
            inferNanos / 1e9, fingerprintNanos / 1e9, timedDocs, timedChars));
    System.out.println(out);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "bench-corpus-dates.md"), out, StandardCharsets.UTF_8);
    assertTrue(lawsText.documents > 3000 && whText.documents > 14000, "the whole corpus was read");
  }

  private long inferNanos, fingerprintNanos, timedChars;
  private int timedDocs;

  /** The indexer's two calls on a document without SOURCES.tsv or front matter, timed. */
  private DocumentMetadata timed(String body, String fileName) {
    long t0 = System.nanoTime();
    DocumentMetadata m = MetadataInference.infer(body, null, null, fileName);
    long t1 = System.nanoTime();
    TextFingerprint.of(body);
    fingerprintNanos += System.nanoTime() - t1;
    inferNanos += t1 - t0;
    timedDocs++;
    timedChars += body.length();
    return m;
  }

  private interface Visitor {
    void visit(String name, String text) throws IOException;
  }

  private static void read(Path tarGz, Visitor v) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarGz));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        if (!e.isFile() || !e.getName().endsWith(".md")) continue;
        v.visit(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
