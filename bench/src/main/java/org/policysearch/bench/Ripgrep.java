package org.policysearch.bench;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** The no-index baseline: {@code rg -F -i -l PHRASE TEXTDIR} over the extracted text, per quoted phrase (median of 3 runs). */
final class Ripgrep {
  private Ripgrep() {}

  record Result(String version, Map<Integer, Long> nanosByQuery, Map<Integer, Integer> filesByQuery) {}

  static Result run(List<BenchQuery> qs, Path textDir) throws Exception {
    String version;
    try {
      version = Bench.Heap.run("rg", "--version").lines().findFirst().orElse("?");
    } catch (java.io.IOException e) {
      System.out.println("ripgrep not found (apt-get install -y ripgrep): skipped");
      return null;
    }
    Map<Integer, Long> t = new LinkedHashMap<>();
    Map<Integer, Integer> files = new LinkedHashMap<>();
    for (int i = 0; i < qs.size(); i++) {
      String p = qs.get(i).phrase();
      if (p.isEmpty()) continue;
      long[] runs = new long[3];
      int n = 0;
      for (int r = 0; r < runs.length; r++) {
        long s = System.nanoTime();
        Process pr = new ProcessBuilder("rg", "-F", "-i", "-l", "--", p, textDir.toString()).redirectErrorStream(true).start();
        try (InputStream in = pr.getInputStream()) {
          n = (int) new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count();
        }
        pr.waitFor();
        runs[r] = System.nanoTime() - s;
      }
      Arrays.sort(runs);
      t.put(i, runs[1]);
      files.put(i, n);
    }
    return new Result(version, t, files);
  }
}
