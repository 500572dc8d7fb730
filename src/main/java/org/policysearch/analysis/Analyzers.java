package org.policysearch.analysis;

import org.apache.lucene.analysis.Analyzer;

/**
 * The three analysis chains of the index, built from their one definition in
 * {@link AnalysisChains} (the Solr configset is generated from the same table, issue 8). Every
 * chain starts with NFKC normalisation (full-width and compatibility forms fold for search,
 * offsets still point into the displayed text).
 *
 * <ul>
 *   <li>{@link #englishStemmed()}: StandardTokenizer, possessive, lower case, English stop words,
 *       Porter stemming. Ranks unquoted English words.
 *   <li>{@link #exact()}: {@link WordTokenizer}, lower case, Han characters as bigrams with
 *       unigrams. Answers every quoted phrase, English, Chinese or mixed (中国制造2025): nothing is
 *       stemmed or removed, so "secure and controllable" never matches "secure or controlled", and
 *       a Chinese phrase is found whatever a segmenter would do with its neighbours.
 *   <li>{@link #chineseWords()}: smartcn (HMM) word segmentation, lower case. Ranks unquoted
 *       Chinese.
 * </ul>
 */
public final class Analyzers {
  private Analyzers() {}

  public static Analyzer englishStemmed() {
    return AnalysisChains.analyzer(AnalysisChains.ENGLISH_STEMMED);
  }

  public static Analyzer exact() {
    return AnalysisChains.analyzer(AnalysisChains.EXACT);
  }

  public static Analyzer chineseWords() {
    return AnalysisChains.analyzer(AnalysisChains.CHINESE_WORDS);
  }
}
