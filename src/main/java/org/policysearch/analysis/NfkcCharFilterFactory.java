package org.policysearch.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * SPI factory for {@link NfkcCharFilter}, so the same normalisation runs in the embedded index
 * ({@link AnalysisChains}) and in a Solr schema ({@code <charFilter name="policysearchNfkc"/>}).
 * Parameter {@code fullWidthPunctuation="true"}: ASCII punctuation comes out full-width (for
 * smartcn; see {@link NfkcCharFilter}).
 */
public final class NfkcCharFilterFactory extends CharFilterFactory {
  /** SPI name, used by CustomAnalyzer and by Solr's schema. */
  public static final String NAME = "policysearchNfkc";

  private final boolean fullWidthPunctuation;

  public NfkcCharFilterFactory(Map<String, String> args) {
    super(args);
    fullWidthPunctuation = getBoolean(args, "fullWidthPunctuation", false);
    if (!args.isEmpty()) throw new IllegalArgumentException("Unknown parameters: " + args);
  }

  /** Default constructor for the SPI loader. */
  public NfkcCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public Reader create(Reader input) {
    return new NfkcCharFilter(input, fullWidthPunctuation);
  }

  @Override
  public Reader normalize(Reader input) {
    return new NfkcCharFilter(input, fullWidthPunctuation);
  }
}
