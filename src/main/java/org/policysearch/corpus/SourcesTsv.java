package org.policysearch.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code SOURCES.tsv}: a header row naming columns, then one row per file. Known columns:
 * file, language, title_original (or title), title_english, issuer, date, document_number. Unknown columns are ignored.
 */
final class SourcesTsv {
  private SourcesTsv() {}

  static Map<String, SourceMetadata> read(Path tsv, String folder) throws IOException {
    List<String> lines = CorpusScanner.readText(tsv).lines().toList();
    Map<String, SourceMetadata> out = new HashMap<>();
    if (lines.isEmpty()) return out;
    String[] header = lines.get(0).replace("\uFEFF", "").split("\t", -1);
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.length; i++) col.put(header[i].trim().toLowerCase(), i);
    if (!col.containsKey("file")) throw new IOException("no 'file' column in the header");
    String prefix = folder.isEmpty() ? "" : folder + "/";
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t", -1);
      String file = get(f, col, "file");
      if (file == null) continue;
      String title = get(f, col, "title_original");
      if (title == null) title = get(f, col, "title");
      out.put(prefix + file, new SourceMetadata(title, get(f, col, "title_english"), get(f, col, "issuer"),
          get(f, col, "date"), get(f, col, "language"), get(f, col, "document_number")));
    }
    return out;
  }

  private static String get(String[] f, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    if (i == null || i >= f.length) return null;
    String v = f[i].trim();
    return v.isEmpty() ? null : v;
  }
}
