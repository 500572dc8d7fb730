package org.policysearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.policysearch.analysis.Analyzers;
import org.policysearch.analysis.PhraseQueries;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;

/**
 * Generates the fixed mixed query set from the corpus with a seed: words and phrases sampled from
 * passages, glossary concepts for term filters and cross-language queries. Each query is written
 * for our API and for Solr with the same meaning: our parse rules (an unquoted English word is
 * stemmed-or-exact, unquoted Chinese is the exact character sequence ranked on smartcn words,
 * words are ANDed) and our glossary expansion (which adds every variant of a concept the query
 * mentions) are spelled out in Solr's syntax.
 */
final class QuerySet {
  private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
      "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
      "was", "will", "with", "which", "would", "have", "been", "were", "from", "what", "when", "where", "about", "because");
  private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{5,14}\\b");
  private static final Pattern PHRASE3 = Pattern.compile("\\b[A-Za-z]{2,14} [A-Za-z]{2,14} [A-Za-z]{2,14}\\b");
  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{4,}");

  private final Glossary glossary;
  private final Random rnd;
  private final PhraseQueries phrases = new PhraseQueries(Analyzers.exact());
  private final Analyzer chinese = Analyzers.chineseWords();

  QuerySet(Glossary glossary, long seed) {
    this.glossary = glossary;
    this.rnd = new Random(seed);
  }

  List<BenchQuery> generate(List<PassageFile.Doc> docs) throws IOException {
    List<PassageFile.Psg> en = new ArrayList<>(), zh = new ArrayList<>(), tagged = new ArrayList<>();
    for (PassageFile.Doc d : docs) {
      for (PassageFile.Psg p : d.passages()) {
        if (p.lang().equals("en")) en.add(p);
        else if (p.lang().equals("zh")) zh.add(p);
        if (!p.terms().isEmpty()) tagged.add(p);
      }
    }
    List<BenchQuery> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    if (!en.isEmpty()) {
      for (int i = 0, tries = 0; i < 20 && tries < 5000; tries++) {
        String w = enWord(pick(en).text());
        if (w != null && seen.add(w)) {
          out.add(q("en_word", w, "", enWordSolr(w), "", ""));
          i++;
        }
      }
      for (int i = 0, tries = 0; i < 20 && tries < 5000; tries++) {
        String p = enPhrase(pick(en).text());
        if (p != null && seen.add(p)) {
          out.add(q("en_phrase", "\"" + p + "\"", "", "exact:\"" + p + "\"", "", p));
          i++;
        }
      }
    }
    if (!zh.isEmpty()) {
      for (int i = 0, tries = 0; i < 20 && tries < 5000; tries++) {
        String w = zhWord(pick(zh).text());
        if (w != null && seen.add(w)) {
          out.add(q("zh_word", w, "", zhWordSolr(w), "", ""));
          i++;
        }
      }
      for (int i = 0, tries = 0; i < 20 && tries < 5000; tries++) {
        String p = zhPhrase(pick(zh).text());
        if (p != null && seen.add(p)) {
          out.add(q("zh_phrase", "\"" + p + "\"", "", "exact:\"" + p + "\"", "", p));
          i++;
        }
      }
    }
    if (!tagged.isEmpty()) {
      for (int i = 0, tries = 0; i < 10 && tries < 5000; tries++) {
        PassageFile.Psg p = pick(tagged);
        String term = p.terms().get(rnd.nextInt(p.terms().size()));
        boolean han = p.lang().equals("zh");
        String w = han ? zhWord(p.text()) : enWord(p.text());
        if (w != null && seen.add(w + "|" + term)) {
          out.add(q("term_filter", w, term, han ? zhWordSolr(w) : enWordSolr(w), "term:\"" + term + "\"", ""));
          i++;
        }
      }
    }
    List<String> cross = new ArrayList<>();
    for (Concept c : glossary.concepts()) {
      boolean hasZh = c.variants().stream().anyMatch(v -> v.lang().equals("zh"));
      if (!hasZh) continue;
      for (Concept.Variant v : c.variants()) {
        String t = v.text().toLowerCase(Locale.ROOT);
        if (v.lang().equals("en") && t.matches("[a-z]+( [a-z]+){0,2}") && java.util.Arrays.stream(t.split(" ")).noneMatch(STOP::contains)) {
          cross.add(t);
        }
      }
    }
    Collections.shuffle(cross, rnd);
    for (int i = 0; i < Math.min(10, cross.size()); i++) {
      String t = cross.get(i);
      StringBuilder s = new StringBuilder();
      for (String w : t.split(" ")) s.append(s.length() == 0 ? "" : " ").append('+').append(enWordSolr(w));
      out.add(q("cross_lang", t, "", s.toString(), "", ""));
    }
    return out;
  }

  /** Our expansion written out for Solr: the concepts whose variant's exact tokens occur in the query, all their variants ORed in. */
  private BenchQuery q(String kind, String ours, String term, String solrDirect, String fq, String phrase) {
    List<String> qt = texts(phrases.tokens("exact", ours));
    List<String> extra = new ArrayList<>();
    for (Concept c : glossary.concepts()) {
      boolean hit = false;
      for (Concept.Variant v : c.variants()) {
        List<String> vt = texts(phrases.tokens("exact", v.text()));
        if (!vt.isEmpty() && Collections.indexOfSubList(qt, vt) >= 0) {
          hit = true;
          break;
        }
      }
      if (!hit) continue;
      for (Concept.Variant v : c.variants()) extra.add("exact:\"" + v.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    String solr = extra.isEmpty() ? solrDirect : "(" + solrDirect + ") OR " + String.join(" OR ", extra);
    return new BenchQuery(kind, ours, term, solr, fq, phrase);
  }

  private static List<String> texts(List<PhraseQueries.Token> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (PhraseQueries.Token t : tokens) out.add(t.text());
    return out;
  }

  private static String enWordSolr(String w) {
    return "(en:" + w + " OR exact:" + w + "^0.5)";
  }

  private static String zhWordSolr(String w) {
    return "(+exact:\"" + w + "\" zh:\"" + w + "\")";
  }

  private PassageFile.Psg pick(List<PassageFile.Psg> l) {
    return l.get(rnd.nextInt(l.size()));
  }

  private String enWord(String text) {
    List<String> ws = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!STOP.contains(w)) ws.add(w);
    }
    return ws.isEmpty() ? null : ws.get(rnd.nextInt(ws.size()));
  }

  private String enPhrase(String text) {
    List<String> ps = new ArrayList<>();
    Matcher m = PHRASE3.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String p = m.group();
      String[] w = p.toLowerCase(Locale.ROOT).split(" ");
      boolean content = false;
      for (String x : w) if (x.length() >= 4 && !STOP.contains(x)) content = true;
      if (content) ps.add(p);
      from = m.start() + 1;
      while (from < text.length() && Character.isLetter(text.charAt(from))) from++; // next word start
    }
    return ps.isEmpty() ? null : ps.get(rnd.nextInt(ps.size()));
  }

  private String zhWord(String text) throws IOException {
    List<String> ws = new ArrayList<>();
    try (TokenStream ts = chinese.tokenStream("zh", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String w = t.toString();
        int n = w.codePointCount(0, w.length());
        if (n >= 2 && n <= 4 && w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) ws.add(w);
      }
      ts.end();
    }
    return ws.isEmpty() ? null : ws.get(rnd.nextInt(ws.size()));
  }

  private String zhPhrase(String text) {
    List<String> runs = new ArrayList<>();
    Matcher m = HAN_RUN.matcher(text);
    while (m.find()) runs.add(m.group());
    if (runs.isEmpty()) return null;
    String r = runs.get(rnd.nextInt(runs.size()));
    int len = 4 + rnd.nextInt(5);
    if (r.length() < len) len = r.length();
    int start = rnd.nextInt(r.length() - len + 1);
    return r.substring(start, start + len);
  }

  static void write(Path file, List<BenchQuery> qs) throws IOException {
    BenchQuery.write(file, qs, "generated by bench Prepare (QuerySet) from the extracted corpus; see BENCHMARKS.md");
  }
}
