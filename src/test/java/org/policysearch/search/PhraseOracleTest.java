package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.BruteForce;
import org.policysearch.testing.DemoCorpus;

/**
 * The promise "an exact phrase finds every occurrence", checked against brute force: for phrases
 * drawn at random (fixed seed) from the passages of the demo corpus, plus hand-picked hard ones,
 * the set of documents the quoted search returns equals the set of documents whose extracted text
 * (straight from Tika, before passage splitting and line repair) contains the phrase.
 */
class PhraseOracleTest {
  static SearchService search;
  /** document id → normalised raw extracted text. */
  static final Map<String, String> texts = new LinkedHashMap<>();

  @BeforeAll
  static void setUp() throws Exception {
    search = new SearchService(DemoCorpus.index(), Glossary.empty());
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT); var files = Files.list(DemoCorpus.folder())) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.equals("README.md") || name.equals("SOURCES.tsv")) continue;
        ExtractedDocument d = ex.extract(p);
        StringBuilder b = new StringBuilder();
        for (Block bl : d.blocks()) b.append(bl.text()).append('\n');
        texts.put(CorpusScanner.slug(name), BruteForce.normalize(b.toString()));
      }
    }
    // a copy (the report's text export beside its PDF) counts once, under the leading copy (issue 17)
    for (Api.Doc d : search.documents()) if (d.copyOf() != null) texts.remove(d.id());
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  @Test
  void randomPhrasesFindExactlyTheDocumentsBruteForceFinds() throws Exception {
    List<String> phrases = samplePhrases(new Random(20261130L), 60, 60);
    assertEquals(120, phrases.size());
    List<String> failures = new ArrayList<>();
    for (String p : phrases) check(p, failures);
    assertTrue(failures.isEmpty(), failures.size() + " of " + phrases.size() + " phrases disagree:\n" + String.join("\n", failures));
  }

  @Test
  void handPickedHardPhrases() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String p : List.of(
        "国务院关于印发《中国制造2025》的通知", // split over three PDF lines in the Chamber report
        "中国制造2025", "中国制造 2025", "互联网+", "工业互联网", "安全可控", "自主知识产权", "关键信息基础设施",
        "secure and controllable", "Secure, and Controllable", "indigenous innovation", "the State Council",
        "Made in China 2025", "MIC 2025", "state-owned enterprises", "in the", "of the", "Section 301",
        "implementation of the Made in China 2025", // crosses a wrapped line in the report
        "semiconductors", "第二十五条", "网络安全法",
        "第一章总则", "第一章 总则", // the source has a space between 第一章 and 总则: Chinese phrases ignore it
        "2016年11月7日")) {
      check(p, failures);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static void check(String phrase, List<String> failures) throws Exception {
    Set<String> expected = new TreeSet<>();
    for (var e : texts.entrySet()) if (BruteForce.contains(e.getValue(), phrase)) expected.add(e.getKey());
    Api.SearchResponse r = search.search(new SearchRequest("\"" + phrase + "\"", 1, 0, null, null, null, false));
    Set<String> got = r.facets().docs().stream().map(Api.FacetCount::id).collect(Collectors.toCollection(TreeSet::new));
    if (!expected.equals(got)) failures.add("\"" + phrase + "\": search " + got + " vs brute force " + expected);
  }

  /** Phrases taken from stored passages: English runs of 2–5 words, Chinese runs of 2–8 characters. */
  private static List<String> samplePhrases(Random rnd, int english, int chinese) throws Exception {
    List<String> en = new ArrayList<>(), zh = new ArrayList<>();
    List<Api.Doc> docs = search.documents();
    int guard = 0;
    while ((en.size() < english || zh.size() < chinese) && guard++ < 100_000) {
      Api.Doc d = docs.get(rnd.nextInt(docs.size()));
      int offset = rnd.nextInt(Math.max(1, Math.min(d.passages(), SearchRequest.MAX_OFFSET)));
      Api.SearchResponse page = search.search(new SearchRequest("", 1, offset, null, d.id(), null, false));
      if (page.hits().isEmpty()) continue;
      Api.Hit h = page.hits().get(0);
      List<BruteForce.Unit> units = BruteForce.units(h.text());
      if (units.size() < 3) continue;
      int start = rnd.nextInt(units.size() - 1);
      boolean han = units.get(start).text().codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
      int len = han ? 2 + rnd.nextInt(7) : 2 + rnd.nextInt(4);
      int end = Math.min(units.size(), start + len);
      if (end - start < 2) continue;
      String phrase = h.text().substring(units.get(start).start(), units.get(end - 1).end());
      if (phrase.contains("\"") || phrase.contains("\\")) continue;
      boolean allHan = phrase.codePoints().filter(Character::isLetter).allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
      boolean noHan = phrase.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
      if (allHan && zh.size() < chinese) zh.add(phrase);
      else if (noHan && en.size() < english && phrase.codePoints().anyMatch(Character::isLetter)) en.add(phrase);
    }
    List<String> out = new ArrayList<>(en);
    out.addAll(zh);
    return out;
  }
}
