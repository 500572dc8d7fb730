package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers a document's metadata from its own text and the file's metadata, for the documents
 * {@code SOURCES.tsv} says nothing about (it still wins where it does).
 *
 * <p>Date, first rule that gives one ({@code date_source} names it):
 * <ol>
 *   <li>the text's opening and closing lines ({@link DateRules}: {@code text:amended},
 *       {@code text:promulgated}, {@code text:adopted}, {@code text:delivered}, {@code text:labelled},
 *       {@code text:signed}, {@code text:effective}, {@code text:federal-register}, {@code text:dated},
 *       {@code text:proclamation}, {@code text:dated-line});
 *   <li>{@code title}: a year the title states as the document's (2015年…政府工作报告,
 *       "… (U.S. Chamber of Commerce, 2017)");
 *   <li>{@code metadata}: the PDF / DOCX / HTML creation date, only when its year occurs in the
 *       text (a conversion or a scan stamps the day the file was made, not the document's date);
 *   <li>{@code file-name}: a date or year in the file name.
 * </ol>
 *
 * <p>Title: the file's metadata title unless it is a file name; for a Federal Register notice the
 * heading above its {@code AGENCY:} line; else the first line of text (Markdown {@code #} taken
 * off) when it reads as a title, cut where a law's title runs into its adoption line.
 */
public final class MetadataInference {
  private MetadataInference() {}

  /** Text beyond this is not read (titles, dates and numbers sit at the edges). */
  private static final int HEAD_CHARS = 60_000;
  private static final int TAIL_CHARS = 8_000;
  private static final Pattern FILE_LIKE = Pattern.compile("(?i).*\\.(docx?|pdf|txt|md|html?|rtf|odt|xlsx?|pptx?)$");
  private static final Pattern RUN_ON = Pattern.compile("^(.*?[\\p{IsHan}》）)]{2,}?)\\s*\\d{4}\\s*年\\s*\\d{1,2}\\s*月");
  private static final Pattern ZH_TITLE_YEAR = Pattern.compile("^((?:19|20)\\d{2})年");
  private static final Pattern EN_TITLE_YEAR = Pattern.compile("\\((?:[^()]*,\\s*)?((?:19|20)\\d{2})\\)\\s*$");
  private static final Pattern FILE_DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\\d|3[01])(?!\\d)");
  private static final Pattern FILE_YEAR = Pattern.compile("(?<![\\d])((?:19|20)\\d{2})(?![\\d])");
  private static final Pattern FR_PAGE_HEADER = Pattern.compile("^\\d*\\s*Federal Register\\s*/.*");

  /**
   * @param text the document's text, paragraphs separated by blank lines (front matter taken off)
   * @param metadataTitle the title in the file's own metadata, may be null
   * @param metadataDate the creation date in the file's own metadata (ISO), may be null
   * @param fileName the file name, or null to leave the file name out (the benchmark does, to
   *     measure the text rules alone)
   */
  public static DocumentMetadata infer(String text, String metadataTitle, String metadataDate, String fileName) {
    String edges = text.length() <= HEAD_CHARS + TAIL_CHARS ? text
        : text.substring(0, HEAD_CHARS) + "\n\n" + text.substring(text.length() - TAIL_CHARS);
    List<String> lines = lines(edges);
    String title = title(edges, lines, metadataTitle, fileName);
    DateRules.Found d = DateRules.find(lines, edges);
    if (d == null) d = titleYear(title);
    if (d == null) d = metadataDate(metadataDate, text);
    if (d == null && fileName != null) d = fileNameDate(fileName);
    List<String> numbers = DocumentNumbers.find(lines, edges);
    String issuer = Issuers.find(title, lines, edges, numbers);
    return new DocumentMetadata(title, d == null ? null : d.date(), d == null ? null : d.first(), d == null ? null : d.source(),
        issuer, numbers);
  }

  /** Opening and closing lines the rules read (no rule reads further from either end). */
  private static final int HEAD_LINES = 40, TAIL_LINES = DateRules.TAIL_LINES;

  /**
   * The first {@value #HEAD_LINES} and last {@value #TAIL_LINES} non-blank lines (all of them in
   * a shorter text), stripped, HTML comments left out and Markdown bold taken off.
   */
  static List<String> lines(String text) {
    List<String> head = new ArrayList<>();
    int at = 0;
    while (at < text.length() && head.size() < HEAD_LINES) {
      int eol = text.indexOf('\n', at);
      if (eol < 0) eol = text.length();
      addLine(head, text.substring(at, eol));
      at = eol + 1;
    }
    List<String> tail = new ArrayList<>();
    int end = text.length();
    while (end > at && tail.size() < TAIL_LINES) {
      int bol = text.lastIndexOf('\n', end - 1);
      if (bol < at - 1) bol = at - 1;
      addLine(tail, text.substring(bol + 1, end));
      end = bol;
    }
    java.util.Collections.reverse(tail);
    head.addAll(tail);
    return head;
  }

  private static void addLine(List<String> out, String line) {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("<!--") && s.endsWith("-->")) return;
    if (s.length() > 4 && s.startsWith("**") && s.endsWith("**")) s = s.substring(2, s.length() - 2).strip();
    if (!s.isEmpty()) out.add(s);
  }

  static String title(String text, List<String> lines, String metadataTitle, String fileName) {
    String meta = metadataTitle == null ? null : metadataTitle.strip().replaceFirst("^Microsoft Word - ", "").strip();
    if (meta != null && !meta.isEmpty() && meta.length() <= 300 && !FILE_LIKE.matcher(meta).matches()
        && !meta.equalsIgnoreCase("untitled") && (fileName == null || !baseName(fileName).equalsIgnoreCase(meta))) {
      return meta;
    }
    String fr = federalRegisterTitle(text);
    if (fr != null) return fr;
    for (int i = 0; i < Math.min(3, lines.size()); i++) {
      String l = lines.get(i).replaceAll("\\s+", " ");
      if (l.matches("#{1,6} .*")) {
        // a Markdown heading says it is a title, however long
        String h = l.replaceFirst("^#+ ", "").strip();
        if (h.length() >= 2 && h.length() <= 400) return h;
        continue;
      }
      if (FR_PAGE_HEADER.matcher(l).matches()) continue;
      Matcher run = RUN_ON.matcher(l);
      if (run.find() && run.group(1).length() >= 4) l = run.group(1).strip();
      if (l.length() < 2 || l.length() > 150 || l.matches(".*[。；;，,:：]$") || l.matches("[\\d\\s\\p{P}]+")) continue;
      return l;
    }
    return null;
  }

  /** A Federal Register notice's heading: the paragraph just above its AGENCY: line. */
  private static String federalRegisterTitle(String text) {
    int agency = text.indexOf("AGENCY:");
    if (agency < 0 || agency > 40_000) return null;
    String[] paragraphs = text.substring(0, agency).split("\\n\\s*\\n");
    for (int i = paragraphs.length - 1; i >= 0; i--) {
      String p = paragraphs[i].strip().replaceAll("\\s+", " ");
      if (p.isEmpty()) continue;
      return p.length() >= 10 && p.length() <= 400 && !p.startsWith("[") ? p : null;
    }
    return null;
  }

  private static DateRules.Found titleYear(String title) {
    if (title == null) return null;
    Matcher zh = ZH_TITLE_YEAR.matcher(title);
    if (zh.find()) return new DateRules.Found(zh.group(1), null, "title");
    Matcher en = EN_TITLE_YEAR.matcher(title);
    if (en.find()) return new DateRules.Found(en.group(1), null, "title");
    return null;
  }

  private static DateRules.Found metadataDate(String created, String text) {
    if (created == null || !created.matches("\\d{4}-\\d{2}-\\d{2}.*")) return null;
    String year = created.substring(0, 4);
    return text.contains(year) ? new DateRules.Found(created.substring(0, 10), null, "metadata") : null;
  }

  private static DateRules.Found fileNameDate(String fileName) {
    String base = baseName(fileName);
    Matcher full = FILE_DATE.matcher(base);
    if (full.find()) {
      String d = DateRules.iso(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)), Integer.parseInt(full.group(3)));
      if (d != null) return new DateRules.Found(d, null, "file-name");
    }
    Matcher y = FILE_YEAR.matcher(base);
    return y.find() ? new DateRules.Found(y.group(1), null, "file-name") : null;
  }

  private static String baseName(String fileName) {
    String n = fileName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
