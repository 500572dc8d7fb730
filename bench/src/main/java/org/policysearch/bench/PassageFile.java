package org.policysearch.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The already-extracted corpus every engine indexes from: documents with their passages, exactly
 * as our extraction and {@code PassageSplitter} made them, plus the glossary concepts our tagger
 * found in each passage (for Solr's term field; plain Lucene ignores them, ours re-tags). JDK only,
 * so both the policy-search and the Solr class paths can read it.
 */
public final class PassageFile {
  private PassageFile() {}

  public record Psg(int ordinal, int page, String lang, String text, int start, int end, String anchor, List<String> terms) {}

  public record Doc(String id, String source, String title, String date, String lang, String mediaType, List<Psg> passages) {
    public long textBytes() {
      long n = 0;
      for (Psg p : passages) n += p.text().getBytes(StandardCharsets.UTF_8).length;
      return n;
    }
  }

  public static void write(Path file, List<Doc> docs) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(docs.size());
      for (Doc d : docs) {
        str(out, d.id());
        str(out, d.source());
        str(out, d.title());
        str(out, d.date());
        str(out, d.lang());
        str(out, d.mediaType());
        out.writeInt(d.passages().size());
        for (Psg p : d.passages()) {
          out.writeInt(p.ordinal());
          out.writeInt(p.page());
          str(out, p.lang());
          str(out, p.text());
          out.writeInt(p.start());
          out.writeInt(p.end());
          str(out, p.anchor());
          out.writeInt(p.terms().size());
          for (String t : p.terms()) str(out, t);
        }
      }
    }
  }

  public static List<Doc> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int n = in.readInt();
      List<Doc> docs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = str(in), source = str(in), title = str(in), date = str(in), lang = str(in), type = str(in);
        int np = in.readInt();
        List<Psg> ps = new ArrayList<>(np);
        for (int j = 0; j < np; j++) {
          int ord = in.readInt(), page = in.readInt();
          String pl = str(in), text = str(in);
          int start = in.readInt(), end = in.readInt();
          String anchor = str(in);
          int nt = in.readInt();
          List<String> terms = new ArrayList<>(nt);
          for (int k = 0; k < nt; k++) terms.add(str(in));
          ps.add(new Psg(ord, page, pl, text, start, end, anchor, terms));
        }
        docs.add(new Doc(id, source, title, date, lang, type, ps));
      }
      return docs;
    }
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String str(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    byte[] b = in.readNBytes(n);
    return new String(b, StandardCharsets.UTF_8);
  }

  public static long textBytes(List<Doc> docs) {
    long n = 0;
    for (Doc d : docs) n += d.textBytes();
    return n;
  }

  public static int passages(List<Doc> docs) {
    int n = 0;
    for (Doc d : docs) n += d.passages().size();
    return n;
  }

  /** Bytes under a folder (an index's size on disk). */
  public static long sizeOf(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  /** One result line the orchestrator parses: RESULT key=value ... */
  /** One indexing thread's work: documents one at a time, then whatever it still holds. */
  public interface Worker {
    void index(Doc d) throws Exception;

    default void finish() throws Exception {}
  }

  /** Indexes docs on threads threads, each taking the next document until none is left (same for every engine). */
  public static void inParallel(List<Doc> docs, int threads, java.util.function.Supplier<Worker> perThread) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(pool.submit(() -> {
          Worker w = perThread.get();
          for (int i; (i = next.getAndIncrement()) < docs.size(); ) w.index(docs.get(i));
          w.finish();
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : tasks) f.get();
    } finally {
      pool.shutdown();
    }
  }

  /** Prints the RESULT line of an engine that started at t0 (System.nanoTime) and wrote its index into dir. */
  public static void result(String engine, List<Doc> docs, long t0, Path dir) throws IOException {
    result(engine, docs.size(), passages(docs), textBytes(docs), (System.nanoTime() - t0) / 1e9, sizeOf(dir));
  }

  public static void result(String engine, int docs, int passages, long textBytes, double seconds, long indexBytes) {
    System.out.printf(java.util.Locale.ROOT, "RESULT engine=%s docs=%d passages=%d textBytes=%d seconds=%.3f indexBytes=%d%n",
        engine, docs, passages, textBytes, seconds, indexBytes);
  }
}
