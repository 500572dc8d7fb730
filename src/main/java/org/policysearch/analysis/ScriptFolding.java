package org.policysearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Traditional Chinese folded to Simplified, one character for one (issue 15), so that 數據安全 and
 * 数据安全 are the same words to every analysis chain: the exact field, smartcn, glossary tagging, the
 * concordance, and the Solr configset, which all start with {@link NfkcCharFilter}, the one place
 * that calls {@link #fold(char)}. Query and text fold alike, so a phrase in either script finds
 * every passage holding it in either script; the displayed text keeps its own characters, and
 * since each character folds to one character, offsets (and so highlighting) are unchanged.
 *
 * <p>The mapping is ICU's {@code Traditional-Simplified} transform (ICU4J, built from the Unihan
 * database) applied to each Han character on its own, without ICU's word-context rules: folding
 * must not depend on the neighbours, or a phrase could fold differently inside a passage and in a
 * query. Characters that are Traditional forms in some words and Simplified characters in their own
 * right therefore always fold: 乾 to 干, 後 to 后, 著 to 着, 髮 and 發 to 发, 裡 and 裏 to 里. Because
 * text and queries fold the same way, nothing is ever missed; the price is that a query for 干 also
 * finds the Simplified 乾 of 乾隆, and 着 finds 著 of 著作. We accept that: a miss is worse than an
 * extra passage.
 *
 * <p>Building the table from ICU takes about half a second, so the build writes it once into
 * {@value #RESOURCE} ({@link #main}, run by Maven in {@code process-classes}); without that file
 * (running from an IDE, say) it is built from ICU on first use. Only characters of the Basic
 * Multilingual Plane fold (ICU maps no supplementary ideograph), which keeps offsets one for one.
 */
public final class ScriptFolding {
  /** The generated table: one line per folded character, "traditional simplified". */
  public static final String RESOURCE = "org/policysearch/analysis/han-fold.txt";
  /** The ICU transform the table is made from. */
  static final String ICU_TRANSFORM = "Traditional-Simplified";
  private static final int FIRST = 0x3400, LAST = 0xFAFF;

  private ScriptFolding() {}

  private static final class Table {
    static final char[] MAP = load();
  }

  /** The Simplified form of c, or c itself. */
  public static char fold(char c) {
    if (c < FIRST || c > LAST) return c;
    char f = Table.MAP[c - FIRST];
    return f == 0 ? c : f;
  }

  /** True when c has a different folded form. */
  public static boolean folds(char c) {
    return c >= FIRST && c <= LAST && Table.MAP[c - FIRST] != 0;
  }

  /** s with every character folded (the same length as s). */
  public static String fold(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i), f = fold(c);
      if (f == c) continue;
      if (out == null) out = s.toCharArray();
      out[i] = f;
    }
    return out == null ? s : new String(out);
  }

  /** How many characters fold (the size of the table). */
  public static int size() {
    int n = 0;
    for (char c : Table.MAP) if (c != 0) n++;
    return n;
  }

  private static char[] load() {
    char[] map = new char[LAST - FIRST + 1];
    try (InputStream in = ScriptFolding.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in != null) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
          if (line.length() == 3 && line.charAt(1) == ' ') put(map, line.charAt(0), line.charAt(2));
        }
        return map;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    fromIcu(map);
    return map;
  }

  private static void put(char[] map, char from, char to) {
    if (from >= FIRST && from <= LAST && from != to) map[from - FIRST] = to;
  }

  /** Fills map from ICU: each ideograph transformed on its own line, so no context rule applies. */
  private static void fromIcu(char[] map) {
    com.ibm.icu.text.Transliterator t = com.ibm.icu.text.Transliterator.getInstance(ICU_TRANSFORM);
    StringBuilder all = new StringBuilder(2 * map.length);
    for (int c = FIRST; c <= LAST; c++) if (Character.isIdeographic(c)) all.append((char) c).append('\n');
    String in = all.toString(), out = t.transliterate(in);
    if (out.length() != in.length()) {
      // a character turned into several: fall back to one at a time, keeping only one-for-one mappings
      for (int i = 0; i < in.length(); i += 2) {
        String one = t.transliterate(in.substring(i, i + 1));
        if (one.length() == 1) put(map, in.charAt(i), one.charAt(0));
      }
      return;
    }
    for (int i = 0; i < in.length(); i += 2) put(map, in.charAt(i), out.charAt(i));
  }

  /** Writes the table in the format of {@value #RESOURCE}; returns the number of lines. */
  public static int writeTable(Writer w) throws IOException {
    return write(Table.MAP, w);
  }

  private static int write(char[] map, Writer w) throws IOException {
    int n = 0;
    for (int i = 0; i < map.length; i++) {
      if (map[i] == 0) continue;
      w.write((char) (FIRST + i));
      w.write(' ');
      w.write(map[i]);
      w.write('\n');
      n++;
    }
    return n;
  }

  /** Writes the table from ICU into the file args[0] (the build's classes folder + {@link #RESOURCE}). */
  public static void main(String[] args) throws IOException {
    char[] map = new char[LAST - FIRST + 1];
    fromIcu(map);
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    int n;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      n = write(map, w);
    }
    System.out.println("ScriptFolding: " + n + " Traditional characters fold to Simplified (ICU " + ICU_TRANSFORM + ") -> " + file);
  }
}
