package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.testing.DemoCorpus;

/**
 * The demo files copied to a temporary folder WITHOUT SOURCES.tsv (issue 17): what the documents
 * say about themselves must give their dates, titles, issuers and numbers, through the real server.
 */
class CorpusWithoutSourcesTest {
  static Path corpus;
  static Path index;
  static TestServer server;
  static Map<String, JsonNode> docs = new HashMap<>();

  /** The year each demo document bears (the SOURCES.tsv date the test no longer gives the indexer). */
  static final Map<String, String> YEAR = table("""
      2007-anti-monopoly-law.zh.md 2007
      2014-government-procurement-law.zh.txt 2014
      2015-government-procurement-law-implementing-regulations.zh.md 2015
      2015-government-work-report.zh.html 2015
      2015-national-security-law.zh.docx 2015
      2016-cybersecurity-law.zh.pdf 2016
      2016-government-work-report.zh.html 2016
      2017-government-work-report.zh.html 2017
      2018-ustr-section-301-notice-of-action.en.pdf 2018
      2024-white-house-brainard-remarks-china-overcapacity.en.html 2024
      2024-white-house-fact-sheet-section-301-tariffs.en.html 2024
      2024-white-house-section-301-review-memorandum.en.md 2024
      uschamber-2017-made-in-china-2025.en.pdf 2017
      uschamber-2017-made-in-china-2025.en.txt 2017
      """);

  private static Map<String, String> table(String rows) {
    Map<String, String> out = new HashMap<>();
    for (String row : rows.strip().split("\n")) out.put(row.strip().split(" ")[0], row.strip().split(" ")[1]);
    return out;
  }

  /** Documents whose own text (opening lines or title) carries their date: the rest is dated by its file name. */
  static final Set<String> DATED_BY_TEXT = Set.of("2007-anti-monopoly-law.zh.md", "2014-government-procurement-law.zh.txt",
      "2015-government-procurement-law-implementing-regulations.zh.md", "2015-government-work-report.zh.html",
      "2015-national-security-law.zh.docx", "2016-cybersecurity-law.zh.pdf", "2016-government-work-report.zh.html",
      "2017-government-work-report.zh.html", "2018-ustr-section-301-notice-of-action.en.pdf",
      "uschamber-2017-made-in-china-2025.en.pdf");

  @BeforeAll
  static void start() throws Exception {
    corpus = Files.createTempDirectory("no-sources-corpus");
    index = Files.createTempDirectory("no-sources-index");
    try (var s = Files.list(DemoCorpus.folder())) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (!n.equals("SOURCES.tsv") && !n.equals("README.md")) Files.copy(p, corpus.resolve(n));
      }
    }
    server = new TestServer(corpus, index, null);
    server.reindex(false);
    for (JsonNode d : server.json("/api/docs")) docs.put(d.get("source").asText(), d);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    DemoCorpus.delete(corpus);
    DemoCorpus.delete(index);
  }

  private static String year(JsonNode d) {
    String date = d.path("date").asText("");
    return date.length() >= 4 ? date.substring(0, 4) : "";
  }

  @Test
  void documentsWhoseTextCarriesADateGetTheRightYear() {
    int right = 0;
    for (String f : DATED_BY_TEXT) {
      JsonNode d = docs.get(f);
      if (YEAR.get(f).equals(year(d))) right++;
      assertTrue(d.get("date_source").asText().matches("text:.*|title"), f + " dated by " + d.get("date_source"));
    }
    assertTrue(right >= 0.9 * DATED_BY_TEXT.size(), right + " of " + DATED_BY_TEXT.size());
    // the rest (White House pages without a dateline, the report's text export) from their file names
    for (var e : YEAR.entrySet()) assertEquals(e.getValue(), year(docs.get(e.getKey())), e.getKey());
  }

  @Test
  void datesSayWhichRuleGaveThemAndAmendedLawsKeepTheirFirstAdoption() {
    JsonNode law = docs.get("2014-government-procurement-law.zh.txt");
    assertEquals("2014-08-31", law.get("date").asText());
    assertEquals("2002-06-29", law.get("date_first").asText());
    assertEquals("text:amended", law.get("date_source").asText());
    JsonNode cyber = docs.get("2016-cybersecurity-law.zh.pdf");
    assertEquals("2016-11-07", cyber.get("date").asText());
    assertEquals("text:adopted", cyber.get("date_source").asText());
    assertEquals("2018-06-20", docs.get("2018-ustr-section-301-notice-of-action.en.pdf").get("date").asText());
    assertEquals("file-name", docs.get("2024-white-house-fact-sheet-section-301-tariffs.en.html").get("date_source").asText());
  }

  @Test
  void everyTitleIsTheDocumentsOwn() {
    Map<String, String> expected = Map.of(
        "2014-government-procurement-law.zh.txt", "中华人民共和国政府采购法",
        "2007-anti-monopoly-law.zh.md", "中华人民共和国反垄断法",
        "2015-national-security-law.zh.docx", "中华人民共和国国家安全法",
        "2016-cybersecurity-law.zh.pdf", "中华人民共和国网络安全法",
        "2017-government-work-report.zh.html", "2017年中华人民共和国国务院政府工作报告",
        "2018-ustr-section-301-notice-of-action.en.pdf", "Notice of Action and Request for Public Comment Concerning Proposed "
            + "Determination of Action Pursuant to Section 301: China’s Acts, Policies, and Practices Related to Technology "
            + "Transfer, Intellectual Property, and Innovation",
        "2024-white-house-section-301-review-memorandum.en.md", "Memorandum on Actions by the United States Related to the "
            + "Statutory 4-Year Review of the Section 301 Investigation of China’s Acts, Policies, and Practices Related to "
            + "Technology Transfer, Intellectual Property, and Innovation",
        "uschamber-2017-made-in-china-2025.en.pdf",
        "Made in China 2025: Global Ambitions Built on Local Protections (U.S. Chamber of Commerce, 2017)");
    for (var e : expected.entrySet()) assertEquals(e.getValue(), docs.get(e.getKey()).get("title").asText(), e.getKey());
    for (JsonNode d : docs.values()) {
      String t = d.get("title").asText();
      String source = d.get("source").asText();
      assertTrue(!t.equals(source) && !t.matches(".*\\.(md|txt|html|pdf|docx)$"), source + " titled by its file name: " + t);
      assertTrue(!t.matches(".*\\d{4}年\\d{1,2}月\\d{1,2}日.*"), source + " title runs into a date line: " + t);
      assertTrue(t.length() <= 300, source);
    }
  }

  @Test
  void issuersAndNumbersAreShownAndFilter() throws Exception {
    assertEquals("全国人民代表大会常务委员会", docs.get("2016-cybersecurity-law.zh.pdf").get("issuer").asText());
    assertEquals("国务院", docs.get("2015-government-procurement-law-implementing-regulations.zh.md").get("issuer").asText());
    assertEquals("The White House", docs.get("2024-white-house-fact-sheet-section-301-tariffs.en.html").get("issuer").asText());
    assertEquals("中华人民共和国国务院令第658号",
        docs.get("2015-government-procurement-law-implementing-regulations.zh.md").get("number").asText());
    assertEquals("FR Doc. 2018-13248; USTR-2018-0018", docs.get("2018-ustr-section-301-notice-of-action.en.pdf").get("number").asText());

    assertEquals(Set.of("2015-government-procurement-law-implementing-regulations.zh.md", "2015-government-work-report.zh.html",
        "2016-government-work-report.zh.html", "2017-government-work-report.zh.html"), sources("issuer:国务院"));
    assertEquals(sources("issuer:国务院"), sources("issuer:\"State Council\""));
    assertEquals(Set.of("2018-ustr-section-301-notice-of-action.en.pdf"), sources("issuer:USTR"));
    assertEquals(Set.of("2018-ustr-section-301-notice-of-action.en.pdf"), sources("number:2018-13248"));
    assertEquals(Set.of("2015-government-procurement-law-implementing-regulations.zh.md"), sources("number:中华人民共和国国务院令第658号"));
    assertEquals(sources("number:中华人民共和国国务院令第658号"), sources("number:国务院令第658号"));
    // a filter combines with words, and hits carry the issuer
    JsonNode r = server.json("/api/search?limit=5&q=" + TestServer.enc("采购 issuer:国务院"));
    assertTrue(r.get("total").asInt() > 0);
    for (JsonNode h : r.get("hits")) assertEquals("国务院", h.get("issuer").asText());
  }

  @Test
  void theReportsPdfAndTextCopyAreOneDocumentEverywhere() throws Exception {
    JsonNode pdf = docs.get("uschamber-2017-made-in-china-2025.en.pdf");
    JsonNode txt = docs.get("uschamber-2017-made-in-china-2025.en.txt");
    String pdfId = pdf.get("id").asText(), txtId = txt.get("id").asText();
    // the PDF leads (it has pages to link to) and names its text copy; the copy names its leader
    assertEquals(1, pdf.get("copies").size());
    assertEquals(txtId, pdf.get("copies").get(0).get("id").asText());
    assertEquals("TXT", pdf.get("copies").get(0).get("format").asText());
    assertTrue(pdf.get("copy_of").isNull());
    assertEquals(pdfId, txt.get("copy_of").asText());
    assertEquals(pdf.get("title").asText(), txt.get("title").asText(), "a copy carries its leader's title");
    for (JsonNode d : docs.values()) {
      if (d != pdf && d != txt) assertEquals(0, d.get("copies").size(), d.get("source").asText());
    }

    // results and facets: each passage once, under the PDF, which says "also as TXT"
    String phrase = TestServer.enc("\"secure and controllable\"");
    JsonNode lookup = server.json("/api/search?limit=0&expand=false&q=" + phrase);
    Set<String> facetDocs = new HashSet<>();
    for (JsonNode f : lookup.get("facets").get("docs")) facetDocs.add(f.get("id").asText());
    assertTrue(facetDocs.contains(pdfId) && !facetDocs.contains(txtId), facetDocs.toString());
    JsonNode inPdf = server.json("/api/search?limit=0&expand=false&doc=" + pdfId + "&q=" + phrase);
    assertEquals(lookup.get("total").asInt(), inPdf.get("total").asInt(), "every match is one of the PDF's");
    JsonNode hits = server.json("/api/search?limit=100&expand=false&q=" + phrase);
    for (JsonNode h : hits.get("hits")) {
      assertEquals(pdfId, h.get("doc").asText());
      assertEquals("TXT", h.get("also").get(0).get("format").asText());
    }
    // kept to the copy, a search still searches it; its reader page and deep links work
    JsonNode inTxt = server.json("/api/search?limit=5&expand=false&doc=" + txtId + "&q=" + phrase);
    assertEquals(inPdf.get("total").asInt(), inTxt.get("total").asInt());
    String anchor = inTxt.get("hits").get(0).get("passage").asText();
    JsonNode reader = server.json("/api/docs/" + txtId + "?anchor=" + anchor);
    assertEquals("ok", reader.get("anchor_status").asText());
    assertEquals(pdfId, reader.get("copy_of").asText());
    assertEquals(302, server.get("/p/" + anchor).statusCode());

    // the concordance and the heatmap count the report once, in its year
    org.policysearch.search.Concordance c = new org.policysearch.search.Concordance(server.search);
    assertTrue(c.overview().docs().stream().noneMatch(d -> d.id().equals(txtId)));
    var term = c.term("made-in-china-2025", null);
    assertTrue(term.docs().stream().noneMatch(d -> d.doc().equals(txtId)));
    var report = term.docs().stream().filter(d -> d.doc().equals(pdfId)).findFirst().orElseThrow();
    assertEquals("2017", report.date().substring(0, 4));
    assertEquals(term.mentions(), term.docs().stream().mapToLong(org.policysearch.search.Concordance.TermDoc::count).sum());
  }

  @Test
  void useOverTimeReadsTheInferredDates() throws Exception {
    // every document of the heatmap has a date and the years span the demo corpus, none from the copy time of the files
    org.policysearch.search.Concordance c = new org.policysearch.search.Concordance(server.search);
    Set<String> years = new HashSet<>();
    for (var d : c.overview().docs()) {
      assertTrue(d.date() != null && d.date().matches("(19|20)\\d\\d.*"), d.id() + " " + d.date());
      years.add(d.date().substring(0, 4));
    }
    assertEquals(Set.of("2007", "2014", "2015", "2016", "2017", "2018", "2024"), years);
  }

  /** The sources of the documents a query's lookup lists. */
  private static Set<String> sources(String q) throws Exception {
    JsonNode r = server.json("/api/search?limit=0&expand=false&q=" + TestServer.enc(q));
    Map<String, String> byId = new HashMap<>();
    for (JsonNode d : docs.values()) byId.put(d.get("id").asText(), d.get("source").asText());
    Set<String> out = new HashSet<>();
    for (JsonNode f : r.get("facets").get("docs")) out.add(byId.get(f.get("id").asText()));
    return out;
  }
}
