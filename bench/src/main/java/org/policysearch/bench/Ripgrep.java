package org.policysearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The no-index baseline: {@code rg -F -i -l PHRASE TEXTDIR} over the extracted text, per quoted phrase (median of 3 runs). */
final class Ripgrep {
  private Ripgrep() {}

  /** @param filesByQuery the text files ripgrep lists per query (file names, one per document) */
  record Result(String version, Map<Integer, Long> nanosByQuery, Map<Integer, Set<String>> filesByQuery) {}

  static Result run(List<BenchQuery> qs, Path textDir) throws Exception {
    String version;
    try {
      version = Bench.Heap.run("rg", "--version").lines().findFirst().orElse("?");
    } catch (java.io.IOException e) {
      System.out.println("ripgrep not found (apt-get install -y ripgrep): skipped");
      return null;
    }
    Map<Integer, Long> t = new LinkedHashMap<>();
    Map<Integer, Set<String>> files = new LinkedHashMap<>();
    for (int i = 0; i < qs.size(); i++) {
      String p = qs.get(i).phrase();
      if (p.isEmpty()) continue;
      long[] runs = new long[3];
      Set<String> names = new TreeSet<>();
      for (int r = 0; r < runs.length; r++) {
        long s = System.nanoTime();
        Process pr = new ProcessBuilder("rg", "-F", "-i", "-l", "--", p, textDir.toString()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = pr.getInputStream()) {
          out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        pr.waitFor();
        runs[r] = System.nanoTime() - s;
        names.clear();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> names.add(Path.of(l).getFileName().toString()));
      }
      Arrays.sort(runs);
      t.put(i, runs[1]);
      files.put(i, names);
    }
    return new Result(version, t, files);
  }

  /** The text file Prepare writes for a document id. */
  static String fileOf(String docId) {
    return docId.replace('/', '_') + ".txt";
  }

  /**
   * Our documents for a phrase against ripgrep's files. We match across line breaks, spaces and
   * punctuation and after NFKC, so we should find every file ripgrep finds, except where ripgrep's
   * match lies inside longer words ({@code -F} matches substrings: "laws of the" in "outlaws of
   * the"); those are counted apart by reading the file. {@code unexplained} lists the rest.
   */
  record SetCheck(int rg, int ours, int both, int onlyOurs, int onlyRgInsideWords, List<String> unexplained) {}

  static SetCheck compare(String phrase, Set<String> rgFiles, List<String> ourDocs, Path textDir) throws IOException {
    Set<String> ours = new TreeSet<>();
    for (String d : ourDocs) ours.add(fileOf(d));
    int both = 0, inside = 0;
    List<String> unexplained = new ArrayList<>();
    for (String f : rgFiles) {
      if (ours.contains(f)) both++;
      else if (!wordBounded(Files.readString(textDir.resolve(f), StandardCharsets.UTF_8), phrase)) inside++;
      else unexplained.add(f);
    }
    return new SetCheck(rgFiles.size(), ours.size(), both, ours.size() - both, inside, unexplained);
  }

  /** Whether the phrase occurs (ignoring case) with no letter or digit glued to either end (CJK characters always stand alone). */
  static boolean wordBounded(String text, String phrase) {
    String t = text.toLowerCase(Locale.ROOT), p = phrase.toLowerCase(Locale.ROOT);
    for (int i = t.indexOf(p); i >= 0; i = t.indexOf(p, i + 1)) {
      boolean left = i == 0 || !glued(t.codePointBefore(i), p.codePointAt(0));
      int end = i + p.length();
      boolean right = end >= t.length() || !glued(t.codePointAt(end), p.codePointBefore(p.length()));
      if (left && right) return true;
    }
    return false;
  }

  private static boolean glued(int outside, int inside) {
    return Character.isLetterOrDigit(outside) && Character.isLetterOrDigit(inside) && !isHan(outside) && !isHan(inside);
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
