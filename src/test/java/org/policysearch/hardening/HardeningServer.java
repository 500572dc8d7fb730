package org.policysearch.hardening;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.Indexer;
import org.policysearch.search.DocumentReader;
import org.policysearch.search.SearchService;
import org.policysearch.search.Suggester;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import org.policysearch.web.TermsApi;
import org.policysearch.web.WebApp;
import org.policysearch.web.WebAssets;

/** The real web app on a random loopback port over an index of a corpus; POST /api/reindex re-indexes it in-process. */
final class HardeningServer implements AutoCloseable {
  final Path corpus;
  final Path index;
  final SearchService search;
  final Javalin app;
  final Extractor extractor;
  final Glossary glossary;
  final String host;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  HardeningServer(Path corpus, Path index, String adminToken) throws IOException {
    this(corpus, index, adminToken, "127.0.0.1");
  }

  HardeningServer(Path corpus, Path index, String adminToken, String host) throws IOException {
    this.corpus = corpus;
    this.index = index;
    this.glossary = builtInGlossary();
    this.extractor = new Extractor(Extractor.Limits.IN_PROCESS);
    reindex(false);
    this.search = new SearchService(index, glossary);
    TermsApi terms = new TermsApi() {
      @Override
      public Object terms() {
        return Map.of("terms", List.of());
      }

      @Override
      public Object term(String id, String doc) {
        if (search.glossary().get(id) == null) throw new org.policysearch.search.NotFoundException("No glossary concept with id '" + id + "'.");
        return Map.of("id", id);
      }
    };
    WebApp.Services services = new WebApp.Services(search, new DocumentReader(search), new Suggester(search), terms, () -> {
      synchronized (this) {
        reindex(false);
        search.refresh();
      }
      return Map.of("status", "ok");
    });
    this.app = WebApp.create(new WebApp.Options(corpus, WebAssets.of(Path.of("web")), adminToken), services).start(host, 0);
    this.host = host;
  }

  void reindex(boolean full) throws IOException {
    new Indexer(index, extractor, glossary, 2).run(new CorpusScanner(corpus, Set.of()).scan(), full, IndexListener.NONE);
  }

  static Glossary builtInGlossary() throws IOException {
    try (InputStream in = HardeningServer.class.getResourceAsStream("/glossary.tsv")) {
      return GlossaryLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in glossary.tsv");
    }
  }

  /** A small bilingual corpus with hostile markup in its text. */
  static Path smallCorpus(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bank-guidelines.en.txt"), """
        Secure and Controllable Technology Guidelines

        The government requires that information technology used by banks be secure and controllable.

        This passage quotes <script>alert(1)</script> and <img src=x onerror=alert(1)> and "quotes" & ampersands as literal text.
        """);
    Files.writeString(dir.resolve("notice.zh.md"), """
        # 关于推进安全可控信息技术的通知

        各银行应当采用安全可控的信息技术产品，逐步提高安全可控水平。<b>加粗</b>不是标记。
        """);
    return dir;
  }

  String base() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
  }

  /** GET with the path and query sent as given (already encoded). */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws IOException {
    app.stop();
    search.close();
    extractor.close();
  }
}
