package org.policysearch.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The measurements of issue 20 ("Scale") that need our server only: edit to searchable, and the reader's answer for the longest document. */
final class Scale {
  private Scale() {}

  /** Latencies of one kind of edit, in ms, in the order measured; timeouts are counted apart. */
  record EditTimes(String kind, long[] ms, int timeouts) {
    double median() {
      long[] s = ms.clone();
      Arrays.sort(s);
      return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    long max() {
      return Arrays.stream(ms).max().orElse(-1);
    }
  }

  /** A token no corpus holds: letters only (a digit would split it), different for every edit of a run. */
  static String token(String kind, int i, long runSeed) {
    StringBuilder b = new StringBuilder("zqx").append(kind.charAt(0));
    long v = runSeed * 1000 + i;
    for (int k = 0; k < 8; k++) {
      b.append((char) ('a' + (int) Math.floorMod(v, 26L)));
      v /= 26;
    }
    return b.append("qzv").toString();
  }

  /**
   * Edit to searchable with the corpus watcher on: for each repetition, (a) append a line with a new
   * token to one small .txt file, and (b) separately create a new small .txt file with a new token;
   * from the write returning to the first lookup ({@code /api/search?q=TOKEN&limit=0}) that finds it,
   * polled every 10 ms. The files go under {@code CORPUS/_bench_edits/} and are removed afterwards.
   */
  static List<EditTimes> editToSearchable(Engine ours, Path corpus, int reps, long timeoutMs) throws Exception {
    Path dir = corpus.resolve("_bench_edits");
    Bench.deleteTree(dir);
    Files.createDirectories(dir);
    long seed = System.currentTimeMillis() % 100_000;
    Path appended = dir.resolve("appended-note.txt");
    // the file appended to exists and is searchable before the first timed append
    String first = token("base", 0, seed);
    Files.writeString(appended, "Bench notes on the policy corpus, kept short. " + first + "\n", StandardCharsets.UTF_8);
    if (waitFound(ours, first, 120_000) < 0) throw new IOException("the watcher did not index " + appended + " within 120 s");
    long[] app = new long[reps], created = new long[reps];
    int appTimeouts = 0, createdTimeouts = 0;
    for (int i = 0; i < reps; i++) {
      String t = token("append", i, seed);
      long t0 = System.nanoTime();
      Files.writeString(appended, "A further note on data security " + t + ".\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      long ms = waitFound(ours, t, timeoutMs, t0);
      if (ms < 0) appTimeouts++;
      app[i] = ms < 0 ? timeoutMs : ms;
      System.out.printf("edit %d: append to a .txt file searchable after %d ms%n", i + 1, app[i]);
      Thread.sleep(500);
      String c = token("create", i, seed);
      t0 = System.nanoTime();
      Files.writeString(dir.resolve("new-note-" + (i + 1) + ".txt"), "A new note on the national security strategy " + c + ".\n",
          StandardCharsets.UTF_8);
      ms = waitFound(ours, c, timeoutMs, t0);
      if (ms < 0) createdTimeouts++;
      created[i] = ms < 0 ? timeoutMs : ms;
      System.out.printf("edit %d: new .txt file searchable after %d ms%n", i + 1, created[i]);
      Thread.sleep(500);
    }
    return List.of(new EditTimes("append a token to a small .txt file", app, appTimeouts),
        new EditTimes("create a new small .txt file", created, createdTimeouts));
  }

  private static long waitFound(Engine ours, String token, long timeoutMs) throws Exception {
    return waitFound(ours, token, timeoutMs, System.nanoTime());
  }

  /** ms from t0 to the first lookup that finds the token; -1 after timeoutMs. */
  private static long waitFound(Engine ours, String token, long timeoutMs, long t0) throws Exception {
    String url = "http://127.0.0.1:" + ours.port + "/api/search?q=" + Engine.enc(token) + "&limit=0";
    while ((System.nanoTime() - t0) / 1_000_000 < timeoutMs) {
      HttpResponse<String> r = ours.get(url);
      if (r.statusCode() == 200 && ours.hits(r.body()) > 0) return (System.nanoTime() - t0) / 1_000_000;
      Thread.sleep(10);
    }
    return -1;
  }

  /** The reader's first answer for the document with the most passages. */
  record LongDoc(String id, long passages, long fileBytes, long bytes, double[] ms, int status, String paging) {
    double medianMs() {
      double[] s = ms.clone();
      Arrays.sort(s);
      return s[s.length / 2];
    }
  }

  private static final Pattern DOC = Pattern.compile("\\{\"id\":\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern PASSAGES = Pattern.compile("\"passages\":(\\d+)");
  private static final Pattern PAGING = Pattern.compile("\"(passage_count|next|total_passages|has_more|offset|limit)\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]]+)");

  /**
   * {@code GET /api/docs/{id}} for the longest document, 5 times: the size of the first answer and the median time. The longest
   * document is the one whose source is the corpus's largest file (its "source" in /api/docs); failing that, the one with the most passages.
   */
  static LongDoc longestDocument(Engine ours, Path corpus) throws Exception {
    Path largest = null;
    long size = -1;
    try (java.util.stream.Stream<Path> s = Files.walk(corpus)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        if (Files.size(f) > size) {
          size = Files.size(f);
          largest = f;
        }
      }
    }
    String wanted = largest == null ? null
        : "\"source\":\"" + corpus.relativize(largest).toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    HttpResponse<String> all = ours.get("http://127.0.0.1:" + ours.port + "/api/docs");
    if (all.statusCode() != 200) throw new IOException("/api/docs: HTTP " + all.statusCode());
    String body = all.body();
    String best = null;
    long most = -1;
    Matcher m = DOC.matcher(body);
    List<int[]> starts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start()});
      ids.add(m.group(1).replace("\\/", "/").replace("\\\"", "\""));
    }
    String byPassages = null;
    long mostPassages = -1;
    for (int i = 0; i < ids.size(); i++) {
      String obj = body.substring(starts.get(i)[0], i + 1 < starts.size() ? starts.get(i + 1)[0] : body.length());
      Matcher p = PASSAGES.matcher(obj);
      long n = p.find() ? Long.parseLong(p.group(1)) : -1;
      if (wanted != null && obj.contains(wanted)) {
        best = ids.get(i);
        most = n;
      }
      if (n > mostPassages) {
        mostPassages = n;
        byPassages = ids.get(i);
      }
    }
    if (best == null) { // the largest file is no document: the one with the most passages
      best = byPassages;
      most = mostPassages;
      size = -1;
    }
    if (best == null) throw new IOException("no document in /api/docs");
    String url = "http://127.0.0.1:" + ours.port + "/api/docs/" + Engine.enc(best).replace("+", "%20");
    double[] ms = new double[5];
    HttpResponse<byte[]> first = null;
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = Engine.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (first == null) first = r;
    }
    String text = new String(first.body(), StandardCharsets.UTF_8);
    StringBuilder paging = new StringBuilder();
    Matcher pg = PAGING.matcher(text.length() > 4000 ? text.substring(0, 2000) + text.substring(text.length() - 2000) : text);
    while (pg.find()) paging.append(paging.length() == 0 ? "" : ", ").append(pg.group(1)).append('=').append(pg.group(2));
    return new LongDoc(best, most, size, first.body().length, ms, first.statusCode(), paging.toString());
  }
}
