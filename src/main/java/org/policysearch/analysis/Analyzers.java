package org.policysearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The three analysis chains of the index. Every chain starts with NFKC normalisation (full-width
 * and compatibility forms fold for search, offsets still point into the displayed text).
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
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(t);
        s = new LowerCaseFilter(s);
        s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new NfkcCharFilter(reader);
      }
    };
  }

  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new WordTokenizer();
        TokenStream s = new LowerCaseFilter(t);
        s = new CJKBigramFilter(s, CJKBigramFilter.HAN, true);
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new NfkcCharFilter(reader);
      }
    };
  }

  public static Analyzer chineseWords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new HMMChineseTokenizer();
        TokenStream s = new LowerCaseFilter(t);
        s = new StopFilter(s, CharArraySet.EMPTY_SET);
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new NfkcCharFilter(reader);
      }
    };
  }
}
