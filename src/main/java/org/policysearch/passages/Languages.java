package org.policysearch.passages;

import org.policysearch.analysis.Scripts;

/**
 * Language of a passage from its scripts: Han characters against Latin words. Statistical
 * detectors are unreliable on a 20-character passage and cannot say "mixed"; for the two
 * languages of this corpus the script count is exact. (Whole documents without metadata go
 * through a statistical detector in the index package.)
 */
public final class Languages {
  private Languages() {}

  /** "zh", "en", "mixed", or fallback when the text has neither Han characters nor words. */
  public static String of(String text, String fallback) {
    int han = Scripts.countHan(text);
    int words = Scripts.countWords(text);
    if (han == 0 && words == 0) return fallback;
    double zh = han / (double) (han + words);
    if (zh >= 0.8) return "zh";
    if (zh <= 0.2) return "en";
    return "mixed";
  }
}
