package org.policysearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recoll's {@code recollindex} over the same files, files to searchable (issue 20), for the end to
 * end comparison with our {@code index --full}. Debian 12: {@code apt-get install -y
 * --no-install-recommends recollcmd} (recollindex and recollq without the GUI; Recoll 1.34). Recoll
 * maps {@code .md} to text/plain, so no external filter runs for this corpus.
 *
 * <p>The configuration (written to {@code CONF/recoll.conf}): topdirs = the corpus, the Xapian index
 * in its own folder; CJK text as character bigrams ({@code nocjk = 0}, {@code cjkngramlen = 2},
 * Recoll's n-gram indexing, comparable to our Han bigrams); English stemming only
 * ({@code indexstemminglanguages = english}); no aspell dictionary ({@code noaspell = 1}, we build no
 * spelling dictionary); {@code idxflushmb = 64} (near Recoll's default of 50; its documentation calls values beyond about 200 counterproductive, so it does not follow our 256 MB buffer); the multithreaded pipeline on its
 * automatic setting ({@code thrQSizes = 0}, by the number of cores); nothing skipped by name, no
 * size limit on text files. {@code recollindex -z} resets the index first (a full rebuild).
 */
final class Recoll {
  private Recoll() {}

  record Result(double seconds, int exitCode, long indexBytes, long allDocs, String zhWord, long zhDocs, String enWord, long enDocs,
      String version) {}

  static boolean available() {
    try {
      Process p = new ProcessBuilder("recollindex", "-h").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor();
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static void writeConfig(Path conf, Path corpus, Path db) throws IOException {
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("recoll.conf"), String.join("\n",
        "topdirs = " + corpus,
        "dbdir = " + db,
        "skippedNames = ",
        "skippedPaths = ",
        "nocjk = 0",
        "cjkngramlen = 2",
        "indexstemminglanguages = english",
        "noaspell = 1",
        "idxflushmb = 64",
        "thrQSizes = 0",
        "textfilemaxmbs = -1",
        "loglevel = 2",
        "") );
  }

  /** A full rebuild timed, then the index's size and recollq's document counts (all, and for one Chinese and one English word). */
  static Result index(Path conf, Path corpus, Path db, Path log, String zhWord, String enWord) throws Exception {
    Bench.deleteTree(db);
    Bench.deleteTree(conf);
    writeConfig(conf, corpus, db);
    List<String> cmd = List.of("recollindex", "-c", conf.toString(), "-z");
    System.out.println("$ " + String.join(" ", cmd));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int rc = p.waitFor();
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Result(secs, rc, PassageFile.sizeOf(db), count(conf, "mime:text/plain"), zhWord, count(conf, zhWord), enWord,
        count(conf, enWord), version());
  }

  private static final Pattern RESULTS = Pattern.compile("(?m)^(\\d+) results");

  /** recollq's exact document count for a query (-E exact count, -Q no result lines). */
  static long count(Path conf, String query) throws Exception {
    if (query == null || query.isBlank()) return -1;
    String out = Bench.Heap.run("recollq", "-c", conf.toString(), "-E", "-Q", query);
    Matcher m = RESULTS.matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  static String version() {
    try {
      String out = Bench.Heap.run("dpkg-query", "-W", "-f", "${Version}", "recollcmd");
      return out.isBlank() || out.contains("no packages") ? "?" : "Recoll " + out.strip();
    } catch (Exception e) {
      return "?";
    }
  }

  /** The words of the query set recollq is asked about: the first single word of each language. */
  static String[] words(List<BenchQuery> qs) {
    String zh = null, en = null;
    for (BenchQuery q : qs) {
      if (zh == null && q.kind().equals("zh_word") && q.oursTerm().isEmpty()) zh = q.ours();
      if (en == null && q.kind().equals("en_word") && q.oursTerm().isEmpty()) en = q.ours();
    }
    return new String[] {zh, en};
  }

  static List<String> describe() {
    List<String> l = new ArrayList<>();
    l.add("nocjk = 0, cjkngramlen = 2, indexstemminglanguages = english, noaspell = 1, idxflushmb = 64, thrQSizes = 0 (automatic threads)");
    return l;
  }
}
