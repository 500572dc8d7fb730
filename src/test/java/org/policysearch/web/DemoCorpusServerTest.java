package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.search.Json;
import org.policysearch.testing.DemoCorpus;

/** The server over the shared demo corpus (skipped when it is absent); the index is the one all demo tests share. */
class DemoCorpusServerTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(DemoCorpus.folder(), DemoCorpus.index(), null);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  @Test
  void snippetsAndOffsetsAgreeInBothLanguages() throws Exception {
    for (String q : List.of("\"安全可控\"", "\"secure and controllable\"", "网络安全", "overcapacity tariffs", "\"关键信息基础设施\"")) {
      JsonNode r = server.json("/api/search?limit=100&q=" + TestServer.enc(q));
      assertTrue(r.get("total").asInt() > 0, q);
      for (JsonNode h : r.get("hits")) Hits.assertConsistent(h);
    }
  }

  @Test
  void aMisspeltTermGetsADidYouMeanOverHttp() throws Exception {
    JsonNode r = server.json("/api/search?q=" + TestServer.enc("semiconducter"));
    assertEquals(0, r.get("total").asInt());
    assertEquals("semiconductor", r.at("/suggestions/0/query").asText());
    assertTrue(r.at("/suggestions/0/total").asInt() > 0);
    JsonNode zh = server.json("/api/search?q=" + TestServer.enc("安全可空"));
    assertEquals("安全可控", zh.at("/suggestions/0/query").asText());
    assertEquals(0, server.json("/api/search?q=" + TestServer.enc("semiconductor")).get("suggestions").size());
  }

  @Test
  void chineseMarksLandOnThePhrase() throws Exception {
    JsonNode r = server.json("/api/search?limit=100&expand=false&q=" + TestServer.enc("\"安全可控\""));
    assertTrue(r.get("total").asInt() > 0, r.get("total").toString());
    for (JsonNode h : r.get("hits")) {
      for (String s : Hits.spanTexts(h.get("text").asText(), h.get("matches"))) assertEquals("安全可控", s, h.get("passage").asText());
    }
  }

  @Test
  void filtersAndPagingOverTheDemoCorpus() throws Exception {
    String q = "q=" + TestServer.enc("\"secure and controllable\"");
    JsonNode all = server.json("/api/search?limit=100&" + q);
    int total = all.get("total").asInt();
    Set<String> seen = new HashSet<>();
    for (int off = 0; off < Math.min(total, 60); off += 20) {
      JsonNode page = server.json("/api/search?limit=20&offset=" + off + "&" + q);
      assertEquals(total, page.get("total").asInt());
      assertEquals(all.get("facets"), page.get("facets"));
      for (JsonNode h : page.get("hits")) assertTrue(seen.add(h.get("doc").asText() + "#" + h.get("passage").asText()));
    }
    JsonNode zh = server.json("/api/search?limit=100&lang=zh&" + q);
    for (JsonNode h : zh.get("hits")) assertEquals("zh", h.get("lang").asText());
    long zhFacet = 0;
    for (JsonNode f : all.get("facets").get("lang")) if (f.get("id").asText().equals("zh")) zhFacet = f.get("count").asLong();
    assertEquals(zhFacet, zh.get("total").asLong(), "the lang facet predicts the filtered total");
  }

  @Test
  void deepLinksOfHitsResolve() throws Exception {
    JsonNode r = server.json("/api/search?limit=10&q=" + TestServer.enc("\"安全可控\""));
    for (JsonNode h : r.get("hits")) {
      String doc = h.get("doc").asText(), anchor = h.get("passage").asText();
      var p = server.get("/p/" + anchor);
      assertEquals(302, p.statusCode());
      assertEquals("/d/" + doc + "#" + anchor, p.headers().firstValue("Location").orElseThrow());
      JsonNode d = server.json("/api/docs/" + doc + "?anchor=" + anchor);
      assertEquals("ok", d.get("anchor_status").asText());
    }
  }

  @Test
  void cliJsonMatchesTheApi() throws Exception {
    for (String q : List.of("\"安全可控\"", "semiconductors")) {
      ObjectNode a = (ObjectNode) Json.mapper().readTree(TestServer.cliOut("search", "--json", "--limit", "20", "--corpus",
          server.corpus.toString(), "--index", server.index.toString(), q));
      ObjectNode b = (ObjectNode) server.json("/api/search?q=" + TestServer.enc(q));
      a.remove("took_ms");
      b.remove("took_ms");
      assertEquals(a, b, q);
    }
  }

  @Test
  void suggestionsAreFast() throws Exception {
    server.json("/api/suggest?q=s"); // builds the per-generation tables
    long t0 = System.nanoTime();
    for (String q : List.of("s", "se", "sec", "secure and c", "网", "网络", "made in", "中国制造")) {
      JsonNode r = server.json("/api/suggest?q=" + TestServer.enc(q));
      assertTrue(r.get("suggestions").size() > 0, q);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 2000, "8 suggestion calls took " + ms + " ms");
  }
}
