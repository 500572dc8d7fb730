package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.cli.ExitCodes;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.terms.Glossary;

/** Indexes ../shared/corpus with the CLI and checks what a user relies on first. */
class DemoCorpusEndToEndTest {
  static SearchService search;

  @BeforeAll
  static void open() throws Exception {
    search = new SearchService(DemoCorpus.index(), Glossary.empty());
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  @Test
  void everyDemoFileIsIndexed() throws Exception {
    assertEquals(ExitCodes.OK, DemoCorpus.exitCode());
    long files;
    try (var s = Files.list(DemoCorpus.folder())) {
      files = s.filter(p -> !Set.of("README.md", "SOURCES.tsv").contains(p.getFileName().toString())).count();
    }
    List<Api.Doc> docs = search.documents();
    assertEquals(files, docs.size());
    for (Api.Doc d : docs) assertTrue(d.passages() > 0, d.id() + " has passages");
  }

  @Test
  void languagesComeFromSourcesTsvAndPassages() throws Exception {
    for (Api.Doc d : search.documents()) {
      String expected = d.source().contains(".zh.") ? "zh" : "en";
      assertEquals(expected, d.lang(), d.id());
    }
    Api.SearchResponse zh = search.search(new SearchRequest("\"网络安全\"", 5, 0, null, null, null, false));
    assertTrue(zh.hits().stream().allMatch(h -> h.lang().equals("zh")), "Chinese law passages are zh");
    Api.SearchResponse en = search.search(new SearchRequest("\"overcapacity\"", 5, 0, null, null, null, false));
    assertTrue(en.hits().stream().allMatch(h -> h.lang().equals("en")));
  }

  @Test
  void pdfPassagesCarryPageNumbers() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("\"secure and controllable\"", 100, 0, null,
        "uschamber-2017-made-in-china-2025-en-pdf", null, false));
    assertTrue(r.total() > 5);
    for (Api.Hit h : r.hits()) assertTrue(h.page() != null && h.page() >= 1 && h.page() <= 103, "page of " + h.passage());
    Api.SearchResponse law = search.search(new SearchRequest("\"关键信息基础设施\"", 100, 0, null, "2016-cybersecurity-law-zh-pdf", null, false));
    assertTrue(law.total() > 5);
    assertTrue(law.hits().stream().map(Api.Hit::page).collect(Collectors.toSet()).size() > 1, "hits spread over pages");
  }

  @Test
  void chamberReportSplitChineseTitleIsFoundByQuotedSearch() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("\"国务院关于印发《中国制造2025》的通知\"", 20, 0, null, null, null, false));
    Set<String> docs = r.facets().docs().stream().map(Api.FacetCount::id).collect(Collectors.toSet());
    assertTrue(docs.contains("uschamber-2017-made-in-china-2025-en-pdf"), docs.toString());
    // the text export is a copy of the PDF (issue 17): found when a search is kept to it
    assertTrue(!docs.contains("uschamber-2017-made-in-china-2025-en-txt"), docs.toString());
    assertTrue(search.search(new SearchRequest("\"国务院关于印发《中国制造2025》的通知\"", 1, 0, null,
        "uschamber-2017-made-in-china-2025-en-txt", null, false)).total() > 0);
    Api.Hit h = r.hits().get(0);
    assertTrue(h.snippet().contains("<mark>国务院关于印发《中国制造2025》的通知</mark>"), h.snippet());
  }

  @Test
  void quotedEnglishPhraseIsExactNotStemmed() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("\"secure and controllable\"", 100, 0, null, null, null, false));
    for (Api.Hit h : r.hits()) {
      String marked = h.text().substring(h.matches().get(0).start(), h.matches().get(0).end()).toLowerCase();
      assertTrue(marked.replaceAll("\\s+", " ").equals("secure and controllable"), marked);
    }
  }

  @Test
  void facetsCountAllMatchesNotOnlyThePage() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("\"made in china 2025\"", 3, 0, null, null, null, false));
    assertEquals(3, r.hits().size());
    long sum = r.facets().docs().stream().mapToLong(Api.FacetCount::count).sum();
    assertEquals(r.total(), sum);
    Map<String, Long> byLang = new HashMap<>();
    r.facets().lang().forEach(f -> byLang.put(f.id(), f.count()));
    assertEquals(r.total(), byLang.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void pagingWalksThroughAllHitsInAStableOrder() throws Exception {
    Api.SearchResponse all = search.search(new SearchRequest("制造业", 100, 0, null, null, null, false));
    Api.SearchResponse p2 = search.search(new SearchRequest("制造业", 5, 5, null, null, null, false));
    for (int i = 0; i < 5; i++) assertEquals(all.hits().get(5 + i).passage(), p2.hits().get(i).passage());
  }

  @Test
  void aSearchOverItsTimeLimitIsAClearBadQuery() throws Exception {
    try (SearchService strict = new SearchService(DemoCorpus.index(), Glossary.empty(), 0)) {
      BadQueryException e = org.junit.jupiter.api.Assertions.assertThrows(BadQueryException.class,
          () -> strict.search(SearchRequest.of("se* OR co* OR ma*")));
      assertEquals("query_timeout", e.code());
      assertTrue(e.getMessage().contains("make the query more specific"), e.getMessage());
    }
  }

  @Test
  void filtersNarrowResults() throws Exception {
    Api.SearchResponse zh = search.search(new SearchRequest("\"中国制造2025\" lang:zh year:2016", 100, 0, null, null, null, false));
    assertTrue(zh.total() > 0);
    assertTrue(zh.hits().stream().allMatch(h -> h.doc().equals("2016-government-work-report-zh-html")), "year:2016 and lang:zh");
    Api.SearchResponse notZh = search.search(new SearchRequest("\"中国制造2025\" NOT lang:zh", 100, 0, null, null, null, false));
    assertTrue(notZh.hits().stream().noneMatch(h -> h.lang().equals("zh")));
  }
}
