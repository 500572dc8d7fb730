package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.Json;

/** The server over a small generated bilingual corpus, called over real HTTP on a random loopback port. */
class ServerApiTest {
  @TempDir static Path tmp;
  static TestServer server;
  static Path outside;

  static final String EN = """
      Secure and Controllable Technology Guidelines

      The government requires that information technology used by banks be secure and controllable.

      Vendors said the rules were neither secure nor controllable, and critics called them protectionist.

      A paragraph about cloud computing and data localization requirements.
      """;
  static final String ZH = """
      # 关于推进安全可控信息技术的通知

      各银行应当采用安全可控的信息技术产品，逐步提高安全可控水平。

      加强网络安全审查，保障关键信息基础设施安全。
      """;
  static final String HOSTILE = """
      Hostile markup sample

      This passage quotes <script>alert(1)</script> and <img src=x onerror=alert(1)> as literal text about secure systems.
      """;
  static final String HTML = """
      <html><head><title>Cloud services notice</title></head><body>
      <h1>Cloud services notice</h1>
      <p>Cloud services for the financial sector must store data locally and pass a security review.</p>
      <p>云服务提供者应当在境内存储数据。</p>
      </body></html>
      """;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("bank-guidelines.en.txt"), EN);
    Files.writeString(corpus.resolve("bank-notice.zh.md"), ZH);
    Files.writeString(corpus.resolve("hostile.en.txt"), HOSTILE);
    Files.writeString(corpus.resolve("cloud-notice.html"), HTML);
    outside = Files.writeString(tmp.resolve("secret.txt"), "outside the corpus");
    server = new TestServer(corpus, tmp.resolve("index"), null);
    server.reindex(false);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static JsonNode search(String params) throws Exception {
    return server.json("/api/search?" + params);
  }

  @Test
  void englishPhraseIsOneMarkAndOffsetsAgree() throws Exception {
    JsonNode r = search("q=" + TestServer.enc("\"secure and controllable\"") + "&expand=false");
    assertEquals(2, r.get("total").asInt(), "the title and the exact phrase, not 'secure nor controllable'");
    for (JsonNode hit : r.get("hits")) {
      Hits.assertConsistent(hit);
      List<String> marks = Hits.marked(hit.get("snippet").asText());
      assertEquals(1, marks.size(), marks.toString());
      assertEquals("secure and controllable", marks.get(0).toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void chinesePhraseHighlightsLandOnTheRightCharacters() throws Exception {
    for (String q : List.of("\"安全可控\"", "安全可控")) {
      JsonNode r = search("q=" + TestServer.enc(q) + "&expand=false");
      assertTrue(r.get("total").asInt() >= 2, q);
      for (JsonNode hit : r.get("hits")) {
        Hits.assertConsistent(hit);
        for (String s : Hits.spanTexts(hit.get("text").asText(), hit.get("matches"))) {
          if (q.startsWith("\"")) assertEquals("安全可控", s, q);
          else assertTrue("安全可控".contains(s), q + " marked " + s);
        }
      }
    }
  }

  @Test
  void expansionFindsTheOtherLanguageAndSaysVia() throws Exception {
    JsonNode r = search("q=" + TestServer.enc("\"secure and controllable\""));
    Set<String> langs = new HashSet<>();
    for (JsonNode h : r.get("hits")) {
      langs.add(h.get("lang").asText());
      Hits.assertConsistent(h);
    }
    assertTrue(langs.containsAll(Set.of("en", "zh")), "both languages: " + langs);
    boolean via = false;
    for (JsonNode h : r.get("hits")) via |= h.get("lang").asText().equals("zh") && "安全可控".equals(h.path("via").asText());
    assertTrue(via, "a Chinese hit reached through the glossary says via 安全可控");
  }

  @Test
  void filtersNarrowByLanguageDocumentAndTerm() throws Exception {
    String q = "q=" + TestServer.enc("\"secure and controllable\"");
    JsonNode zh = search(q + "&lang=zh");
    assertTrue(zh.get("total").asInt() > 0);
    for (JsonNode h : zh.get("hits")) assertEquals("zh", h.get("lang").asText());
    JsonNode doc = search("q=secure&doc=hostile-en-txt");
    assertEquals(1, doc.get("total").asInt());
    assertEquals("hostile-en-txt", doc.get("hits").get(0).get("doc").asText());
    JsonNode term = search("term=secure-and-controllable");
    assertTrue(term.get("total").asInt() >= 3, term.toString());
    for (JsonNode h : term.get("hits")) {
      boolean tagged = false;
      for (JsonNode t : h.get("terms")) tagged |= t.get("id").asText().equals("secure-and-controllable");
      assertTrue(tagged, h.get("passage").asText());
    }
  }

  @Test
  void totalAndFacetsCountAllMatchesAndPagesDoNotOverlap() throws Exception {
    String q = "q=" + TestServer.enc("secure OR cloud OR 安全");
    JsonNode all = search(q + "&limit=100");
    int total = all.get("total").asInt();
    assertTrue(total >= 5, "enough hits to page: " + total);
    Set<String> seen = new HashSet<>();
    for (int offset = 0; offset < total; offset += 2) {
      JsonNode page = search(q + "&limit=2&offset=" + offset);
      assertEquals(total, page.get("total").asInt(), "total does not depend on the page");
      assertEquals(all.get("facets"), page.get("facets"), "facets count every match, not the page");
      for (JsonNode h : page.get("hits")) assertTrue(seen.add(h.get("doc").asText() + "#" + h.get("passage").asText()), "no repeats");
    }
    assertEquals(total, seen.size());
    int docSum = 0, langSum = 0;
    for (JsonNode f : all.get("facets").get("docs")) docSum += f.get("count").asInt();
    for (JsonNode f : all.get("facets").get("lang")) langSum += f.get("count").asInt();
    assertEquals(total, docSum);
    assertEquals(total, langSum);
  }

  @Test
  void documentTextComesBackInert() throws Exception {
    JsonNode r = search("q=alert");
    assertEquals(1, r.get("total").asInt());
    JsonNode hit = r.get("hits").get(0);
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains("&lt;script&gt;"), snippet);
    assertTrue(snippet.contains("&lt;img src=x onerror="), snippet);
    assertFalse(snippet.contains("<script") || snippet.contains("<img"), snippet);
    Hits.assertConsistent(hit);
    JsonNode doc = server.json("/api/docs/hostile-en-txt?q=alert");
    for (JsonNode p : doc.get("passages")) {
      String h = p.get("highlighted").asText();
      assertFalse(h.contains("<script") || h.contains("<img"), h);
    }
    assertEquals(2, doc.get("match_count").asInt());
  }

  @Test
  void deepLinkOfAHitResolvesToThatPassage() throws Exception {
    JsonNode r = search("q=" + TestServer.enc("\"安全可控\"") + "&expand=false");
    for (JsonNode hit : r.get("hits")) {
      String doc = hit.get("doc").asText(), anchor = hit.get("passage").asText();
      HttpResponse<String> p = server.get(hit.get("permalink").asText());
      assertEquals(302, p.statusCode());
      assertEquals("/d/" + doc + "#" + anchor, p.headers().firstValue("Location").orElseThrow());
      assertTrue(hit.get("link").asText().startsWith("/d/" + doc + "?q="));
      assertTrue(hit.get("link").asText().endsWith("#" + anchor));
      JsonNode d = server.json("/api/docs/" + doc + "?anchor=" + anchor + "&q=" + TestServer.enc("\"安全可控\""));
      assertEquals("ok", d.get("anchor_status").asText());
      boolean found = false;
      for (JsonNode ps : d.get("passages")) {
        if (ps.get("anchor").asText().equals(anchor)) {
          found = true;
          assertEquals(hit.get("text").asText(), ps.get("text").asText());
          assertEquals(hit.get("matches"), ps.get("matches"), "reader and search agree on the matches");
        }
      }
      assertTrue(found, anchor + " in " + doc);
    }
  }

  @Test
  void readerListsEveryPassageInOrderWithTerms() throws Exception {
    JsonNode d = server.json("/api/docs/bank-notice-zh-md");
    assertEquals("zh", d.get("lang").asText());
    int last = -1;
    boolean tagged = false;
    for (JsonNode p : d.get("passages")) {
      assertTrue(p.get("ordinal").asInt() > last);
      last = p.get("ordinal").asInt();
      for (JsonNode t : p.get("terms")) tagged |= t.get("id").asText().equals("secure-and-controllable");
      assertTrue(p.get("matches").isNull(), "no q, no matches");
    }
    assertTrue(tagged, "the glossary term is tagged");
    assertTrue(d.get("anchor_status").isNull());
  }

  @Test
  void errorsAnswerWithStatusAndJson() throws Exception {
    Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
    cases.put("/api/search?q=" + TestServer.enc("\"unbalanced"), new Object[] {400, "bad_query"});
    cases.put("/api/search?q=" + TestServer.enc("(a OR b"), new Object[] {400, "bad_query"});
    cases.put("/api/search?q=" + "x".repeat(1001), new Object[] {400, "bad_query"});
    cases.put("/api/search?q=", new Object[] {400, "bad_query"});
    cases.put("/api/search?q=a&limit=-1", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&limit=101", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&limit=ten", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&offset=-1", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&offset=10001", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&offset=99999999999999", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&expand=perhaps", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&lang=fr", new Object[] {400, "bad_parameter"});
    cases.put("/api/search?q=a&limit=1&limit=2", new Object[] {400, "bad_parameter"});
    cases.put("/api/docs/no-such-doc", new Object[] {404, "not_found"});
    cases.put("/api/docs/bank-notice-zh-md?q=" + TestServer.enc("\"open"), new Object[] {400, "bad_query"});
    cases.put("/api/terms/no-such-term", new Object[] {404, "not_found"});
    cases.put("/api/suggest?q=a&limit=0", new Object[] {400, "bad_parameter"});
    cases.put("/p/nosuchanchor", new Object[] {404, "not_found"});
    cases.put("/p/..%2f..%2fetc", new Object[] {404, "not_found"});
    cases.put("/static/nope.js", new Object[] {404, "not_found"});
    cases.put("/no/such/route", new Object[] {404, "not_found"});
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = server.get(c.getKey());
      assertEquals(c.getValue()[0], r.statusCode(), c.getKey() + " -> " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), c.getKey());
      JsonNode body = Json.mapper().readTree(r.body());
      if (c.getValue()[1] != null) assertEquals(c.getValue()[1], body.get("error").asText(), c.getKey());
      assertFalse(body.get("message").asText().isBlank(), c.getKey());
      assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }
  }

  @Test
  void filesNeverLeaveTheCorpusFolder() throws Exception {
    Path link = Files.createSymbolicLink(server.corpus.resolve("link-out.txt"), outside);
    try {
      refusesTraversal();
    } finally {
      Files.delete(link);
    }
  }

  private void refusesTraversal() throws Exception {
    HttpResponse<String> ok = server.get("/files/bank-guidelines.en.txt");
    assertEquals(200, ok.statusCode());
    assertEquals(EN, ok.body());
    assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    HttpResponse<String> html = server.get("/files/cloud-notice.html");
    assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"), "corpus HTML is sandboxed");
    String abs = TestServer.enc(outside.toAbsolutePath().toString()).replace("%2F", "/");
    for (String bad : List.of("/files/../pom.xml", "/files/%2e%2e%2fpom.xml", "/files/%2E%2E/pom.xml", "/files/..%5cpom.xml",
        "/files/..%2f..%2fsecret.txt", "/files/%2e%2e/secret.txt", "/files/.%2e/secret.txt", "/files//etc/passwd",
        "/files/%2Fetc%2Fpasswd", "/files" + abs, "/files/link-out.txt", "/files/no-such-file.txt", "/files/C:%5cWindows",
        "/files/bank-guidelines.en.txt%00.pdf")) {
      HttpResponse<String> r = rawGet(bad);
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, bad + " -> " + r.statusCode());
      assertFalse(r.body().contains("outside the corpus") || r.body().contains("<project"), bad + " leaked: " + r.body());
      assertTrue(r.body().startsWith("{"), bad + " answers JSON: " + r.body());
    }
  }

  /** A request with the path sent exactly as written (no client-side normalisation of dot segments). */
  private static HttpResponse<String> rawGet(String path) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.app.port())) {
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String resp = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(resp.substring(9, 12));
      String body = resp.substring(resp.indexOf("\r\n\r\n") + 4);
      return new FakeResponse(status, body);
    }
  }

  private record FakeResponse(int statusCode, String body) implements HttpResponse<String> {
    public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
    public java.net.http.HttpRequest request() { return null; }
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
    public java.net.URI uri() { return null; }
    public java.net.http.HttpClient.Version version() { return java.net.http.HttpClient.Version.HTTP_1_1; }
  }

  @Test
  void securityHeadersOnEveryKindOfAnswer() throws Exception {
    for (String path : List.of("/", "/d/bank-notice-zh-md", "/terms", "/terms/secure-and-controllable", "/static/app.css",
        "/static/js/search.js", "/api/search?q=secure", "/api/docs", "/health", "/api/search?q=%22", "/nope",
        "/files/bank-guidelines.en.txt")) {
      HttpResponse<String> r = server.get(path);
      assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith(WebApp.CSP), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""), path);
      assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS: " + path);
    }
    assertTrue(server.get("/static/js/search.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(server.get("/static/app.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertTrue(server.get("/d/x").body().contains("/static/js/reader.js"), "the reader page");
  }

  @Test
  void suggestionsComeFromTitlesTermsAndWords() throws Exception {
    JsonNode t = server.json("/api/suggest?q=" + TestServer.enc("cloud serv"));
    assertTrue(kinds(t).contains("title:Cloud services notice"), t.toString());
    JsonNode zh = server.json("/api/suggest?q=" + TestServer.enc("安全"));
    assertTrue(kinds(zh).contains("term:安全可控"), zh.toString());
    JsonNode w = server.json("/api/suggest?q=" + TestServer.enc("neither contr"));
    assertTrue(kinds(w).contains("phrase:neither controllable"), w.toString());
    assertEquals(0, server.json("/api/suggest?q=").get("suggestions").size());
  }

  private static Set<String> kinds(JsonNode s) {
    Set<String> out = new HashSet<>();
    for (JsonNode x : s.get("suggestions")) out.add(x.get("kind").asText() + ":" + x.get("text").asText());
    return out;
  }

  @Test
  void cliJsonAndApiReturnTheSameDocument() throws Exception {
    for (String q : List.of("\"secure and controllable\"", "安全可控", "cloud")) {
      String cli = TestServer.cliOut("search", "--json", "--limit", "20", "--corpus", server.corpus.toString(), "--index",
          server.index.toString(), q);
      ObjectNode a = (ObjectNode) Json.mapper().readTree(cli);
      ObjectNode b = (ObjectNode) search("q=" + TestServer.enc(q));
      a.remove("took_ms");
      b.remove("took_ms");
      assertEquals(a, b, q);
    }
  }

  @Test
  void everyRouteOfTheOpenApiDescriptionAnswers() throws Exception {
    JsonNode spec = server.json("/api/openapi.json");
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey()
          .replace("{anchor}", anyAnchor())
          .replace("{source}", "bank-guidelines.en.txt")
          .replace("{path}", "app.css");
      path = path.startsWith("/api/terms/") || path.startsWith("/terms/")
          ? path.replace("{id}", "secure-and-controllable") : path.replace("{id}", "bank-notice-zh-md");
      if (path.equals("/api/search")) path += "?q=secure";
      for (Iterator<String> m = e.getValue().fieldNames(); m.hasNext(); ) {
        String method = m.next();
        HttpResponse<String> r = method.equals("post") ? server.post(path) : server.get(path);
        assertNotNull(e.getValue().get(method).get("responses").get(String.valueOf(r.statusCode())),
            method + " " + path + " answered " + r.statusCode() + ", which the description does not list");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 302, method + " " + path + " -> " + r.statusCode() + " " + r.body());
        checked.add(method + " " + path);
      }
    }
    assertTrue(checked.size() >= 16, checked.toString());
  }

  private static String anyAnchor() throws Exception {
    return server.json("/api/docs/bank-notice-zh-md").get("passages").get(0).get("anchor").asText();
  }

  @Test
  void reindexRunsFromLoopbackAndRefusesOtherSites() throws Exception {
    HttpResponse<String> r = server.post("/api/reindex");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(0, Json.mapper().readTree(r.body()).get("exit").asInt());
    HttpResponse<String> cross = server.post("/api/reindex", "Origin", "http://evil.example");
    assertEquals(403, cross.statusCode());
    assertEquals("forbidden", Json.mapper().readTree(cross.body()).get("error").asText());
    assertEquals(404, server.get("/api/reindex").statusCode(), "GET does not re-index");
  }

  @Test
  void onlyLoopbackAddressesCountAsThisMachine() {
    assertTrue(WebApp.isLoopback("127.0.0.1"));
    assertTrue(WebApp.isLoopback("127.5.6.7"));
    assertTrue(WebApp.isLoopback("0:0:0:0:0:0:0:1"));
    assertTrue(WebApp.isLoopback("[::1]"));
    assertFalse(WebApp.isLoopback("203.0.113.5"));
    assertFalse(WebApp.isLoopback("192.168.1.2"));
    assertFalse(WebApp.isLoopback("localhost.evil.example"));
    assertFalse(WebApp.isLoopback(""));
    assertFalse(WebApp.isLoopback(null));
  }

  @Test
  void healthAndDocumentList() throws Exception {
    assertEquals("ok", server.json("/health").get("status").asText());
    JsonNode docs = server.json("/api/docs");
    assertEquals(4, docs.size());
    for (JsonNode d : docs) {
      assertTrue(d.get("passages").asInt() > 0);
      assertEquals(200, server.get(d.get("file").asText()).statusCode(), d.get("file").asText());
    }
  }
}
