package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.BruteForce;
import org.policysearch.testing.DemoCorpus;

/**
 * What the glossary expansion widens and what it leaves alone (issue 16), checked against brute
 * force over every passage of the demo corpus: the passages a query returns equal the passages
 * that satisfy its stated meaning.
 */
class ExpansionSemanticsTest {
  static SearchService search;
  static final List<Api.Hit> passages = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    search = new SearchService(DemoCorpus.index(), Glossary.empty());
    for (String lang : List.of("en", "zh", "mixed")) {
      for (int off = 0; ; off += SearchRequest.MAX_LIMIT) {
        Api.SearchResponse page = search.search(new SearchRequest("", SearchRequest.MAX_LIMIT, off, lang, null, null, false));
        passages.addAll(page.hits());
        if (page.hits().size() < SearchRequest.MAX_LIMIT) break;
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  private static boolean has(Api.Hit h, String phrase) {
    return BruteForce.contains(BruteForce.normalize(h.text()), phrase);
  }

  private static boolean carries(Api.Hit h, String concept) {
    return h.terms().stream().anyMatch(t -> t.id().equals(concept));
  }

  private static Set<String> expected(Predicate<Api.Hit> p) {
    Set<String> out = new TreeSet<>();
    for (Api.Hit h : passages) if (p.test(h)) out.add(h.passage());
    return out;
  }

  private static Set<String> found(String q) throws Exception {
    Set<String> out = new TreeSet<>();
    Api.SearchResponse first = search.search(new SearchRequest(q, SearchRequest.MAX_LIMIT, 0, null, null, null, true));
    for (int off = 0; off < first.total(); off += SearchRequest.MAX_LIMIT) {
      for (Api.Hit h : search.search(new SearchRequest(q, SearchRequest.MAX_LIMIT, off, null, null, null, true)).hits()) out.add(h.passage());
    }
    assertEquals(first.total(), out.size(), q);
    return out;
  }

  @Test
  void anUnquotedQueryWidensTheConceptItNamesAndKeepsTheOtherWords() throws Exception {
    // steel AND (overcapacity or any variant of its concept, 产能过剩 included)
    Set<String> want = expected(h -> (has(h, "steel") || has(h, "steels")) && carries(h, "overcapacity"));
    assertFalse(want.isEmpty());
    assertEquals(want, found("steel overcapacity"));
    // in Chinese the other word must be Chinese too: 钢铁 AND (产能过剩 or any variant, English included)
    Set<String> zh = expected(h -> has(h, "钢铁") && carries(h, "overcapacity"));
    assertTrue(zh.size() >= 2, zh.toString());
    assertEquals(zh, found("钢铁 产能过剩"));
    assertTrue(passages.stream().filter(h -> zh.contains(h.passage())).anyMatch(h -> !has(h, "产能过剩")),
        "a passage saying 过剩产能 (another variant) is found");
    // a run of Chinese characters holding a variant among others means exactly itself
    assertEquals(expected(h -> has(h, "钢铁产能过剩")), found("钢铁产能过剩"));
  }

  @Test
  void aQuotedPhraseHoldingAVariantAmongOtherWordsMeansExactlyItself() throws Exception {
    for (String phrase : List.of("overcapacity disrupts the", "数据的安全可控", "产能过剩问题突出", "weak indigenous innovation")) {
      Set<String> want = expected(h -> has(h, phrase));
      assertFalse(want.isEmpty(), phrase);
      Api.SearchResponse r = search.search(new SearchRequest("\"" + phrase + "\"", 10, 0, null, null, null, true));
      assertTrue(r.expansions().isEmpty(), phrase);
      assertEquals(want, found("\"" + phrase + "\""), phrase);
      assertTrue(r.facets().docs().stream().allMatch(d -> d.via() == 0 && d.direct() == d.count()), phrase);
    }
  }

  @Test
  void aQuotedVariantOrAMultiWordVariantUnquotedReachesEveryVariant() throws Exception {
    Set<String> concept = expected(h -> carries(h, "secure-and-controllable"));
    assertEquals(concept, found("\"secure and controllable\""));
    assertEquals(concept, found("安全可控"));
    // unquoted, the words keep their meaning too (secure AND controllable, stemmed) and the concept is added
    Set<String> words = found("secure and controllable");
    assertTrue(words.containsAll(concept), "every passage carrying the concept");
    // words beside the variant keep their meaning: product(s) AND the concept (or its words)
    Set<String> products = found("secure and controllable products");
    assertTrue(products.containsAll(expected(h -> carries(h, "secure-and-controllable") && (has(h, "products") || has(h, "product")))));
    assertTrue(products.size() < words.size(), "the other word still narrows");
  }

  @Test
  void documentFacetTellsDirectMatchesFromMatchesThroughTheGlossary() throws Exception {
    Api.SearchResponse r = search.search(new SearchRequest("\"安全可控\"", 0, 0, null, null, null, true));
    long direct = 0, via = 0;
    for (Api.FacetCount d : r.facets().docs()) {
      assertEquals(d.count(), d.direct() + d.via(), d.id());
      long holding = passages.stream().filter(h -> h.doc().equals(d.id()) && has(h, "安全可控")).count();
      assertEquals(holding, d.direct(), d.id());
      direct += d.direct();
      via += d.via();
    }
    assertTrue(direct > 0 && via > 0, direct + " direct, " + via + " via");
    assertEquals(r.total(), direct + via);
  }
}
