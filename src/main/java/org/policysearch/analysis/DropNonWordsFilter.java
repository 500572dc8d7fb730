package org.policysearch.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes tokens without a letter or digit (the punctuation smartcn emits as tokens of their own),
 * keeping their positions as gaps. The query parser already skipped such tokens in queries, so they
 * were indexed in the Chinese words field for nothing (issue 7: about one token in seven of
 * Chinese legal text); the gaps keep positions where queries expect them.
 */
public final class DropNonWordsFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public DropNonWordsFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    char[] b = term.buffer();
    for (int i = 0, n = term.length(); i < n; ) {
      int cp = Character.codePointAt(b, i, n);
      if (Scripts.isWordChar(cp)) return true;
      i += Character.charCount(cp);
    }
    return false;
  }
}
