package org.policysearch.extraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML front matter of a Markdown file (a first line {@code ---}, {@code key: value} lines, a
 * closing {@code ---} or {@code ...}): the metadata a reader expects as the document's title and
 * date (issue 7: the White House releases carry {@code title:} and {@code date:} there). Tika hands
 * Markdown over as plain text, so without this the block would be indexed as a passage of
 * "date: '2024-10-29' source_url: …" and the title taken from the first line of the body.
 *
 * <p>Only the flat subset such files use is read: top-level scalars, plain, single- or
 * double-quoted, possibly folded over several lines (a long title continues on indented lines,
 * with YAML escapes such as {@code \_} for a no-break space). Nested maps and lists are skipped.
 * Anything that does not look like front matter leaves the text as it is.
 */
public final class FrontMatter {
  private static final Pattern KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)\\s*:(?:\\s+(.*))?$");
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:$|[T ].*)");
  /** Front matter this long is not front matter (a document that happens to start with a rule). */
  private static final int MAX_LINES = 200;

  private final Map<String, String> fields;

  private FrontMatter(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** Front matter and the text after it. */
  public record Split(FrontMatter frontMatter, String body) {}

  /** Front matter and the blocks after it. */
  public record BlocksSplit(FrontMatter frontMatter, List<Block> blocks) {}

  /** Every top-level scalar, in file order. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The {@code title}, stripped; null when absent or blank. */
  public String title() {
    String t = fields.get("title");
    return t == null || t.isBlank() ? null : t.strip();
  }

  /**
   * The {@code date} (else {@code published_time} / {@code published}) as ISO yyyy-mm-dd; null
   * when there is none or it is not an ISO date.
   */
  public String date() {
    for (String k : new String[] {"date", "published_time", "published"}) {
      String v = fields.get(k);
      if (v == null) continue;
      Matcher m = ISO_DATE.matcher(v.strip());
      if (m.matches()) return m.group(1);
    }
    return null;
  }

  /** Splits text into its front matter and body; null when the text does not start with front matter. */
  public static Split parse(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    // the opening line, after any blank lines Tika may put first
    int pos = 0;
    while (pos < t.length()) {
      int eol = lineEnd(t, pos);
      if (!t.substring(pos, eol).isBlank()) break;
      pos = next(t, eol);
    }
    if (pos >= t.length() || !t.startsWith("---", pos) || !t.substring(pos, lineEnd(t, pos)).strip().equals("---")) return null;
    List<String> lines = new ArrayList<>();
    int at = next(t, lineEnd(t, pos));
    while (at < t.length()) {
      int eol = lineEnd(t, at);
      String line = t.substring(at, eol);
      String s = line.strip();
      if (line.startsWith("---") && s.equals("---") || line.startsWith("...") && s.equals("...")) {
        return new Split(new FrontMatter(scalars(lines)), t.substring(next(t, eol)));
      }
      lines.add(line);
      if (lines.size() > MAX_LINES) return null;
      at = next(t, eol);
    }
    return null; // never closed: not front matter
  }

  /**
   * Takes front matter off the start of extracted blocks (Tika may split the file's text into
   * several blocks); null when the first block does not start with front matter.
   */
  public static BlocksSplit of(List<Block> blocks) {
    if (blocks.isEmpty()) return null;
    StringBuilder joined = new StringBuilder();
    int joinedCount = 0;
    for (Block b : blocks) {
      if (joinedCount > 0) joined.append('\n');
      joined.append(b.text());
      joinedCount++;
      if (joined.length() > 100_000) break; // front matter is short
    }
    Split s = parse(joined.toString());
    if (s == null) return null;
    int consumed = joined.length() - s.body().length();
    List<Block> rest = new ArrayList<>();
    int blockStart = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      int blockEnd = blockStart + b.text().length();
      if (i >= joinedCount || consumed <= blockStart) {
        rest.add(b);
      } else if (consumed < blockEnd) {
        String tail = b.text().substring(consumed - blockStart);
        if (!tail.isBlank()) rest.add(new Block(tail, b.page(), b.kind()));
      }
      blockStart = blockEnd + 1;
    }
    return new BlocksSplit(s.frontMatter(), rest);
  }

  private static Map<String, String> scalars(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) continue;
      Matcher m = KEY.matcher(stripRight(line));
      if (!m.matches()) continue;
      String key = m.group(1);
      String first = m.group(2) == null ? "" : m.group(2);
      // the value's continuation lines: indented (or blank) lines up to the next key
      List<String> cont = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && (lines.get(j).isBlank() || Character.isWhitespace(lines.get(j).charAt(0)))) cont.add(lines.get(j++));
      String v = value(first, cont);
      if (v != null) out.put(key, v);
      i = j - 1;
    }
    return out;
  }

  /** The scalar starting with first and continued on cont; null for block values (maps, lists, | and >). */
  private static String value(String first, List<String> cont) {
    String f = first.strip();
    if (f.isEmpty() || f.startsWith("|") || f.startsWith(">") || f.startsWith("[") || f.startsWith("{") || f.startsWith("&")
        || f.startsWith("*") || f.startsWith("!")) {
      return null;
    }
    if (f.startsWith("\"")) return doubleQuoted(f, cont);
    if (f.startsWith("'")) return singleQuoted(f, cont);
    StringBuilder b = new StringBuilder(stripComment(f));
    for (String c : cont) {
      if (c.isBlank()) b.append('\n');
      else b.append(b.length() == 0 || b.charAt(b.length() - 1) == '\n' ? "" : " ").append(stripComment(c.strip()));
    }
    return b.toString().strip();
  }

  private static String stripComment(String s) {
    int i = s.indexOf(" #");
    return i < 0 ? s : s.substring(0, i).stripTrailing();
  }

  private static String singleQuoted(String first, List<String> cont) {
    String raw = fold(first.substring(1), cont, false);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'') {
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
          b.append('\'');
          i++;
          continue;
        }
        break; // closing quote
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String doubleQuoted(String first, List<String> cont) {
    String raw = fold(first.substring(1), cont, true);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"') break; // closing quote
      if (c != '\\' || i + 1 >= raw.length()) {
        b.append(c);
        continue;
      }
      char e = raw.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't', '\t' -> b.append('\t');
        case 'r' -> b.append('\r');
        case '0' -> b.append('\0');
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'e' -> b.append('\u001B');
        case 'f' -> b.append('\f');
        case 'v' -> b.append('\u000B');
        case '_' -> b.append('\u00A0');
        case 'N' -> b.append('\u0085');
        case 'L' -> b.append('\u2028');
        case 'P' -> b.append('\u2029');
        case 'x' -> i = hex(raw, i, 2, b);
        case 'u' -> i = hex(raw, i, 4, b);
        case 'U' -> i = hex(raw, i, 8, b);
        case '\u0001' -> { } // an escaped line break (marked by fold): the lines join with nothing between
        default -> b.append(e); // \\ \" \/ and "\ " (an escaped space)
      }
    }
    return b.toString();
  }

  private static int hex(String raw, int i, int digits, StringBuilder b) {
    if (i + digits >= raw.length()) return i;
    try {
      b.appendCodePoint(Integer.parseInt(raw.substring(i + 1, i + 1 + digits), 16));
      return i + digits;
    } catch (IllegalArgumentException e) {
      return i;
    }
  }

  /**
   * YAML line folding of a quoted scalar: each line break with the surrounding white space becomes
   * one space, an empty line a line break; in double quotes a line ending in a backslash joins
   * the next line directly.
   */
  private static String fold(String first, List<String> cont, boolean escapes) {
    if (cont.isEmpty()) return first;
    StringBuilder b = new StringBuilder(stripRight(first));
    int blank = 0;
    for (String c : cont) {
      if (c.isBlank()) {
        blank++;
        continue;
      }
      boolean escapedBreak = escapes && endsWithOddBackslashes(b);
      if (escapedBreak) b.append('\u0001');
      else if (blank > 0) b.append("\n".repeat(blank));
      else b.append(' ');
      blank = 0;
      b.append(stripRight(c.stripLeading()));
    }
    return b.toString();
  }

  private static boolean endsWithOddBackslashes(CharSequence s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) n++;
    return n % 2 == 1;
  }

  private static String stripRight(String s) {
    int e = s.length();
    while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) e--;
    return s.substring(0, e);
  }

  private static int lineEnd(String t, int from) {
    int i = t.indexOf('\n', from);
    int e = i < 0 ? t.length() : i;
    return e > from && t.charAt(e - 1) == '\r' ? e - 1 : e;
  }

  private static int next(String t, int eol) {
    if (eol < t.length() && t.charAt(eol) == '\r') eol++;
    return eol < t.length() ? eol + 1 : t.length();
  }
}
