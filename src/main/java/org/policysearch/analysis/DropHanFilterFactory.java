package org.policysearch.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** SPI factory for {@link DropHanFilter} (name {@value #NAME}), so Solr's schema can use it too. */
public final class DropHanFilterFactory extends TokenFilterFactory {
  public static final String NAME = "policysearchDropHan";

  public DropHanFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) throw new IllegalArgumentException("Unknown parameters: " + args);
  }

  /** For SPI loading. */
  public DropHanFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new DropHanFilter(input);
  }
}
