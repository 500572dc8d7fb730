package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.search.DocumentReader;
import org.policysearch.search.Json;
import org.policysearch.search.SearchService;
import org.policysearch.search.Suggester;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;

/** The real server over an index, on a random loopback port, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
  final Path corpus;
  final Path index;
  final SearchService search;
  final Javalin app;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  TestServer(Path corpus, Path index, String adminToken) throws IOException {
    this.corpus = corpus;
    this.index = index;
    this.search = new SearchService(index, builtInGlossary());
    TermsApi terms = new TermsApi() {
      @Override
      public Object terms() {
        return java.util.Map.of("terms", java.util.List.of());
      }

      @Override
      public Object term(String id, String doc) {
        if (search.glossary().get(id) == null) throw new org.policysearch.search.NotFoundException("No glossary concept with id '" + id + "'.");
        return java.util.Map.of("id", id);
      }
    };
    WebApp.Services services = new WebApp.Services(search, new DocumentReader(search), new Suggester(search), terms, () -> {
      int code = index(false);
      search.refresh();
      return java.util.Map.of("exit", code);
    });
    this.app = WebApp.create(new WebApp.Options(corpus, WebAssets.of(Path.of("web")), adminToken), services).start("127.0.0.1", 0);
  }

  static Glossary builtInGlossary() throws IOException {
    try (InputStream in = TestServer.class.getResourceAsStream("/glossary.tsv")) {
      return GlossaryLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in glossary.tsv");
    }
  }

  /** Runs the index command, as a user would. */
  int index(boolean full) {
    return full ? Main.run("index", "--full", "--corpus", corpus.toString(), "--index", index.toString())
        : Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
  }

  void reindex(boolean full) throws IOException {
    int code = index(full);
    assertEquals(ExitCodes.OK, code, "index exit code");
    search.refresh();
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET expecting 200 JSON. */
  JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), pathAndQuery + " -> " + r.body());
    return Json.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Runs the CLI in-process and returns what it printed on stdout. */
  static String cliOut(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      assertEquals(ExitCodes.OK, code, "exit code of " + String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    app.stop();
    search.close();
  }
}
