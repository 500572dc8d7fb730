package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.testing.DemoCorpus;

/** Issue 18 over HTTP on the demo corpus: sort orders, the file-type filter, the CSV export, the friendly /p/ page. */
class SortExportApiTest {
  static TestServer server;
  static Map<String, JsonNode> docs = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(DemoCorpus.folder(), DemoCorpus.index(), null);
    for (JsonNode d : server.json("/api/docs")) docs.put(d.get("id").asText(), d);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  private static List<JsonNode> all(String params) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (int off = 0; ; off += 100) {
      JsonNode page = server.json("/api/search?limit=100&offset=" + off + "&" + params);
      page.get("hits").forEach(out::add);
      if (off + 100 >= page.get("total").asInt()) return out;
    }
  }

  private static String date(JsonNode h) {
    return h.get("date").isNull() ? null : h.get("date").asText();
  }

  @Test
  void dateOrdersAreNewestOrOldestFirstWithUndatedLast() throws Exception {
    String q = "q=" + TestServer.enc("安全");
    List<JsonNode> rel = all(q);
    for (String sort : List.of("date_desc", "date_asc")) {
      List<JsonNode> hits = all(q + "&sort=" + sort);
      assertEquals(rel.size(), hits.size(), "the same passages in another order");
      for (int i = 1; i < hits.size(); i++) {
        String a = date(hits.get(i - 1)), b = date(hits.get(i));
        if (b == null) continue;
        assertTrue(a != null, "a dated passage after an undated one");
        int c = a.compareTo(b);
        assertTrue(sort.equals("date_desc") ? c >= 0 : c <= 0, sort + ": " + a + " then " + b);
        if (c == 0 && a.equals(b) && hits.get(i - 1).get("doc").asText().equals(hits.get(i).get("doc").asText())) {
          assertTrue(hits.get(i - 1).get("ordinal").asInt() < hits.get(i).get("ordinal").asInt(), "reading order within a document");
        }
      }
      assertTrue(!date(hits.get(0)).equals(date(hits.get(hits.size() - 1))), "more than one date");
    }
  }

  @Test
  void documentOrderIsByIdThenReadingOrder() throws Exception {
    List<JsonNode> hits = all("q=" + TestServer.enc("security") + "&sort=doc");
    assertTrue(hits.size() > 20);
    for (int i = 1; i < hits.size(); i++) {
      int c = hits.get(i - 1).get("doc").asText().compareTo(hits.get(i).get("doc").asText());
      assertTrue(c < 0 || c == 0 && hits.get(i - 1).get("ordinal").asInt() < hits.get(i).get("ordinal").asInt());
    }
    HttpResponse<String> bad = server.get("/api/search?q=x&sort=random");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("sort must be one of"), bad.body());
  }

  @Test
  void theFileTypeFilterKeepsDocumentsOfThatFormat() throws Exception {
    JsonNode r = server.json("/api/search?limit=100&q=" + TestServer.enc("安全") + "&filetype=" + TestServer.enc("text/html"));
    assertTrue(r.get("total").asInt() > 0);
    for (JsonNode f : r.get("facets").get("docs")) {
      assertTrue(docs.get(f.get("id").asText()).get("format").asText().startsWith("text/html"), f.toString());
    }
    JsonNode none = server.json("/api/search?q=" + TestServer.enc("安全") + "&filetype=" + TestServer.enc("image/x-none"));
    assertEquals(0, none.get("total").asInt());
  }

  @Test
  void csvExportIsEveryMatchingPassageWithABom() throws Exception {
    String q = "q=" + TestServer.enc("\"secure and controllable\"") + "&sort=date_asc";
    List<JsonNode> hits = all(q);
    HttpResponse<byte[]> res = server.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?format=csv&limit=5&" + q)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, res.statusCode());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(res.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    byte[] b = res.body();
    assertTrue(b.length > 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF, "UTF-8 BOM");
    List<List<String>> rows = Csv.parse(new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
    assertEquals(List.of("doc", "title", "date", "page", "language", "passage", "text", "link"), rows.get(0));
    assertEquals(hits.size() + 1, rows.size(), "every passage, not one page (limit is ignored)");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < hits.size(); i++) {
      JsonNode h = hits.get(i);
      List<String> row = rows.get(i + 1);
      assertEquals(h.get("doc").asText(), row.get(0), "the export keeps the sort order");
      assertEquals(h.get("passage").asText(), row.get(5));
      assertEquals(h.get("text").asText(), row.get(6));
      assertEquals(server.base() + "/p/" + h.get("passage").asText(), row.get(7));
      seen.add(row.get(5));
    }
    assertEquals(hits.size(), seen.size());
    HttpResponse<String> bad = server.get("/api/search?format=csv&q=" + TestServer.enc("\"unbalanced"));
    assertEquals(400, bad.statusCode(), "a bad query is a JSON error, not a broken file");
    assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(400, server.get("/api/search?format=xml&q=x").statusCode());
  }

  @Test
  void csvByDocumentIsEveryMatchingDocumentWithItsCountsByDate() throws Exception {
    String q = "q=" + TestServer.enc("安全");
    JsonNode lookup = server.json("/api/search?limit=0&" + q);
    HttpResponse<byte[]> res = server.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?format=csv&group=doc&sort=date_asc&" + q)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, res.statusCode());
    byte[] b = res.body();
    assertTrue((b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF, "UTF-8 BOM");
    List<List<String>> rows = Csv.parse(new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
    assertEquals(List.of("doc", "title", "date", "issuer", "number", "format", "language", "passages", "direct", "via", "link"), rows.get(0));
    assertEquals(lookup.get("facets").get("docs").size() + 1, rows.size(), "every matching document once");
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode f : lookup.get("facets").get("docs")) counts.put(f.get("id").asText(), f.get("count").asLong());
    String last = "";
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(counts.get(row.get(0)).toString(), row.get(7), row.get(0));
      assertEquals(docs.get(row.get(0)).get("date").asText(), row.get(2));
      assertTrue(row.get(2).compareTo(last) >= 0, "oldest first: " + last + " then " + row.get(2));
      last = row.get(2);
      assertTrue(row.get(10).startsWith(server.base() + "/d/" + row.get(0)), row.get(10));
    }
    assertEquals(400, server.get("/api/search?group=doc&" + q).statusCode(), "group=doc is for the CSV");
    assertEquals(400, server.get("/api/search?format=csv&group=year&" + q).statusCode());
  }

  @Test
  void aBrokenShortLinkGivesABrowserAPage() throws Exception {
    HttpResponse<String> html = server.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/p/zzzznotthere"))
        .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.body().contains("Passage not found"));
    HttpResponse<String> json = server.get("/p/zzzznotthere");
    assertEquals(404, json.statusCode());
    assertTrue(json.body().contains("\"not_found\""));
  }

  @Test
  void healthNamesTheCorpusFolder() throws Exception {
    assertEquals(DemoCorpus.folder().toAbsolutePath().normalize().toString(), server.json("/health").get("corpus").asText());
  }

  /** A small RFC 4180 reader for the tests. */
  static final class Csv {
    static List<List<String>> parse(String s) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { cell.append('"'); i++; }
          else if (c == '"') quoted = false;
          else cell.append(c);
        } else if (c == '"') quoted = true;
        else if (c == ',') { row.add(cell.toString()); cell.setLength(0); }
        else if (c == '\r') continue;
        else if (c == '\n') { row.add(cell.toString()); cell.setLength(0); rows.add(row); row = new ArrayList<>(); }
        else cell.append(c);
      }
      if (cell.length() > 0 || !row.isEmpty()) { row.add(cell.toString()); rows.add(row); }
      return rows;
    }
  }
}
