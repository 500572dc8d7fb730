package org.policysearch.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code policy-search class-archive-training} (hidden; run by the build): indexes a small
 * generated bilingual corpus, serves it on a loopback port and asks it what a user's first visit
 * asks (a search in each language, a document, the term list, the pages), then exits.
 *
 * <p>Why: the build runs this under {@code -XX:ArchiveClassesAtExit}, which writes the classes the
 * run loaded into {@code target/policy-search.jsa}; {@code serve} started with
 * {@code -XX:SharedArchiveFile=target/policy-search.jsa} maps them instead of loading and
 * verifying them from the jar again (issue 20, cold start). Without the archive
 * everything works the same, only slower to start.
 */
@Command(name = "class-archive-training", hidden = true,
    description = "Index and serve a small generated corpus once, then exit (the build records the classes it loads).")
final class ClassArchiveCommand implements Callable<Integer> {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("policysearch-class-archive");
    try {
      Path corpus = Files.createDirectories(dir.resolve("corpus"));
      Files.writeString(corpus.resolve("2017-software-notice.zh.md"), """
          # 关于推动软件产业发展的通知

          第一条 为了推动软件产业发展，重要信息系统应当采用安全可控的产品和服务。

          第二条 鼓励企业拥有自主知识产权的核心技术。
          """);
      Files.writeString(corpus.resolve("2018-trade-report.en.txt"), """
          Report on technology transfer

          The policy requires products to be secure and controllable, and favours indigenous innovation.

          Foreign firms are asked to transfer technology in exchange for market access.
          """);
      Path index = dir.resolve("index");
      int indexed = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
      if (indexed != ExitCodes.OK) return indexed;
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Thread serve = new Thread(() -> Main.run("serve", "--corpus", corpus.toString(), "--index", index.toString(), "--port",
          Integer.toString(port), "--no-watch"), "class-archive-serve");
      serve.setDaemon(true);
      serve.start();
      String base = "http://127.0.0.1:" + port;
      waitForAnswer(base + "/api/search?q=" + enc("安全可控"), serve);
      String doc = org.policysearch.corpus.CorpusScanner.slug("2017-software-notice.zh.md");
      for (String path : List.of("/api/search?q=" + enc("\"secure and controllable\"") + "&limit=5",
          "/api/search?q=" + enc("自主知识产权 OR indigenous"), "/", "/d/" + doc, "/terms", "/api/docs",
          "/api/docs/" + doc + "?q=" + enc("安全可控"), "/api/terms", "/api/suggest?q=" + enc("secu"),
          "/static/js/common.js", "/static/app.css", "/health")) {
        int status = get(base + path);
        if (status != 200) throw new CliException(ExitCodes.CANNOT_RUN, "the training server answered " + status + " to " + path);
      }
      return ExitCodes.OK;
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary folder
      }
    }
  }

  private static void waitForAnswer(String url, Thread serve) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!serve.isAlive()) throw new CliException(ExitCodes.CANNOT_RUN, "the training server stopped before it answered");
      try {
        if (get(url) == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new CliException(ExitCodes.CANNOT_RUN, "the training server did not answer within 120 s");
  }

  private static int get(String url) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
