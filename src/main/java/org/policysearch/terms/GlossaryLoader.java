package org.policysearch.terms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a glossary TSV: header {@code id english chinese english_variants chinese_variants note},
 * variants separated by " | ", '#' comments. An English word ending in "(s)" or "(es)" stands for
 * both forms. A malformed row is reported with its line number and skipped; the rest loads.
 */
public final class GlossaryLoader {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern INFLECTION = Pattern.compile("(\\p{L}+)\\((e?s)\\)");

  private GlossaryLoader() {}

  public static Glossary load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
  }

  public static Glossary parse(String content, String name) {
    List<Concept> concepts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    boolean header = false;
    String[] lines = content.replace("\uFEFF", "").split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int no = i + 1;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t", -1);
      if (!header) {
        header = true;
        if (f[0].trim().equals("id")) continue;
        problems.add(name + ":" + no + ": expected the header row 'id<TAB>english<TAB>chinese<TAB>english_variants<TAB>chinese_variants<TAB>note'; reading this line as a concept");
      }
      if (f.length < 3 || f.length > 6) {
        problems.add(name + ":" + no + ": expected 3 to 6 tab-separated columns, found " + f.length);
        continue;
      }
      String id = f[0].trim();
      String en = f[1].trim();
      String zh = f[2].trim();
      if (!ID.matcher(id).matches()) {
        problems.add(name + ":" + no + ": invalid id '" + id + "' (lowercase letters, digits and hyphens)");
        continue;
      }
      if (!ids.add(id)) {
        problems.add(name + ":" + no + ": duplicate id '" + id + "' (the first row wins)");
        continue;
      }
      if (en.isEmpty() && zh.isEmpty()) {
        problems.add(name + ":" + no + ": concept '" + id + "' has neither an English nor a Chinese label");
        continue;
      }
      Set<String> enVariants = new LinkedHashSet<>();
      Set<String> zhVariants = new LinkedHashSet<>();
      addAll(enVariants, en);
      addAll(zhVariants, zh);
      if (f.length > 3) addAll(enVariants, f[3]);
      if (f.length > 4) addAll(zhVariants, f[4]);
      List<Concept.Variant> variants = new ArrayList<>();
      for (String v : enVariants) for (String form : inflections(v)) variants.add(new Concept.Variant(form, "en"));
      for (String v : zhVariants) variants.add(new Concept.Variant(v, "zh"));
      String note = f.length > 5 ? f[5].trim() : "";
      concepts.add(new Concept(id, inflections(en).get(0), zh, dedupe(variants), note, false, null));
    }
    return new Glossary(concepts, problems);
  }

  private static void addAll(Set<String> out, String field) {
    for (String v : field.split("\\|")) {
      String t = v.trim();
      if (!t.isEmpty()) out.add(t);
    }
  }

  /** "state-owned enterprise(s)" → ["state-owned enterprise", "state-owned enterprises"]. */
  static List<String> inflections(String v) {
    if (v.isEmpty()) return List.of("");
    List<String> forms = new ArrayList<>();
    Matcher m = INFLECTION.matcher(v);
    forms.add(m.replaceAll("$1"));
    if (INFLECTION.matcher(v).find()) forms.add(INFLECTION.matcher(v).replaceAll("$1$2"));
    return forms;
  }

  private static List<Concept.Variant> dedupe(List<Concept.Variant> vs) {
    Set<String> seen = new HashSet<>();
    List<Concept.Variant> out = new ArrayList<>();
    for (Concept.Variant v : vs) if (seen.add(v.text().toLowerCase())) out.add(v);
    return out;
  }
}
