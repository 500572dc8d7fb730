package org.policysearch.terms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Concepts generated from the documents' own titles, so a passage that names another document
 * of the corpus (《中华人民共和国网络安全法》, "the Cybersecurity Law") is tagged with it and every
 * document can list who cites it. Short forms drop the parenthetical edition note, the
 * "中华人民共和国" prefix and the "of the People's Republic of China" suffix.
 */
public final class CitationConcepts {
  public static final String PREFIX = "cites-";
  private static final Pattern PAREN = Pattern.compile("\\s*[（(][^）)]*[）)]\\s*$");
  private static final Pattern PRC_SUFFIX = Pattern.compile("(?i)\\s+of the People['’]s Republic of China$");

  private CitationConcepts() {}

  /** A document's titles. */
  public record TitledDoc(String docId, String title, String titleEn) {}

  public static List<Concept> generate(List<TitledDoc> docs) {
    List<Concept> out = new ArrayList<>();
    for (TitledDoc d : docs) {
      Set<String> en = new LinkedHashSet<>(), zh = new LinkedHashSet<>();
      for (String t : new String[] {d.title(), d.titleEn()}) {
        if (t == null || t.isBlank()) continue;
        String full = PAREN.matcher(t.strip()).replaceAll("");
        boolean chinese = full.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        (chinese ? zh : en).add(full);
        if (chinese && full.startsWith("中华人民共和国") && full.length() - 7 >= 3) zh.add(full.substring(7));
        if (!chinese) {
          String shortForm = PRC_SUFFIX.matcher(full).replaceAll("");
          if (!shortForm.equals(full) && shortForm.split("\\s+").length >= 2) en.add(shortForm);
        }
      }
      if (en.isEmpty() && zh.isEmpty()) continue;
      List<Concept.Variant> variants = new ArrayList<>();
      en.forEach(v -> variants.add(new Concept.Variant(v, "en")));
      zh.forEach(v -> variants.add(new Concept.Variant(v, "zh")));
      String enLabel = en.isEmpty() ? "" : en.iterator().next();
      String zhLabel = zh.isEmpty() ? "" : zh.iterator().next();
      out.add(new Concept(PREFIX + d.docId(), enLabel, zhLabel, variants, "title of " + d.docId(), true, d.docId()));
    }
    return out;
  }
}
