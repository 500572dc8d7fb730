package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.Indexer;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import org.policysearch.testing.BruteForce;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;
import org.policysearch.testing.TraditionalText;

/**
 * Simplified and Traditional Chinese find each other (issue 15), with the project's glossary on, over
 * text, Markdown, HTML and DOCX: a hand-typed Traditional law beside its hand-typed Simplified twin,
 * and a demo government work report beside a Traditional copy made with ICU's Simplified-Traditional
 * transform (a different tool from the product's character table). For random phrases of the
 * Simplified originals, the quoted search in either script returns exactly the documents brute
 * force finds, and both scripts return the same documents.
 */
class TraditionalChineseSearchTest {
  @TempDir static Path tmp;
  static SearchService search;
  static final Map<String, String> texts = new LinkedHashMap<>();
  static String report;
  static final Transliterator S2T = Transliterator.getInstance("Simplified-Traditional");

  @BeforeAll
  static void setUp() throws Exception {
    Path corpus = tmp.resolve("corpus"), idx = tmp.resolve("index");
    Fixtures.text(corpus.resolve("dsl-traditional.txt"), String.join("\n\n", TraditionalText.TRADITIONAL) + "\n");
    Fixtures.text(corpus.resolve("dsl-simplified.md"), "# " + String.join("\n\n", TraditionalText.SIMPLIFIED) + "\n");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(corpus.resolve("dsl-articles-3-5.docx"))) {
      for (String line : TraditionalText.TRADITIONAL.subList(3, 6)) doc.createParagraph().createRun().setText(line);
      doc.write(out);
    }
    // a spreadsheet: a Traditional row, a Simplified row and an English row, one cell per column
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); OutputStream out = Files.newOutputStream(corpus.resolve("register.xlsx"))) {
      var sheet = wb.createSheet("條文");
      String[][] rows = {{"條", "內容"}, {"第四條", TraditionalText.TRADITIONAL.get(4).substring(4)},
          {"第七条", TraditionalText.SIMPLIFIED.get(6).substring(4)}, {"Note", "Operators shall use secure and controllable technology."}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
      }
      wb.write(out);
    }
    Path demo = DemoCorpus.folder().resolve("2016-government-work-report.zh.html");
    if (Files.exists(demo)) {
      report = Files.readString(demo);
      Files.writeString(corpus.resolve("report-simplified.html"), report);
      Files.writeString(corpus.resolve("report-traditional.html"), S2T.transliterate(report));
    }
    Glossary glossary = GlossaryLoader.load(Path.of("corpus/glossary.tsv"));
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      new Indexer(idx, ex, glossary, 2).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      try (var files = Files.list(corpus)) {
        for (Path p : files.sorted().toList()) {
          StringBuilder b = new StringBuilder();
          for (Block bl : ex.extract(p).blocks()) b.append(bl.text()).append('\n');
          texts.put(CorpusScanner.slug(p.getFileName().toString()), BruteForce.normalize(b.toString()));
        }
      }
    }
    search = new SearchService(idx, glossary);
  }

  @AfterAll
  static void close() throws Exception {
    if (search != null) search.close();
  }

  private static Set<String> docs(String q) throws Exception {
    return docs(q, true);
  }

  private static Set<String> docs(String q, boolean expand) throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest(q, 0, 0, null, null, null, expand));
    return r.facets().docs().stream().map(Api.FacetCount::id).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The documents holding the query as written (facets.docs' direct count), glossary expansion on as by default. */
  private static Set<String> direct(String q) throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest(q, 0, 0, null, null, null, true));
    return r.facets().docs().stream().filter(d -> d.direct() > 0).map(Api.FacetCount::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> bruteForce(String phrase) {
    Set<String> out = new TreeSet<>();
    for (var e : texts.entrySet()) if (BruteForce.contains(e.getValue(), phrase)) out.add(e.getKey());
    return out;
  }

  @Test
  void theIssuesExampleFindsBothScripts() throws Exception {
    Set<String> simplified = direct("\"数据安全\""), traditional = direct("\"數據安全\"");
    assertEquals(simplified, traditional);
    assertTrue(simplified.containsAll(List.of("dsl-traditional-txt", "dsl-simplified-md", "dsl-articles-3-5-docx")), simplified.toString());
  }

  @Test
  void randomPhrasesInEitherScriptFindTheSameDocumentsAsBruteForce() throws Exception {
    Random rnd = new Random(15);
    List<String[]> pairs = new ArrayList<>(); // {simplified, traditional}
    for (int i = 0; i < 60; i++) {
      int line = rnd.nextInt(TraditionalText.SIMPLIFIED.size());
      String s = TraditionalText.SIMPLIFIED.get(line), t = TraditionalText.TRADITIONAL.get(line);
      int len = 2 + rnd.nextInt(5), start = rnd.nextInt(s.length() - len);
      pairs.add(new String[] {s.substring(start, start + len), t.substring(start, start + len)});
    }
    if (report != null) {
      List<String> runs = new ArrayList<>();
      for (String run : report.replaceAll("<[^>]*>", " ").split("[^\\p{IsHan}]+")) if (run.length() >= 6) runs.add(run);
      for (int i = 0; i < 60; i++) {
        String run = runs.get(rnd.nextInt(runs.size()));
        int len = 2 + rnd.nextInt(5), start = rnd.nextInt(run.length() - len + 1);
        String s = run.substring(start, start + len);
        pairs.add(new String[] {s, S2T.transliterate(s)});
      }
    }
    List<String> failures = new ArrayList<>();
    int differentScripts = 0;
    for (String[] p : pairs) {
      if (!p[0].equals(p[1])) differentScripts++;
      Set<String> expected = bruteForce(p[0]);
      assertEquals(expected, bruteForce(p[1]), "the oracle itself folds: " + p[0] + " / " + p[1]);
      // with the glossary on (the default): the documents holding the phrase itself are those with
      // direct matches; a phrase that is a glossary variant also reaches documents using the
      // concept's other variants (a superset, the same in both scripts)
      Set<String> s = direct("\"" + p[0] + "\""), t = direct("\"" + p[1] + "\"");
      if (!s.equals(expected) || !t.equals(expected)) {
        failures.add(p[0] + " " + s + " / " + p[1] + " " + t + " vs brute force " + expected);
      }
      Set<String> expanded = docs("\"" + p[1] + "\"", true);
      if (!expanded.containsAll(expected) || !expanded.equals(docs("\"" + p[0] + "\"", true))) {
        failures.add(p[0] + " / " + p[1] + " with the glossary: " + expanded + " vs brute force " + expected);
      }
      if (!docs("\"" + p[1] + "\"", false).equals(expected)) failures.add(p[1] + " without the glossary differs from brute force");
    }
    assertTrue(differentScripts > pairs.size() / 2, "most pairs differ in script: " + differentScripts);
    assertTrue(failures.isEmpty(), failures.size() + " of " + pairs.size() + " phrases disagree:\n" + String.join("\n", failures));
  }

  @Test
  void spreadsheetRowsAreSearchableInBothLanguagesAndScripts() throws Exception {
    assertTrue(docs("\"數據安全治理體系\"").contains("register-xlsx"));
    assertTrue(docs("\"数据安全治理体系\"").contains("register-xlsx"));
    assertTrue(docs("\"數據為關鍵要素\"").contains("register-xlsx"), "the Simplified row, found in Traditional");
    assertTrue(docs("\"secure and controllable technology\"").contains("register-xlsx"));
  }

  @Test
  void unquotedWordsRankTheSameInEitherScript() throws Exception {
    for (String[] q : List.of(new String[] {"数据安全 治理", "數據安全 治理"}, new String[] {"国家 发展", "國家 發展"},
        new String[] {"开发利用", "開發利用"})) {
      Api.SearchResponse s = search.search(new SearchRequest(q[0], 20, 0, null, null, null, true));
      Api.SearchResponse t = search.search(new SearchRequest(q[1], 20, 0, null, null, null, true));
      assertTrue(s.total() > 0, q[0]);
      assertEquals(s.total(), t.total(), q[0]);
      assertEquals(s.hits().stream().map(h -> h.passage() + " " + h.score()).toList(),
          t.hits().stream().map(h -> h.passage() + " " + h.score()).toList(), q[0]);
    }
  }

  @Test
  void highlightingMarksTheOriginalCharacters() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("\"数据安全\"", 20, 0, null, "dsl-traditional-txt", null, true));
    assertFalse(r.hits().isEmpty());
    for (Api.Hit h : r.hits()) {
      assertFalse(h.matches().isEmpty(), h.text());
      for (Api.Span m : h.matches()) assertEquals("數據安全", h.text().substring(m.start(), m.end()), h.text());
      assertTrue(h.snippet().contains("<mark>數據安全</mark>"), h.snippet());
    }
  }

  @Test
  void glossaryVariantsTagTraditionalText() throws Exception {
    // 自主知识产权 and 安全可控 are glossary variants typed in Simplified; the Traditional law writes 自主知識產權
    Set<String> ip = docs("term:indigenous-intellectual-property");
    assertTrue(ip.contains("dsl-traditional-txt") && ip.contains("dsl-simplified-md"), ip.toString());
    Set<String> quoted = docs("\"自主知識產權\"");
    assertTrue(quoted.contains("dsl-traditional-txt") && quoted.contains("dsl-simplified-md"), quoted.toString());
  }
}
