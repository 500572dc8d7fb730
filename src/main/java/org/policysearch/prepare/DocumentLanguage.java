package org.policysearch.prepare;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The language of a whole document that has no {@code SOURCES.tsv} row, from the Optimaize
 * n-gram detector (the one Tika's language module wraps), loaded on first use. Chinese variants
 * map to "zh"; an undecided text falls back to the passages' script counts.
 */
final class DocumentLanguage {
  private static volatile LanguageDetector detector;

  /**
   * Characters of the document's text the detector reads. Its cost grows with the text (every
   * character n-gram is a string of its own) and, at 20,000 characters, it was 5% of an indexing
   * run's CPU (issue 20); its answer settles within a few hundred characters.
   */
  static final int SAMPLE_CHARS = 2_000;

  private DocumentLanguage() {}

  static String detect(String sample, String fallback) {
    try {
      com.google.common.base.Optional<LdLocale> l =
          detector().detect(sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) : sample);
      if (!l.isPresent()) return fallback;
      String lang = l.get().getLanguage();
      return lang.startsWith("zh") ? "zh" : lang;
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      synchronized (DocumentLanguage.class) {
        if (detector == null) {
          try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        d = detector;
      }
    }
    return d;
  }
}
