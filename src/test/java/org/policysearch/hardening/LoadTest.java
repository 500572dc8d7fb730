package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policysearch.testing.DemoCorpus;

/**
 * 32 concurrent clients send mixed queries over loopback for {@code policysearch.loadSeconds}
 * (default 60) against the server on the demo corpus while full re-index runs follow one another:
 * zero errors, heap sampled after GC every 5 s without a growth trend, latency percentiles
 * printed. Runs only in the hardening profile ({@code mvn -P hardening test}).
 */
@Tag("load")
class LoadTest {
  static final List<String> QUERIES = List.of("q=%22secure+and+controllable%22", "q=%E5%AE%89%E5%85%A8%E5%8F%AF%E6%8E%A7",
      "q=semiconductors", "q=section+301+tariffs", "q=%E4%B8%AD%E5%9B%BD%E5%88%B6%E9%80%A02025", "q=made+in+china&lang=en",
      "q=%E7%BD%91%E7%BB%9C%E5%AE%89%E5%85%A8&lang=zh", "q=overcapacity&limit=50", "q=indigenous+OR+innovation&offset=20",
      "q=procurement*", "q=%22%E6%94%BF%E5%BA%9C%E9%87%87%E8%B4%AD%22&expand=false", "q=technology+AND+NOT+china",
      "q=year:2015", "q=%22unbalanced", "q=doc:nope");

  @Test
  void thirtyTwoClientsDuringReindexHaveNoErrorsAndAStableHeap() throws Exception {
    int seconds = Integer.getInteger("policysearch.loadSeconds", 60);
    Path tmp = Files.createTempDirectory("load");
    try (HardeningServer server = new HardeningServer(DemoCorpus.folder(), tmp.resolve("index"), null)) {
      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
      AtomicInteger reindexes = new AtomicInteger();
      Thread reindexer = new Thread(() -> {
        while (!stop.get()) {
          try {
            server.reindex(true);
            server.search.refresh();
            reindexes.incrementAndGet();
          } catch (Exception e) {
            errors.add("re-index: " + e);
          }
        }
      }, "reindexer");
      reindexer.start();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 32; c++) {
        int seed = c;
        Thread t = new Thread(() -> {
          long[] mine = new long[200_000];
          int n = 0;
          for (int i = seed; !stop.get(); i++) {
            String q = QUERIES.get(i % QUERIES.size());
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> r = server.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?" + q)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
              boolean expected400 = q.contains("%22unbalanced");
              if (r.statusCode() != (expected400 ? 400 : 200)) errors.add(q + " -> " + r.statusCode() + " " + r.body());
            } catch (Exception e) {
              errors.add(q + " -> " + e);
            }
            if (n < mine.length) mine[n++] = System.nanoTime() - t0;
          }
          latencies.add(Arrays.copyOf(mine, n));
        }, "client-" + c);
        t.start();
        clients.add(t);
      }
      var memory = ManagementFactory.getMemoryMXBean();
      List<Long> heapMb = new ArrayList<>();
      long end = System.currentTimeMillis() + seconds * 1000L;
      while (System.currentTimeMillis() < end) {
        Thread.sleep(5000);
        System.gc();
        heapMb.add(memory.getHeapMemoryUsage().getUsed() >> 20);
      }
      stop.set(true);
      for (Thread t : clients) t.join(60_000);
      reindexer.join(300_000);

      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.printf("load: %d requests in %d s (%.0f req/s), %d full re-index runs, %d errors%n", all.length, seconds,
          all.length / (double) seconds, reindexes.get(), errors.size());
      System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", pct(all, 50), pct(all, 90), pct(all, 99),
          pct(all, 99.9), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
      System.out.println("heap after GC, MB, every 5 s: " + heapMb);
      assertTrue(errors.isEmpty(), errors.stream().limit(5).toList().toString());
      assertTrue(reindexes.get() >= 1, "at least one re-index ran during the load");
      assertTrue(all.length > 0);
      int third = Math.max(1, heapMb.size() / 3);
      double first = heapMb.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
      double last = heapMb.subList(heapMb.size() - third, heapMb.size()).stream().mapToLong(Long::longValue).average().orElse(0);
      assertTrue(last <= first * 1.5 + 64, "no heap growth trend: first third " + first + " MB, last third " + last + " MB");
    } finally {
      DemoCorpus.delete(tmp);
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
