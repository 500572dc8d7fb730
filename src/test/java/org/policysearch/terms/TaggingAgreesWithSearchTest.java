package org.policysearch.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.Extractor;
import org.policysearch.search.Api;
import org.policysearch.search.Concordance;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.testing.BruteForce;
import org.policysearch.testing.DemoCorpus;

/**
 * For every concept of the committed glossary, over the demo corpus: the passages tagged with it
 * are exactly the union of the quoted-phrase searches for its variants, and the concordance's
 * documents and counts equal a brute-force scan of the extracted text.
 */
class TaggingAgreesWithSearchTest {
  static SearchService search;
  static Concordance concordance;
  static final Map<String, String> texts = new LinkedHashMap<>();

  @BeforeAll
  static void setUp() throws Exception {
    search = new SearchService(DemoCorpus.index(), Glossary.empty());
    concordance = new Concordance(search);
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT); var files = Files.list(DemoCorpus.folder())) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.equals("README.md") || name.equals("SOURCES.tsv")) continue;
        StringBuilder b = new StringBuilder();
        var d = ex.extract(p);
        for (Block bl : d.blocks()) b.append(bl.text()).append('\n');
        String id = CorpusScanner.slug(name);
        Api.Doc info = search.documents().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        // titles the body lacks are passages too (issue 16)
        texts.put(id, BruteForce.normalize(BruteForce.withTitles(b.toString(), info.title(), d.title(), info.titleEn())));
      }
    }
    // a copy (the report's text export beside its PDF) counts once, under the leading copy (issue 17)
    for (Api.Doc d : search.documents()) if (d.copyOf() != null) texts.remove(d.id());
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  /** Every passage (doc#anchor) a query finds, all pages. */
  static Set<String> passages(String q, String term) throws Exception {
    Set<String> out = new TreeSet<>();
    for (int offset = 0; ; offset += 100) {
      Api.SearchResponse r = search.search(new SearchRequest(q, 100, offset, null, null, term, false));
      r.hits().forEach(h -> out.add(h.doc() + "#" + h.passage()));
      if (offset + 100 >= r.total()) return out;
    }
  }

  @Test
  void everyConceptIsTaggedExactlyWhereItsVariantsAreFound() throws Exception {
    List<String> failures = new ArrayList<>();
    Glossary g = search.glossary();
    int checked = 0;
    for (Concept c : g.concepts()) {
      Set<String> tagged = passages("", c.id());
      Set<String> searched = new TreeSet<>();
      for (Concept.Variant v : c.variants()) searched.addAll(passages("\"" + v.text().replace("\"", "") + "\"", null));
      if (!tagged.equals(searched)) failures.add(c.id() + ": tagged " + tagged.size() + " vs searched " + searched.size());
      checked++;
    }
    assertTrue(checked >= 40);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void concordanceDocumentsAndCountsEqualBruteForce() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Concept c : search.glossary().concepts()) {
      if (c.generated()) continue;
      Map<String, Long> expected = new TreeMap<>();
      for (var e : texts.entrySet()) {
        long n = count(e.getValue(), c);
        if (n > 0) expected.put(e.getKey(), n);
      }
      Map<String, Long> got = new TreeMap<>();
      for (var d : concordance.term(c.id(), null).docs()) got.put(d.doc(), d.count());
      if (!expected.keySet().equals(got.keySet())) failures.add(c.id() + ": documents " + got + " vs brute force " + expected);
      else if (!expected.equals(got)) failures.add(c.id() + ": counts " + got + " vs brute force " + expected);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** Occurrences of any variant; overlapping occurrences (of one variant or several) count once. */
  static long count(String normalized, Concept c) {
    TreeMap<Integer, Integer> spans = new TreeMap<>();
    for (Concept.Variant v : c.variants()) {
      String p = BruteForce.normalize(v.text());
      if (p.length() <= 2) continue;
      // the normalised phrase starts and ends with a space: the match covers [i + 1, i + p.length() - 1)
      for (int i = normalized.indexOf(p); i >= 0; i = normalized.indexOf(p, i + 1)) spans.merge(i + 1, i + p.length() - 1, Math::max);
    }
    long n = 0;
    int end = -1;
    for (var e : spans.entrySet()) {
      if (e.getKey() >= end) n++;
      end = Math.max(end, e.getValue());
    }
    return n;
  }

  @Test
  void secureAndControllableConcordance() throws Exception {
    Concordance.TermDetail d = concordance.term("secure-and-controllable", null);
    Map<String, Long> counts = d.docs().stream().collect(Collectors.toMap(Concordance.TermDoc::doc, Concordance.TermDoc::count));
    // the report's text export is a copy of its PDF: counted once, under the PDF (issue 17)
    assertEquals(Set.of("uschamber-2017-made-in-china-2025-en-pdf", "2015-national-security-law-zh-docx"), counts.keySet());
    assertEquals(1L, counts.get("2015-national-security-law-zh-docx"));
    assertEquals(37L, counts.get("uschamber-2017-made-in-china-2025-en-pdf"));
    long report = count(texts.get("uschamber-2017-made-in-china-2025-en-pdf"), search.glossary().get("secure-and-controllable"));
    assertEquals(report, counts.get("uschamber-2017-made-in-china-2025-en-pdf"), "includes the occurrences split across lines");
    assertEquals("2015-national-security-law-zh-docx", d.docs().get(0).doc(), "documents in date order");
  }

  @Test
  void englishQueryReachesTheChineseLawThroughTheGlossary() throws Exception {
    Api.SearchResponse on = search.search(new SearchRequest("secure and controllable", 100, 0, null, null, null, true));
    Api.Hit art25 = on.hits().stream().filter(h -> h.doc().equals("2015-national-security-law-zh-docx")).findFirst().orElse(null);
    assertNotNull(art25, "the National Security Law passage is found");
    assertTrue(art25.text().startsWith("第二十五条"), art25.text());
    assertEquals("安全可控", art25.via());
    assertTrue(art25.snippet().contains("<mark>安全可控</mark>"), art25.snippet());
    // issue 16: passages carrying the concept (either language) rank above passages merely holding the words
    int pos = on.hits().indexOf(art25);
    assertTrue(pos < 10, "on the first page: " + pos);
    boolean carried = true;
    for (Api.Hit h : on.hits()) {
      boolean c = h.terms().stream().anyMatch(t -> t.id().equals("secure-and-controllable"));
      assertTrue(carried || !c, "a passage carrying the concept after one that does not: " + h.text());
      carried = c;
    }
    Api.SearchResponse off = search.search(new SearchRequest("secure and controllable", 100, 0, null, null, null, false));
    assertTrue(off.hits().stream().noneMatch(h -> h.doc().equals("2015-national-security-law-zh-docx")));
    assertNull(off.hits().get(0).via());
  }

  @Test
  void documentsThatCiteEachOtherAreLinked() throws Exception {
    List<Api.Citation> cited = concordance.citedBy("2016-cybersecurity-law-zh-pdf");
    assertTrue(cited.stream().anyMatch(c -> c.doc().startsWith("uschamber-2017")), cited.toString());
    assertTrue(cited.stream().noneMatch(c -> c.doc().equals("2016-cybersecurity-law-zh-pdf")));
    // the reader reads them from the index (issue 20), the same list
    for (var d : search.documents()) {
      assertEquals(concordance.citedBy(d.id()), new org.policysearch.search.DocumentReader(search).read(d.id(), null, true, null, null)
          .citedBy(), "cited by, " + d.id());
    }
  }
}
