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
 *
 * <p>The searches run as a user's do, with the glossary expansion on (issue 16): the documents
 * that hold the phrase are those {@code facets.docs} counts with direct matches; a phrase that is
 * not exactly a glossary variant (most of them, including phrases that hold a variant among other
 * words) must have no match through the glossary at all, and a phrase that is exactly a variant
 * must reach exactly the documents holding one of its concept's variants.
 */
class PhraseOracleTest {
  static SearchService search;
  /** document id → normalised raw extracted text. */
  static final Map<String, String> texts = new LinkedHashMap<>();
  /** Every title of the demo documents (phrases are drawn from them too). */
  static final List<String> titles = new ArrayList<>();
  /** Documents found and expected over every phrase checked (precision and recall). */
  static long truePositives, falsePositives, falseNegatives;

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
        String id = CorpusScanner.slug(name);
        Api.Doc info = search.documents().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        // the titles count as text: SOURCES.tsv's, and the file's own (an HTML <title>, a PDF's metadata)
        texts.put(id, BruteForce.normalize(BruteForce.withTitles(b.toString(), info.title(), d.title(), info.titleEn())));
        titles.add(info.title());
        if (info.titleEn() != null) titles.add(info.titleEn());
        if (d.title() != null && !d.title().isBlank()) titles.add(d.title());
      }
    }
    // a copy (the report's text export beside its PDF) counts once, under the leading copy (issue 17)
    for (Api.Doc d : search.documents()) if (d.copyOf() != null) texts.remove(d.id());
  }

  @AfterAll
  static void close() throws Exception {
    System.out.printf(java.util.Locale.ROOT, "PhraseOracleTest: precision %.3f recall %.3f (%d documents found rightly, %d wrongly, %d missed)%n",
        truePositives / (double) Math.max(1, truePositives + falsePositives), truePositives / (double) Math.max(1, truePositives + falseNegatives),
        truePositives, falsePositives, falseNegatives);
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
        "2016年11月7日",
        // issue 16: a glossary variant among other words means exactly the phrase, never the bare concept
        "overcapacity disrupts the", "excess capacity", "steel overcapacity", "indigenous innovation capability",
        "weak indigenous innovation", "安全可控的说明", "数据的安全可控", "应用安全可控信息技术", "产能过剩问题突出",
        "煤电产能过剩", "部分行业产能过剩", "《中国制造2025》解读", "中国制造2025重点领域技术路线图", "secure and controllable information")) {
      check(p, failures);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** Issue 16: titles are searchable. Each whole title and a run of its words or characters, drawn with a fixed seed. */
  @Test
  void titlePhrasesFindTheirDocuments() throws Exception {
    Random rnd = new Random(16);
    List<String> phrases = new ArrayList<>();
    for (String t : new TreeSet<>(titles)) {
      if (t.contains("\"")) continue;
      phrases.add(t);
      List<BruteForce.Unit> units = BruteForce.units(t);
      if (units.size() < 3) continue;
      int start = rnd.nextInt(units.size() - 2), end = Math.min(units.size(), start + 2 + rnd.nextInt(3));
      phrases.add(t.substring(units.get(start).start(), units.get(end - 1).end()));
    }
    assertTrue(phrases.size() >= 20, phrases.toString());
    List<String> failures = new ArrayList<>();
    for (String p : phrases) check(p, failures);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static void check(String phrase, List<String> failures) throws Exception {
    Set<String> expected = new TreeSet<>();
    for (var e : texts.entrySet()) if (BruteForce.contains(e.getValue(), phrase)) expected.add(e.getKey());
    Api.SearchResponse r = search.search(new SearchRequest("\"" + phrase + "\"", 1, 0, null, null, null, true));
    Set<String> got = r.facets().docs().stream().filter(d -> d.direct() > 0).map(Api.FacetCount::id).collect(Collectors.toCollection(TreeSet::new));
    for (String d : got) if (expected.contains(d)) truePositives++; else falsePositives++;
    for (String d : expected) if (!got.contains(d)) falseNegatives++;
    if (!expected.equals(got)) failures.add("\"" + phrase + "\": search " + got + " vs brute force " + expected);
    Set<String> all = r.facets().docs().stream().map(Api.FacetCount::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> widened = new TreeSet<>(expected);
    for (Api.Expansion e : r.expansions()) {
      for (var t : texts.entrySet()) if (e.variants().stream().anyMatch(v -> BruteForce.contains(t.getValue(), v))) widened.add(t.getKey());
    }
    if (!widened.equals(all)) {
      failures.add("\"" + phrase + "\" (expansions " + r.expansions().stream().map(Api.Expansion::concept).toList() + "): search " + all + " vs brute force " + widened);
    }
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
