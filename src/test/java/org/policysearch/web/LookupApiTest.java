package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.Json;
import org.policysearch.testing.BruteForce;

/**
 * The lookup, {@code /api/search?limit=0} (issue 7): over real HTTP, for phrases drawn from a
 * generated bilingual corpus of 130 documents, it answers no hits, the total and a docs facet
 * that lists every matching document with its number of matching passages, exactly as brute
 * force over the passages' text counts them (no cap, although some phrases occur in every
 * document); the first page answers the same total and the same counts, its facets cut to the
 * top 100 values.
 */
class LookupApiTest {
  @TempDir static Path tmp;
  static TestServer server;
  /** document id → the normalised text of each of its passages (read back through the API). */
  static final Map<String, List<String>> passages = new TreeMap<>();

  static final String[] EN = {"secure", "and", "controllable", "data", "must", "be", "stored", "locally", "the", "state", "council",
      "rules", "for", "banks", "review", "of", "cloud", "services", "technology", "vendors"};
  static final String ZH = "安全可控数据本地存储国务院规则银行审查云服务技术供应商网络关键信息基础设施";
  static final int DOCS = 130;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Random rnd = new Random(20261130L);
    for (int d = 0; d < DOCS; d++) {
      StringBuilder b = new StringBuilder();
      // every document opens with the same notice, so some phrases match every document (more than the 100 a page's facet lists)
      b.append("Policy notice on secure and controllable technology number ").append(d).append(".\n\n");
      int paragraphs = 1 + rnd.nextInt(5);
      for (int p = 0; p < paragraphs; p++) {
        if (rnd.nextInt(3) == 0) {
          for (int i = 0, n = 8 + rnd.nextInt(30); i < n; i++) b.append(ZH.charAt(rnd.nextInt(ZH.length())));
          b.append("。");
        } else {
          for (int i = 0, n = 6 + rnd.nextInt(25); i < n; i++) b.append(i == 0 ? "" : " ").append(EN[rnd.nextInt(EN.length)]);
          b.append('.');
        }
        b.append("\n\n");
      }
      Files.writeString(corpus.resolve(String.format("notice-%03d.txt", d)), b.toString());
    }
    server = new TestServer(corpus, tmp.resolve("index"), null);
    server.reindex(false);
    for (JsonNode doc : server.json("/api/docs")) {
      String id = doc.get("id").asText();
      List<String> texts = new ArrayList<>();
      for (JsonNode p : server.json("/api/docs/" + id).get("passages")) texts.add(BruteForce.normalize(p.get("text").asText()));
      passages.put(id, texts);
    }
    assertEquals(DOCS, passages.size());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Phrases of 2-4 units taken at random (fixed seed) from the passages, plus some that occur everywhere or nowhere. */
  static List<String> phrases() {
    Set<String> out = new LinkedHashSet<>(List.of("secure and controllable", "policy notice", "technology number", "安全可控", "数据",
        "银行", "the state council", "no such phrase anywhere", "互联网+"));
    Random rnd = new Random(7);
    List<String> ids = new ArrayList<>(passages.keySet());
    while (out.size() < 60) {
      List<String> ps = passages.get(ids.get(rnd.nextInt(ids.size())));
      String[] units = ps.get(rnd.nextInt(ps.size())).strip().split(" ");
      if (units.length < 4) continue;
      int len = 2 + rnd.nextInt(3), start = rnd.nextInt(units.length - len);
      boolean han = units[start].codePoints().allMatch(Character::isIdeographic);
      out.add(String.join(han ? "" : " ", List.of(units).subList(start, start + len)));
    }
    return new ArrayList<>(out);
  }

  /** Matching passages per document by brute force. */
  static Map<String, Long> bruteForce(String phrase) {
    Map<String, Long> out = new TreeMap<>();
    for (var e : passages.entrySet()) {
      long n = e.getValue().stream().filter(t -> BruteForce.contains(t, phrase)).count();
      if (n > 0) out.put(e.getKey(), n);
    }
    return out;
  }

  static Map<String, Long> counts(JsonNode facet) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (JsonNode f : facet) assertEquals(null, out.put(f.get("id").asText(), f.get("count").asLong()), "listed once: " + f);
    return out;
  }

  @Test
  void lookupAnswersEveryMatchingDocumentAsBruteForceCountsIt() throws Exception {
    int overPageCap = 0, empty = 0;
    List<String> failures = new ArrayList<>();
    for (String p : phrases()) {
      String q = "q=" + TestServer.enc("\"" + p + "\"") + "&expand=false";
      JsonNode lookup = server.json("/api/search?limit=0&" + q);
      Map<String, Long> expected = bruteForce(p);
      long total = expected.values().stream().mapToLong(Long::longValue).sum();
      assertEquals(0, lookup.get("hits").size(), p);
      assertEquals(0, lookup.get("limit").asInt(), p);
      Map<String, Long> got = counts(lookup.get("facets").get("docs"));
      if (!new TreeMap<>(got).equals(expected) || lookup.get("total").asLong() != total) {
        failures.add("\"" + p + "\": lookup total " + lookup.get("total") + " " + got + " vs brute force " + total + " " + expected);
        continue;
      }
      if (expected.size() > 100) overPageCap++;
      if (expected.isEmpty()) empty++;
      // the facet is ordered by count, then id
      List<Map.Entry<String, Long>> order = new ArrayList<>(got.entrySet());
      for (int i = 1; i < order.size(); i++) {
        var a = order.get(i - 1);
        var b = order.get(i);
        assertTrue(a.getValue() > b.getValue() || a.getValue().equals(b.getValue()) && a.getKey().compareTo(b.getKey()) < 0, p + ": " + a + " before " + b);
      }
      // the first page: same total, same counts; its docs facet is the lookup's cut to the top 100
      JsonNode page = server.json("/api/search?limit=20&" + q);
      assertEquals(lookup.get("total"), page.get("total"), p);
      assertEquals(Math.min(20, total), page.get("hits").size(), p);
      List<Map.Entry<String, Long>> pageDocs = new ArrayList<>(counts(page.get("facets").get("docs")).entrySet());
      assertEquals(order.subList(0, Math.min(100, order.size())), pageDocs, p);
      assertEquals(lookup.get("facets").get("lang"), page.get("facets").get("lang"), p);
      assertEquals(lookup.get("facets").get("terms"), page.get("facets").get("terms"), p);
    }
    assertTrue(failures.isEmpty(), failures.size() + " phrases disagree:\n" + String.join("\n", failures));
    assertTrue(overPageCap >= 2, "phrases found in more documents than a page's facet lists: " + overPageCap);
    assertTrue(empty >= 1, "a phrase found nowhere");
  }

  @Test
  void lookupWithExpansionAndFiltersAgreesWithThePage() throws Exception {
    for (String q : List.of("\"secure and controllable\"", "安全可控", "data stored", "\"数据\" lang:zh", "banks OR 银行", "技术")) {
      for (String filter : List.of("", "&lang=en", "&doc=notice-007-txt")) {
        String params = "q=" + TestServer.enc(q) + filter;
        JsonNode lookup = server.json("/api/search?limit=0&" + params);
        JsonNode page = server.json("/api/search?limit=100&" + params);
        assertEquals(0, lookup.get("hits").size(), params);
        assertEquals(page.get("total"), lookup.get("total"), params);
        assertEquals(page.get("expansions"), lookup.get("expansions"), params);
        Map<String, Long> all = counts(lookup.get("facets").get("docs"));
        assertEquals(lookup.get("total").asLong(), all.values().stream().mapToLong(Long::longValue).sum(), params);
        List<Map.Entry<String, Long>> top = new ArrayList<>(all.entrySet()).subList(0, Math.min(100, all.size()));
        assertEquals(top, new ArrayList<>(counts(page.get("facets").get("docs")).entrySet()), params);
        // every passage of the page comes from a document the lookup lists
        for (JsonNode h : page.get("hits")) assertTrue(all.containsKey(h.get("doc").asText()), params + " " + h.get("doc"));
      }
    }
  }

  @Test
  void cliLookupPrintsWhatTheApiAnswers() throws Exception {
    String q = "\"secure and controllable\"";
    ObjectNode api = (ObjectNode) server.json("/api/search?limit=0&q=" + TestServer.enc(q));
    ObjectNode cli = (ObjectNode) Json.mapper().readTree(TestServer.cliOut("search", "--json", "--limit", "0", "--corpus",
        server.corpus.toString(), "--index", server.index.toString(), q));
    api.remove("took_ms");
    cli.remove("took_ms");
    assertEquals(api, cli);
    String text = TestServer.cliOut("search", "--limit", "0", "--corpus", server.corpus.toString(), "--index", server.index.toString(), q);
    assertTrue(text.contains("in " + DOCS + " documents"), text.lines().limit(3).toList().toString());
    assertTrue(text.contains("notice-129-txt"), "every document is listed");
  }

  @Test
  void badLimitsAreRefusedNamingTheParameter() throws Exception {
    for (String v : List.of("-1", "101", "ten", "1.5", "0x10", "-0x1", "99999999999999999999", "%00")) {
      HttpResponse<String> r = server.get("/api/search?q=data&limit=" + v);
      assertEquals(400, r.statusCode(), v + " -> " + r.body());
      JsonNode body = Json.mapper().readTree(r.body());
      assertEquals("bad_parameter", body.get("error").asText(), v);
      assertTrue(body.get("message").asText().contains("limit"), body.toString());
      assertFalse(r.body().contains("Exception"), r.body());
    }
    assertEquals(20, server.json("/api/search?q=data&limit=").get("limit").asInt(), "an empty limit is the default");
  }
}
