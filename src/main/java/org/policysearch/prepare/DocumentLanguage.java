package org.policysearch.prepare;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The language of a whole document that has no {@code SOURCES.tsv} row, from the Optimaize
 * n-gram detector (the one Tika's language module wraps), loaded on first use. Chinese variants
 * map to "zh"; an undecided text falls back to the passages' script counts.
 */
final class DocumentLanguage {

  /**
   * Characters of the document's text the detector reads. Its cost grows with the text (every
   * character n-gram is a string of its own) and, at 20,000 characters, it was 5% of an indexing
   * run's CPU (issue 20); at 2,000 it gives the same language for all 17,843 benchmark documents.
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

  /**
   * The languages the detector knows: English and Chinese, the languages of the region's and the
   * world's policy documents, and their neighbours. All 71 of the library's profiles take 76 MB of
   * heap (one array of 71 probabilities per n-gram); these 22 take 15 MB, which a server at
   * -Xmx256m can hold beside a corpus of 71,000 documents while it re-indexes an edit (issue 20).
   * A document in another language is named after the nearest of them, or by its script.
   */
  static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW", "ja", "ko", "fr", "de", "es", "pt", "it", "nl", "ru", "ar",
      "vi", "id", "th", "hi", "tr", "pl", "uk", "fa", "he");

  /** Softly held: the heap can take it back between indexing runs, and it is read again on next need. */
  private static volatile SoftReference<LanguageDetector> detector = new SoftReference<>(null);

  private static LanguageDetector detector() {
    LanguageDetector d = detector.get();
    if (d == null) {
      synchronized (DocumentLanguage.class) {
        d = detector.get();
        if (d == null) {
          try {
            List<LdLocale> locales = new ArrayList<>();
            for (String l : LANGUAGES) locales.add(LdLocale.fromString(l));
            d = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readBuiltIn(locales)).build();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          detector = new SoftReference<>(d);
        }
      }
    }
    return d;
  }
}
