package org.policysearch.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.search.Concordance;
import org.policysearch.search.DocumentReader;
import org.policysearch.search.Json;
import org.policysearch.search.SearchService;
import org.policysearch.search.Suggester;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;
import org.policysearch.web.TermsApi;
import org.policysearch.web.WebApp;
import org.policysearch.web.WebAssets;

/**
 * The real server, wired as {@code policy-search serve} wires it (concordance-backed /api/terms),
 * on a random loopback port, serving the UI from {@code web/}. Two shared instances per test JVM:
 * the demo corpus plus a hostile document, and an empty index. Stopped by a shutdown hook, so
 * every browser test class can reuse them without re-indexing.
 */
final class UiServer {
  /** File name of the generated hostile document. */
  static final String XSS_FILE = "zz-markup-injection-test.en.txt";
  /** A word only the hostile document contains. */
  static final String XSS_WORD = "quokkaglyph";
  static final String IMG_PAYLOAD = "<img src=x onerror=window.__xss=1>";
  static final String SCRIPT_PAYLOAD = "<script>window.__xss=2</script>";

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static UiServer demo;
  private static UiServer empty;

  final Path corpus;
  final Path index;
  final SearchService search;
  final Javalin app;

  private UiServer(Path corpus, Path index) throws IOException {
    this.corpus = corpus;
    this.index = index;
    this.search = new SearchService(index, builtInGlossary());
    Concordance concordance = new Concordance(search);
    TermsApi terms = new TermsApi() {
      @Override
      public Object terms() throws IOException {
        return concordance.overview();
      }

      @Override
      public Object term(String id, String doc) throws IOException {
        return concordance.term(id, doc);
      }
    };
    WebApp.Services services = new WebApp.Services(search, new DocumentReader(search), new Suggester(search),
        terms, () -> Map.of("status", "disabled in browser tests"));
    this.app = WebApp.create(new WebApp.Options(corpus, WebAssets.of(Path.of("web")), null), services).start("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
  }

  /** The demo corpus plus {@link #XSS_FILE}: the demo index is copied and brought up to date incrementally. */
  static synchronized UiServer demo() {
    if (demo == null) {
      try {
        Path source = DemoCorpus.folder();
        Path demoIndex = DemoCorpus.index();
        Path corpus = Files.createTempDirectory("ui-corpus");
        Path index = Files.createTempDirectory("ui-index");
        copyTree(source, corpus);
        copyTree(demoIndex, index);
        Fixtures.text(corpus.resolve(XSS_FILE), IMG_PAYLOAD + " Markup injection test " + SCRIPT_PAYLOAD + "\n\n"
            + "This passage about " + XSS_WORD + " cybersecurity shows markup as text: " + IMG_PAYLOAD + " and "
            + SCRIPT_PAYLOAD + " must never run in the search page, the reader or the concordance.\n\n"
            + "A second " + XSS_WORD + " passage: <b onmouseover=window.__xss=3>bold?</b> &lt;not an entity&gt; &amp; done.\n");
        int code = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        if (code != ExitCodes.OK && code != ExitCodes.INDEXED_WITH_FAILURES) throw new IllegalStateException("index exit code " + code);
        demo = new UiServer(corpus, index);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demo;
  }

  /** A server over a corpus folder the caller made, indexed here with the CLI's defaults (OCR auto included). */
  static UiServer over(Path corpus) {
    try {
      Path index = Files.createTempDirectory("ui-index");
      int code = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
      if (code != ExitCodes.OK) throw new IllegalStateException("index exit code " + code);
      return new UiServer(corpus, index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server over an empty index and an empty corpus folder. */
  static synchronized UiServer empty() {
    if (empty == null) {
      try {
        empty = new UiServer(Files.createTempDirectory("ui-empty-corpus"), Files.createTempDirectory("ui-empty-index"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return empty;
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  /** GET an API route: the status and the JSON body. */
  Answer get(String pathAndQuery) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), Json.mapper().readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET an API route that must answer 200. */
  JsonNode json(String pathAndQuery) {
    Answer a = get(pathAndQuery);
    if (a.status() != 200) throw new AssertionError(pathAndQuery + " answered " + a.status() + ": " + a.body());
    return a.body();
  }

  record Answer(int status, JsonNode body) {}

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void stop() {
    app.stop();
    try {
      search.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
    DemoCorpus.delete(index);
    DemoCorpus.delete(corpus);
  }

  private static Glossary builtInGlossary() throws IOException {
    try (InputStream in = UiServer.class.getResourceAsStream("/glossary.tsv")) {
      return GlossaryLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in glossary.tsv");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
