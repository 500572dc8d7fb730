package org.policysearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An engine under load over HTTP on 127.0.0.1: how it spells a query as a URL and where its hit count is. */
abstract class Engine {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  final String name;
  final int port;

  Engine(String name, int port) {
    this.name = name;
    this.port = port;
  }

  abstract String url(BenchQuery q);

  abstract String probeUrl();

  /** The total hit count in a response body, -1 if not found. */
  abstract long hits(String body);

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build();
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Milliseconds from the child's launch to its first 200 answer to a search. */
  long coldStart(long launchedNanos, Process p) throws Exception {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) throw new IOException(name + " server exited with code " + p.exitValue());
      try {
        if (get(probeUrl()).statusCode() == 200) return (System.nanoTime() - launchedNanos) / 1_000_000;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IOException(name + " did not answer within 30 minutes");
  }

  static final class Ours extends Engine {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    Ours(int port) {
      super("ours", port);
    }

    @Override
    String url(BenchQuery q) {
      // highlighting (match spans + snippet) and facets are always on in /api/search
      return "http://127.0.0.1:" + port + "/api/search?q=" + enc(q.ours()) + (q.oursTerm().isEmpty() ? "" : "&term=" + enc(q.oursTerm()));
    }

    @Override
    String probeUrl() {
      return "http://127.0.0.1:" + port + "/api/search?q=security";
    }

    @Override
    long hits(String body) {
      Matcher m = TOTAL.matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
  }

  static final class Solr extends Engine {
    private static final Pattern FOUND = Pattern.compile("\"numFound\"\\s*:\\s*(\\d+)");
    /** What our /api/search returns, asked of Solr: 20 hits with the passage text, whole-passage unified highlighting, the three facets complete. */
    static final String PARAMS = "&rows=20&fl=id,doc,lang,term,anchor,ordinal,page,start,end,exact"
        + "&sort=" + enc("score desc,doc asc,ordinal asc")
        + "&hl=true&hl.method=unified&hl.fl=exact&hl.requireFieldMatch=false&hl.bs.type=WHOLE&hl.snippets=1&hl.defaultSummary=true"
        + "&facet=true&facet.field=doc&facet.field=lang&facet.field=term&facet.limit=10000&facet.mincount=1&wt=json";

    Solr(int port) {
      super("solr", port);
    }

    @Override
    String url(BenchQuery q) {
      return "http://127.0.0.1:" + port + "/solr/passages/select?q=" + enc(q.solr()) + (q.solrFq().isEmpty() ? "" : "&fq=" + enc(q.solrFq()))
          + PARAMS;
    }

    @Override
    String probeUrl() {
      return "http://127.0.0.1:" + port + "/solr/passages/select?q=exact:security" + PARAMS;
    }

    @Override
    long hits(String body) {
      Matcher m = FOUND.matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
  }
}
