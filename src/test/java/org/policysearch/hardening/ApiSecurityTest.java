package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.Main;
import org.policysearch.search.Json;
import org.policysearch.web.WebApp;
import picocli.CommandLine;

/**
 * The API side of web security, beyond web/ServerApiTest: every HTML-bearing field escaped, more
 * ways out of /files, no CORS even when asked, loopback by default, re-index refused from
 * another machine without the token.
 */
class ApiSecurityTest {
  @TempDir static Path tmp;
  static HardeningServer server;
  static Path secret;
  private static final Pattern TAG = Pattern.compile("<(?!/?mark>)");

  @BeforeAll
  static void start() throws Exception {
    Path corpus = HardeningServer.smallCorpus(tmp.resolve("corpus"));
    secret = Files.writeString(tmp.resolve("secret.txt"), "outside the corpus");
    Path outDir = Files.createDirectories(tmp.resolve("outdir"));
    Files.writeString(outDir.resolve("inner.txt"), "outside the corpus");
    Files.createSymbolicLink(corpus.resolve("dir-link"), outDir);
    server = new HardeningServer(corpus, tmp.resolve("index"), null);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void everySnippetAndHighlightedFieldIsEscaped() throws Exception {
    int checked = 0;
    for (String q : List.of("alert", "script", "onerror", "quotes", "ampersands", "加粗", "\"secure and controllable\"", "安全可控")) {
      for (String url : List.of("/api/search?q=" + QueryFuzzTest.enc(q), "/api/docs/bank-guidelines-en-txt?q=" + QueryFuzzTest.enc(q),
          "/api/docs/notice-zh-md?q=" + QueryFuzzTest.enc(q))) {
        HttpResponse<String> r = server.get(url);
        assertEquals(200, r.statusCode(), url + " " + r.body());
        checked += checkHtmlFields(Json.mapper().readTree(r.body()), url);
      }
    }
    assertTrue(checked >= 10, "HTML-bearing fields seen: " + checked);
  }

  /** Every field named snippet or highlighted holds no tag but mark, and no raw quote-breaking characters. */
  private static int checkHtmlFields(JsonNode n, String where) {
    int count = 0;
    if (n.isObject()) {
      for (var it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        if ((e.getKey().equals("snippet") || e.getKey().equals("highlighted")) && e.getValue().isTextual()) {
          String html = e.getValue().asText();
          assertFalse(TAG.matcher(html).find(), where + ": " + html);
          assertFalse(html.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&quot;", "").replace("&#39;", "").contains("&")
              && html.contains("& "), where + ": raw ampersand " + html);
          count++;
        }
        count += checkHtmlFields(e.getValue(), where);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) count += checkHtmlFields(c, where);
    }
    return count;
  }

  @Test
  void filesCannotLeaveTheCorpusByMoreRoutes() throws Exception {
    for (String bad : List.of("/files/%252e%252e/secret.txt", "/files/..;/secret.txt", "/files/%c0%ae%c0%ae/secret.txt",
        "/files/%EF%BC%8E%EF%BC%8E/secret.txt", "/files/%EF%BC%8F..%EF%BC%8Fsecret.txt", "/files/%E2%88%95..%E2%88%95secret.txt",
        "/files/dir-link/inner.txt", "/files/dir-link%2finner.txt", "/files/\\..\\secret.txt", "/files/%5C%5Cserver%5Cshare",
        "/files/file:%2F%2F%2Fetc%2Fpasswd", "/files/~/.ssh/id_rsa", "/files/" + secret.toString().substring(1),
        "/files/bank-guidelines.en.txt/..", "/files/bank-guidelines.en.txt%2500")) {
      String[] r = rawGet(bad);
      int status = Integer.parseInt(r[0]);
      assertTrue(status == 404 || status == 400, bad + " -> " + status);
      assertFalse(r[1].contains("outside the corpus"), bad + " leaked");
    }
    assertEquals("200", rawGet("/files/bank-guidelines.en.txt")[0], "a real corpus file is served");
  }

  private static String[] rawGet(String path) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.app.port())) {
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      String resp = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new String[] {resp.substring(9, 12), resp.substring(Math.max(0, resp.indexOf("\r\n\r\n")))};
    }
  }

  @Test
  void noCorsEvenWhenAskedAndCspForbidsInlineScript() throws Exception {
    for (String method : List.of("GET", "OPTIONS")) {
      HttpResponse<String> r = server.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?q=secure"))
          .method(method, HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
          .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), method + ": no CORS");
      assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), method);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), method);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
    }
  }

  @Test
  void serverBindsLoopbackUnlessToldOtherwise() {
    CommandLine cl = new CommandLine(new Main());
    String host = cl.getSubcommands().get("serve").getCommandSpec().findOption("--host").defaultValue();
    assertEquals("127.0.0.1", host);
  }

  @Test
  void reindexFromAnotherMachineIsRefusedWithoutTheToken() throws Exception {
    // test traffic stays on 127.0.0.1 by default: this binds to the machine's own LAN address, so it is opt-in
    assumeTrue(Boolean.getBoolean("policysearch.lanTests"), "opt-in: -Dpolicysearch.lanTests=true (binds a non-loopback local address)");
    InetAddress lan = nonLoopbackAddress();
    assumeTrue(lan != null, "this machine has no non-loopback IPv4 address to bind to");
    try (HardeningServer open = new HardeningServer(HardeningServer.smallCorpus(tmp.resolve("c2")), tmp.resolve("i2"), null, lan.getHostAddress());
        HardeningServer withToken = new HardeningServer(HardeningServer.smallCorpus(tmp.resolve("c3")), tmp.resolve("i3"), "s3cret-token",
            lan.getHostAddress())) {
      // connecting to the machine's own LAN address makes the request come from that (non-loopback) address
      HttpResponse<String> refused = post(open, Map.of());
      assertEquals(403, refused.statusCode(), refused.body());
      assertEquals("forbidden", Json.mapper().readTree(refused.body()).get("error").asText());
      assertEquals(403, post(withToken, Map.of("Authorization", "Bearer wrong")).statusCode());
      assertEquals(403, post(withToken, Map.of()).statusCode());
      HttpResponse<String> ok = post(withToken, Map.of("Authorization", "Bearer s3cret-token"));
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals(200, open.get("/api/search?q=secure").statusCode(), "reading stays open");
    }
  }

  private static HttpResponse<String> post(HardeningServer s, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + "/api/reindex")).POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    return s.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static InetAddress nonLoopbackAddress() throws Exception {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) continue;
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a;
      }
    }
    return null;
  }

  /** Keeps WebApp's CSP constant in view: the tests above check the header, this the constant. */
  @Test
  void cspConstantHasNoInlineScript() {
    assertFalse(WebApp.CSP.contains("unsafe-inline"));
    assertTrue(WebApp.CSP.contains("object-src 'none'") && WebApp.CSP.contains("frame-ancestors 'none'"));
  }
}
