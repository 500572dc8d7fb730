package org.policysearch.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Removes the Han ideographs StandardTokenizer emits one per character, keeping their positions
 * as gaps. The English stemmed field only ever answers queries without Han characters (the query
 * parser sends those to the smartcn and exact fields), so indexing every Chinese character there
 * again only cost indexing time and index size (issue 7); the gaps keep an unquoted English
 * phrase from matching across Chinese text, as before.
 */
public final class DropHanFilter extends FilteringTokenFilter {
  private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  public DropHanFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    return !HAN.equals(type.type());
  }
}
