package org.policysearch.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/**
 * SPI factory for {@link WordTokenizer}, so the exact-phrase field tokenizes the same way in the
 * embedded index and in a Solr schema ({@code <tokenizer name="policysearchWord"/>}).
 */
public final class WordTokenizerFactory extends TokenizerFactory {
  /** SPI name, used by CustomAnalyzer and by Solr's schema. */
  public static final String NAME = "policysearchWord";

  public WordTokenizerFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) throw new IllegalArgumentException("Unknown parameters: " + args);
  }

  /** Default constructor for the SPI loader. */
  public WordTokenizerFactory() {
    throw defaultCtorException();
  }

  /** WordTokenizer uses the default attribute factory, which is what CustomAnalyzer and Solr pass. */
  @Override
  public WordTokenizer create(AttributeFactory factory) {
    return new WordTokenizer();
  }
}
