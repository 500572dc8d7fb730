package org.policysearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.policysearch.analysis.Analyzers;
import org.policysearch.index.Fields;
import org.policysearch.passages.Anchors;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;

/**
 * Candidate concepts the glossary lacks ({@code policy-search terms --suggest}): what the corpus
 * puts in quotation marks (“…”, "…", 「…」) or names as a title (《…》), and frequent collocations
 * (two or three English words without stop words at their edges; two adjacent Chinese words of
 * the smartcn segmenter). Quoted and titled phrases (seen at least twice) come first, then
 * collocations (seen at least four times, in two documents or more); each kind ranked by
 * occurrences and cut at the limit, each candidate with its number of documents and an example.
 */
public final class GlossaryCandidates {
  public record Candidate(String text, String lang, String source, long count, int docs, String exampleDoc,
      String exampleAnchor, String example) {}

  private static final Pattern QUOTED = Pattern.compile("“([^”\\n]{2,60})”|\"([^\"\\n]{2,60})\"|「([^」\\n]{2,40})」|‘([^’\\n]{4,60})’");
  private static final Pattern TITLE = Pattern.compile("《([^》\\n]{2,60})》");
  private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}][\\p{IsLatin}'’-]*");
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

  private static final class Tally {
    final String text, lang, source;
    long count;
    final Set<String> docs = new HashSet<>();
    String exampleDoc, exampleAnchor, example;

    Tally(String text, String lang, String source) {
      this.text = text;
      this.lang = lang;
      this.source = source;
    }
  }

  private GlossaryCandidates() {}

  public static List<Candidate> suggest(SearchService service, int limit) throws IOException {
    Glossary g = service.glossary();
    Set<String> known = new HashSet<>();
    for (Concept c : g.concepts()) for (Concept.Variant v : c.variants()) known.add(Anchors.normalize(v.text()));
    Map<String, Tally> tallies = new HashMap<>();
    Analyzer chinese = Analyzers.chineseWords();
    service.withSearcher(s -> {
      TermQuery passages = new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE));
      var top = s.search(passages, Math.max(1, s.count(passages)));
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = s.storedFields().document(sd.doc);
        String text = d.get(Fields.TEXT), doc = d.get(Fields.DOC), anchor = d.get(Fields.ANCHOR);
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
          String q = firstGroup(m).strip().replaceAll("[,.;:，。；：、]+$", "");
          add(tallies, known, q, "quoted", doc, anchor, text);
        }
        m = TITLE.matcher(text);
        while (m.find()) add(tallies, known, m.group(1).strip(), "title", doc, anchor, text);
        String prose = URL.matcher(text).replaceAll(" "); // web addresses are not collocations
        englishCollocations(tallies, known, prose, doc, anchor);
        chineseCollocations(chinese, tallies, known, prose, doc, anchor);
      }
      return null;
    });
    // what the documents themselves mark (quotes, titles) first, then collocations; limit per kind
    List<Candidate> out = new ArrayList<>();
    for (boolean marked : new boolean[] {true, false}) {
      tallies.values().stream()
          .filter(t -> t.source.equals("collocation") != marked)
          // a collocation in one document only is mostly its running header or boilerplate
          .filter(t -> marked ? t.count >= 2 : t.count >= 4 && t.docs.size() >= 2)
          .sorted(Comparator.comparingLong((Tally t) -> -t.count).thenComparingInt(t -> -t.docs.size()).thenComparing(t -> t.text))
          .limit(limit)
          .forEach(t -> out.add(new Candidate(t.text, t.lang, t.source, t.count, t.docs.size(), t.exampleDoc, t.exampleAnchor,
              t.example.length() > 200 ? t.example.substring(0, 200) + "…" : t.example)));
    }
    return out;
  }

  private static String firstGroup(Matcher m) {
    for (int i = 1; i <= m.groupCount(); i++) if (m.group(i) != null) return m.group(i);
    return "";
  }

  private static void add(Map<String, Tally> tallies, Set<String> known, String text, String source, String doc, String anchor,
      String example) {
    String key = Anchors.normalize(text);
    if (key.length() < 2 || known.contains(key) || key.chars().allMatch(Character::isDigit)) return;
    boolean han = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    Tally t = tallies.computeIfAbsent(source + ":" + key, k -> new Tally(text, han ? "zh" : "en", source));
    t.count++;
    t.docs.add(doc);
    if (t.example == null) {
      t.exampleDoc = doc;
      t.exampleAnchor = anchor;
      t.example = example;
    }
  }

  private static void englishCollocations(Map<String, Tally> tallies, Set<String> known, String text, String doc, String anchor) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) words.add(m.group().toLowerCase());
    for (int n = 2; n <= 3; n++) {
      for (int i = 0; i + n <= words.size(); i++) {
        List<String> w = words.subList(i, i + n);
        if (stop(w.get(0)) || stop(w.get(n - 1)) || w.stream().anyMatch(x -> x.length() < 3)) continue;
        add(tallies, known, String.join(" ", w), "collocation", doc, anchor, text);
      }
    }
  }

  private static void chineseCollocations(Analyzer chinese, Map<String, Tally> tallies, Set<String> known, String text, String doc,
      String anchor) {
    // null marks a gap (dropped punctuation): words on either side of it are not neighbours
    List<String> words = new ArrayList<>();
    try (TokenStream ts = chinese.tokenStream(Fields.ZH, text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 1 && !words.isEmpty()) words.add(null);
        words.add(t.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      String a = words.get(i), b = words.get(i + 1);
      if (a == null || b == null || a.length() < 2 || b.length() < 2 || !allHan(a) || !allHan(b)) continue;
      add(tallies, known, a + b, "collocation", doc, anchor, text);
    }
  }

  private static boolean allHan(String s) {
    return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static boolean stop(String w) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) || Set.of("also", "its", "which", "has", "have", "been", "from",
        "more", "other", "than", "such", "may", "can", "would", "should", "including", "well", "our").contains(w);
  }
}
