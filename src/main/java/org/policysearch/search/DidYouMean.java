package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.policysearch.analysis.Scripts;
import org.policysearch.index.Fields;
import org.policysearch.terms.Concept;
import org.policysearch.terms.Glossary;

/**
 * "Did you mean" (issue 16): corrected queries for a query that finds nothing or little. A
 * misspelt glossary term (English: a run of words within a few edits of a variant, Lucene's
 * Levenshtein distance; Chinese: a run of characters differing from a variant of three or more
 * characters by one character, the usual homophone or wrong-character typo) becomes the variant;
 * with an index, an English word the index lacks becomes its closest indexed word (Lucene's
 * {@link DirectSpellChecker} over the exact field). The caller keeps the candidates that find more.
 */
final class DidYouMean {
  /** A query finding fewer passages than this gets suggestions. */
  static final int FEW = 3;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{3,}");
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance();

  private record Variant(String text, String lower, int words) {}

  private final List<Variant> english = new ArrayList<>();
  private final List<String> chinese = new ArrayList<>();
  private final Set<String> known = new java.util.HashSet<>();

  DidYouMean(Glossary glossary) {
    for (Concept c : glossary.concepts()) {
      for (Concept.Variant v : c.variants()) {
        String t = v.text().strip();
        if (t.codePoints().anyMatch(Scripts::isHan)) {
          if (t.codePoints().allMatch(Scripts::isHan) && t.codePointCount(0, t.length()) >= 3) chinese.add(t);
        } else if (WORD.matcher(t).find()) {
          english.add(new Variant(t, t.toLowerCase(Locale.ROOT), t.split("\\s+").length));
          known.add(t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
      }
    }
  }

  /** Corrected queries, glossary terms first, then indexed words; none equals q. reader may be null (glossary only). */
  List<String> candidates(String q, IndexReader reader) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(q);
    while (m.find()) {
      if (!isHanWord(m.group()) && !isSyntax(q, m.start(), m.end())) words.add(new int[] {m.start(), m.end()});
    }
    englishTerms(q, words, out);
    chineseTerms(q, out);
    if (reader != null) indexWords(q, words, reader, out);
    out.remove(q);
    return new ArrayList<>(out);
  }

  /**
   * A run of words within a few edits of an English variant of as many words; the closest variant
   * wins, by edits per character (root and sol is root and soul, not robot and sol).
   */
  private void englishTerms(String q, List<int[]> words, Set<String> out) {
    for (int i = 0; i < words.size(); i++) {
      String best = null;
      double bestRate = Double.MAX_VALUE;
      int bestEnd = -1;
      for (Variant v : english) {
        int j = i + v.words() - 1;
        if (j >= words.size()) continue;
        String window = q.substring(words.get(i)[0], words.get(j)[1]).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (known.contains(window)) continue; // a term spelt right
        int edits = edits(window, v.lower());
        double rate = edits / (double) v.lower().length();
        if (edits > 0 && edits <= maxEdits(v.lower()) && rate < bestRate) {
          best = v.text();
          bestRate = rate;
          bestEnd = j;
        }
      }
      if (best != null) out.add(q.substring(0, words.get(i)[0]) + best + q.substring(words.get(bestEnd)[1]));
    }
  }

  /** A run of Chinese characters that differs from a Chinese variant by one character. */
  private void chineseTerms(String q, Set<String> out) {
    Matcher m = HAN_RUN.matcher(q);
    while (m.find()) {
      String run = m.group();
      for (String v : chinese) {
        for (int at = 0; at + v.length() <= run.length(); at++) {
          String part = run.substring(at, at + v.length());
          if (edits(part, v) == 1) {
            out.add(q.substring(0, m.start() + at) + v + q.substring(m.start() + at + v.length()));
          }
        }
      }
    }
  }

  /** Every English word the index lacks replaced by its closest indexed word (one candidate). */
  private static void indexWords(String q, List<int[]> words, IndexReader reader, Set<String> out) throws IOException {
    DirectSpellChecker spell = new DirectSpellChecker();
    StringBuilder b = new StringBuilder();
    int last = 0;
    boolean changed = false;
    for (int[] w : words) {
      String word = q.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
      if (!word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) continue;
      SuggestWord[] s = spell.suggestSimilar(new Term(Fields.EXACT, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (s.length == 0) continue;
      b.append(q, last, w[0]).append(s[0].string);
      last = w[1];
      changed = true;
    }
    if (changed) out.add(b.append(q.substring(last)).toString());
  }

  /** Edits between a and b (Lucene's Levenshtein similarity is 1 - edits / longer length). */
  private static int edits(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    return Math.round((1 - LEVENSHTEIN.getDistance(a, b)) * longer);
  }

  private static int maxEdits(String variant) {
    int n = variant.length();
    return n >= 10 ? 2 : n >= 5 ? 1 : 0;
  }

  private static boolean isHanWord(String w) {
    return w.codePoints().anyMatch(Scripts::isHan);
  }

  /** Operators, field names and values, and words with wildcards or fuzziness are left alone. */
  private static boolean isSyntax(String q, int start, int end) {
    String w = q.substring(start, end);
    if (w.equals("AND") || w.equals("OR") || w.equals("NOT")) return true;
    if (end < q.length() && "*?~:".indexOf(q.charAt(end)) >= 0) return true;
    return start > 0 && q.charAt(start - 1) == ':';
  }
}
