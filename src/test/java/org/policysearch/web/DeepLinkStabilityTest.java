package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deep links survive re-indexing from scratch and edits elsewhere in the document; a changed passage says so. */
class DeepLinkStabilityTest {
  @TempDir static Path tmp;
  static TestServer server;
  static Path file;

  static final String TARGET = "各银行应当采用安全可控的信息技术产品，逐步提高安全可控水平。";
  static final String ORIGINAL = "# 关于推进安全可控信息技术的通知\n\n" + TARGET + "\n\n加强网络安全审查，保障关键信息基础设施安全。\n";

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    file = Files.writeString(corpus.resolve("notice.zh.md"), ORIGINAL);
    Files.writeString(corpus.resolve("other.en.txt"), "Secure and controllable products for banks.\n");
    server = new TestServer(corpus, tmp.resolve("index"), null);
    server.reindex(false);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** The anchor of the first hit for the quoted phrase in the target passage. */
  private static JsonNode hitForTarget() throws Exception {
    JsonNode r = server.json("/api/search?q=" + TestServer.enc("\"逐步提高\"") + "&expand=false");
    assertEquals(1, r.get("total").asInt(), r.toString());
    return r.get("hits").get(0);
  }

  private static List<String> anchors(String doc) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode p : server.json("/api/docs/" + doc).get("passages")) out.add(p.get("anchor").asText());
    return out;
  }

  private static void assertResolves(String doc, String anchor) throws Exception {
    HttpResponse<String> p = server.get("/p/" + anchor);
    assertEquals(302, p.statusCode(), p.body());
    assertEquals("/d/" + doc + "#" + anchor, p.headers().firstValue("Location").orElseThrow());
    JsonNode d = server.json("/api/docs/" + doc + "?anchor=" + anchor);
    assertEquals("ok", d.get("anchor_status").asText());
    assertTrue(anchors(doc).contains(anchor));
  }

  @Test
  void linksSurviveFullReindexEditsElsewhereAndReportChanges() throws Exception {
    JsonNode hit = hitForTarget();
    String doc = hit.get("doc").asText(), anchor = hit.get("passage").asText();
    assertResolves(doc, anchor);
    List<String> before = anchors(doc);

    // a full re-index from scratch gives the same anchors
    server.reindex(true);
    assertEquals(before, anchors(doc));
    assertResolves(doc, anchor);

    // a paragraph inserted before the passage: its anchor stays, its ordinal moves
    Files.writeString(file, ORIGINAL.replace(TARGET, "本通知自发布之日起施行。\n\n" + TARGET));
    server.reindex(false);
    assertEquals(anchor, hitForTarget().get("passage").asText());
    assertResolves(doc, anchor);
    assertEquals(before.size() + 1, anchors(doc).size());

    // the passage itself reworded: the old anchor is gone; with its quote the closest passage is offered
    String reworded = TARGET.replace("逐步提高", "不断提高");
    Files.writeString(file, ORIGINAL.replace(TARGET, reworded));
    server.reindex(false);
    assertFalse(anchors(doc).contains(anchor));
    JsonNode changed = server.json("/api/docs/" + doc + "?anchor=" + anchor + "&quote=" + TestServer.enc(TARGET));
    assertEquals("changed", changed.get("anchor_status").asText());
    String resolved = changed.get("resolved_anchor").asText();
    String resolvedText = null;
    for (JsonNode p : changed.get("passages")) if (p.get("anchor").asText().equals(resolved)) resolvedText = p.get("text").asText();
    assertEquals(reworded, resolvedText);
    assertFalse(changed.get("notice").asText().isBlank());

    // without a quote, the answer says the passage is missing rather than pointing somewhere else
    JsonNode missing = server.json("/api/docs/" + doc + "?anchor=" + anchor);
    assertEquals("missing", missing.get("anchor_status").asText());
    assertTrue(missing.get("resolved_anchor").isNull());
    assertFalse(missing.get("notice").asText().isBlank());
    // a quote from nowhere in the document is missing too
    JsonNode unrelated = server.json("/api/docs/" + doc + "?anchor=" + anchor + "&quote=" + TestServer.enc("completely unrelated words here"));
    assertEquals("missing", unrelated.get("anchor_status").asText());
    // and the short link of the vanished passage is a 404, not another place
    assertEquals(404, server.get("/p/" + anchor).statusCode());
  }
}
