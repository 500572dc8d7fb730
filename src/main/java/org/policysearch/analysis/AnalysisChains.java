package org.policysearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;

/**
 * The one definition of the index's analysis chains (issue 8): char filters, tokenizer and token
 * filters with their parameters, as Lucene analysis factories. {@link Analyzers} builds the
 * embedded analyzers from it with {@link CustomAnalyzer}; the Solr configset generator writes the
 * same steps into {@code schema.xml} by their SPI names. Our own steps ({@link NfkcCharFilter},
 * {@link WordTokenizer}) have SPI factories registered in {@code META-INF/services}, so Solr loads
 * them by name from the policy-search analysis jar.
 */
public final class AnalysisChains {
  private AnalysisChains() {}

  /** One factory with its parameters. */
  public record Step<T extends AbstractAnalysisFactory>(Class<? extends T> factory, Map<String, String> params) {
    /** The name Lucene's SPI and Solr's schema know the factory by. */
    public String spiName() {
      try {
        return (String) factory.getField("NAME").get(null);
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("analysis factory without a NAME field: " + factory, e);
      }
    }
  }

  /** A whole chain: char filters, then the tokenizer, then the token filters. */
  public record Chain(String name, List<Step<CharFilterFactory>> charFilters, Step<TokenizerFactory> tokenizer,
      List<Step<TokenFilterFactory>> filters) {}

  private static final Step<CharFilterFactory> NFKC = new Step<>(NfkcCharFilterFactory.class, Map.of());
  private static final Step<TokenFilterFactory> LOWER_CASE = new Step<>(LowerCaseFilterFactory.class, Map.of());

  /**
   * StandardTokenizer, Han characters dropped (positions kept as gaps: {@link DropHanFilter}),
   * possessive, lower case, English stop words (the factory's default set), Porter stemming.
   */
  public static final Chain ENGLISH_STEMMED = new Chain("english_stemmed", List.of(NFKC),
      new Step<>(StandardTokenizerFactory.class, Map.of()),
      List.of(new Step<>(DropHanFilterFactory.class, Map.of()), new Step<>(EnglishPossessiveFilterFactory.class, Map.of()), LOWER_CASE,
          new Step<>(StopFilterFactory.class, Map.of()), new Step<>(PorterStemFilterFactory.class, Map.of())));

  /**
   * WordTokenizer, lower case, Han characters as unigrams plus bigrams of neighbouring Han
   * characters, whatever whitespace or punctuation stands between them ({@link HanBigramFilter}).
   */
  public static final Chain EXACT = new Chain("exact", List.of(NFKC),
      new Step<>(WordTokenizerFactory.class, Map.of()),
      List.of(LOWER_CASE, new Step<>(HanBigramFilterFactory.class, Map.of())));

  /**
   * NFKC with ASCII punctuation given back its full-width form (the form smartcn's dictionaries
   * know; see {@link NfkcCharFilter}), smartcn (HMM) word segmentation, lower case, punctuation
   * tokens dropped (positions kept as gaps: {@link DropNonWordsFilter}).
   */
  public static final Chain CHINESE_WORDS = new Chain("chinese_words",
      List.of(new Step<>(NfkcCharFilterFactory.class, Map.of("fullWidthPunctuation", "true"))),
      new Step<>(HMMChineseTokenizerFactory.class, Map.of()), List.of(LOWER_CASE, new Step<>(DropNonWordsFilterFactory.class, Map.of())));

  public static final List<Chain> ALL = List.of(ENGLISH_STEMMED, EXACT, CHINESE_WORDS);

  /** The embedded analyzer of a chain. */
  public static Analyzer analyzer(Chain c) {
    try {
      CustomAnalyzer.Builder b = CustomAnalyzer.builder(new org.apache.lucene.util.ClasspathResourceLoader(AnalysisChains.class));
      for (Step<CharFilterFactory> s : c.charFilters()) b.addCharFilter(s.factory(), new HashMap<>(s.params()));
      b.withTokenizer(c.tokenizer().factory(), new HashMap<>(c.tokenizer().params()));
      for (Step<TokenFilterFactory> s : c.filters()) b.addTokenFilter(s.factory(), new HashMap<>(s.params()));
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
