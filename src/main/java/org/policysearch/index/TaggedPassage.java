package org.policysearch.index;

import java.util.List;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.passages.Passage;
import org.policysearch.terms.Mention;
import org.policysearch.terms.Tagger;

/**
 * A passage with its concept mentions, and the exact field's tokens the tagger read: the embedded
 * index indexes those same tokens, so the exact chain runs once per passage.
 */
public record TaggedPassage(Passage passage, AnalyzedText exact, List<Mention> mentions) {

  /** Analyses the passage with the tagger's (the exact field's) chain and tags it. */
  public static TaggedPassage of(Tagger tagger, Passage p) {
    AnalyzedText exact = AnalyzedText.of(tagger.analyzer(), Fields.EXACT, p.text());
    return new TaggedPassage(p, exact, tagger.tag(exact));
  }
}
