package org.policysearch.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** SPI factory for {@link DropNonWordsFilter} (name {@value #NAME}), so Solr's schema can use it too. */
public final class DropNonWordsFilterFactory extends TokenFilterFactory {
  public static final String NAME = "policysearchDropNonWords";

  public DropNonWordsFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) throw new IllegalArgumentException("Unknown parameters: " + args);
  }

  /** For SPI loading. */
  public DropNonWordsFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new DropNonWordsFilter(input);
  }
}
