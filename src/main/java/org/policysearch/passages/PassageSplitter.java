package org.policysearch.passages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.policysearch.analysis.Scripts;
import org.policysearch.extraction.Block;

/**
 * Splits a document's blocks into passages.
 *
 * <p>Blocks whose format declared paragraphs (HTML, DOCX) are paragraphs already. Text laid out
 * in lines (plain text, Markdown, PDF) is re-paragraphed: a paragraph ends at a gap wider than
 * the document's usual gap between lines, after a line ending a sentence, after a short line
 * standing alone and followed by a full line (a heading; a run of short lines is a narrow table
 * column and stays together), or before a line that starts a heading, list item or law article.
 * A full-width line that does not end a sentence wrapped, and a line ending in "and", "of", a comma
 * or mid-word Chinese continues, whatever gap follows.
 * Measuring the usual gap is what keeps the U.S. Chamber report's "blank line after every wrapped
 * line" from cutting its paragraphs mid-sentence.
 *
 * <p>Lines are joined with no space when either side is CJK text (国务院关于印发 / 《中国制造), with
 * the hyphen kept and no space after a line-final hyphen, and with one space otherwise.
 * Paragraphs after a law article (第X条) belong to it until the next article or heading; a
 * paragraph with almost no letters is merged into the next; a paragraph longer than
 * {@link #MAX_CHARS} is split at sentence ends.
 */
public final class PassageSplitter {
  static final int MAX_CHARS = 1500;
  static final int TARGET_CHARS = 900;
  private static final String CN_NUM = "[一二三四五六七八九十百千零〇两\\d]+";
  private static final Pattern ARTICLE = Pattern.compile("^\\s*第" + CN_NUM + "条");
  private static final Pattern CHAPTER = Pattern.compile("^\\s*第" + CN_NUM + "[章节编部分]");
  private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+");
  private static final Pattern STARTS_ITEM = Pattern.compile(
      "^\\s*(第" + CN_NUM + "[条章节编]|[-•*·▪●◆■]\\s|\\d{1,3}[.)、]\\s|[（(]" + CN_NUM + "[）)]|[一二三四五六七八九十]+、|#{1,6}\\s)");
  static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？;；:：][\\s\"'”’)）\\]》」』]*$");
  static final Pattern FUNCTION_WORD_END = Pattern.compile(
      "(?i)\\b(and|or|of|the|a|an|in|for|to|on|with|by|from|at|as|that|its|their)$");
  /** A sentence end: Latin punctuation followed by a space (not the dots of "www.gov.cn"), or Chinese end punctuation. */
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;])[\"'”’)]*\\s+|(?<=[。！？；])[”’」』）]*\\s*");

  /** A footnote's number on a line of its own (PDF superscripts), the note following on the same page. */
  private static final Pattern FOOTNOTE_MARK = Pattern.compile("^\\s*\\d{1,3}\\s*$");
  /** A line that is nothing but a web address (PDF link targets repeated after the notes). */
  private static final Pattern BARE_URL = Pattern.compile("^\\s*(https?://|www\\.)\\S+\\s*$");
  private static final Pattern ENDS_WITH_URL = Pattern.compile("(https?://|www\\.)\\S+\\s*$");

  private record Line(String text, int page, int gapBefore) {}

  private record Para(String text, int page, boolean heading) {}

  /** Splits blocks into passages of document docId; lang is the document's language (fallback for passages without letters). */
  public List<Passage> split(String docId, List<Block> blocks, String lang) {
    List<Para> paras = new ArrayList<>();
    List<Block> run = new ArrayList<>();
    for (Block b : blocks) {
      if (b.kind() == Block.Kind.LINES) {
        run.add(b);
        continue;
      }
      paras.addAll(fromLines(run));
      run.clear();
      String t = joinLines(Arrays.asList(b.text().split("\n")));
      if (!t.isBlank()) paras.add(new Para(t, b.page(), b.kind() == Block.Kind.HEADING));
    }
    paras.addAll(fromLines(run));
    return toPassages(docId, group(paras), lang);
  }

  /** Re-paragraphs a run of line-laid-out blocks. */
  private List<Para> fromLines(List<Block> run) {
    List<Para> out = new ArrayList<>();
    if (run.isEmpty()) return out;
    List<Line> lines = new ArrayList<>();
    int gap = 0;
    for (Block b : run) {
      for (String l : b.text().split("\n", -1)) {
        String t = stripRight(l);
        if (t.isBlank()) {
          gap++;
        } else {
          lines.add(new Line(t, b.page(), lines.isEmpty() ? 0 : gap));
          gap = 0;
        }
      }
      gap++; // a block boundary counts as one line break
    }
    if (lines.isEmpty()) return out;
    int usualGap = median(lines.stream().skip(1).mapToInt(Line::gapBefore).toArray());
    // the text width, measured on prose lines (a URL line can be far wider than the column)
    int width = percentile(lines.stream().filter(l -> !l.text().contains("://")).mapToInt(l -> displayWidth(l.text())).toArray(), 0.75);
    List<String> current = new ArrayList<>();
    int page = lines.get(0).page();
    boolean heading = false, urlRun = false;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      boolean mdHeading = MD_HEADING.matcher(l.text()).find();
      if (!current.isEmpty()) {
        String prev = current.get(current.size() - 1);
        String next = l.text();
        // footnotes are passages of their own: a note starts at its number standing alone, the note
        // text on the next line of the same page; link targets repeated after the notes (a run of
        // bare addresses) are a passage of their own, and the text after them starts afresh
        boolean footnote = FOOTNOTE_MARK.matcher(next).matches() && i + 1 < lines.size() && lines.get(i + 1).page() == l.page()
            && Character.isWhitespace(lines.get(i + 1).text().charAt(0));
        boolean urlBreak = urlRun ? next.strip().contains(" ") : BARE_URL.matcher(next).matches() && ENDS_WITH_URL.matcher(prev).find();
        boolean structural = heading || mdHeading || footnote || urlBreak || STARTS_ITEM.matcher(next).find();
        boolean endsSentence = endsSentence(prev);
        // a full-width line that ends mid-sentence wrapped, whatever gap follows it (footnotes, columns, pages)
        boolean wrapped = displayWidth(prev) >= 0.85 * width && !endsSentence;
        boolean continued = wrapped || continues(prev, next);
        boolean brk = structural || !continued && (l.gapBefore() > usualGap || endsSentence
            || current.size() == 1 && displayWidth(prev) < 0.6 * width && displayWidth(next) >= 0.6 * width);
        if (brk) {
          out.add(new Para(joinLines(current), page, heading));
          current.clear();
          heading = false;
        }
      }
      if (current.isEmpty()) {
        page = l.page();
        heading = mdHeading || CHAPTER.matcher(l.text()).find() && displayWidth(l.text()) < 0.6 * width;
        urlRun = BARE_URL.matcher(l.text()).matches();
      }
      current.add(mdHeading ? MD_HEADING.matcher(l.text()).replaceFirst("") : l.text());
    }
    if (!current.isEmpty()) out.add(new Para(joinLines(current), page, heading));
    return out;
  }

  /**
   * Whether next plainly continues prev although prev is short: a Chinese line broken before its
   * end (国务院关于印发 / 《中国制造 / 2025》的通知), or a line ending mid-clause followed by a lower-case word.
   */
  private static boolean continues(String prev, String next) {
    int a = prev.codePointBefore(prev.length());
    int b = next.strip().isEmpty() ? ' ' : next.strip().codePointAt(0);
    boolean cjkOpen = Scripts.isCjkText(a) && "。！？；：」』）】》".indexOf(a) < 0;
    if (cjkOpen && (Scripts.isCjkText(b) || Character.isDigit(b))) return true;
    if (endsWithFunctionWord(prev)) return true;
    return Character.isLowerCase(b) || a == ',' || a == '-' || Character.isLowerCase(a) && !Character.isUpperCase(b);
  }

  /** What {@link #SENTENCE_END} may match after the sentence mark (its {@code [\\s"'”’)）\\]》」』]}), and line terminators. */
  private static final String CLOSERS = " \t\n\u000B\f\r\"'”’)）]》」』\u0085\u2028\u2029";

  /**
   * {@code SENTENCE_END.matcher(line).find()}, looking only where a match can start: at the last
   * character before the closing run (the sentence marks and {@link #CLOSERS} have none in common).
   * find() over the whole line tried every position of paragraph-long Markdown lines (issue 20).
   */
  static boolean endsSentence(String line) {
    int q = line.length() - 1;
    while (q >= 0 && CLOSERS.indexOf(line.charAt(q)) >= 0) q--;
    return q >= 0 && SENTENCE_END.matcher(line).region(q, line.length()).find();
  }

  /**
   * {@code FUNCTION_WORD_END.matcher(line).find()}: a match lies in the last few characters (the
   * longest word is five letters, then perhaps a line terminator), the boundary before it seen
   * through the region's edge; find() over the whole line tried every position.
   */
  static boolean endsWithFunctionWord(String line) {
    return FUNCTION_WORD_END.matcher(line).region(Math.max(0, line.length() - 8), line.length()).useTransparentBounds(true).find();
  }

  /** Law articles absorb the paragraphs that follow them; letterless fragments join the next paragraph. */
  private List<Para> group(List<Para> paras) {
    List<Para> out = new ArrayList<>();
    Para article = null;
    String carry = null;
    int carryPage = 0;
    for (Para p : paras) {
      String text = p.text();
      int page = p.page();
      if (carry != null) {
        text = carry + " " + text;
        page = carryPage;
        carry = null;
      }
      if (!p.heading() && letters(text) < 3) {
        carry = text;
        carryPage = page;
        continue;
      }
      boolean startsArticle = ARTICLE.matcher(text).find();
      boolean breaksArticle = p.heading() || startsArticle || CHAPTER.matcher(text).find();
      if (article != null && !breaksArticle && article.text().length() + text.length() < MAX_CHARS) {
        article = new Para(article.text() + "\n" + text, article.page(), false);
        continue;
      }
      if (article != null) {
        out.add(article);
        article = null;
      }
      Para q = new Para(text, page, p.heading());
      if (startsArticle) article = q;
      else out.add(q);
    }
    if (article != null) out.add(article);
    if (carry != null) {
      if (out.isEmpty()) out.add(new Para(carry, carryPage, false));
      else {
        Para last = out.remove(out.size() - 1);
        out.add(new Para(last.text() + " " + carry, last.page(), last.heading()));
      }
    }
    return out;
  }

  private List<Passage> toPassages(String docId, List<Para> paras, String lang) {
    List<Passage> out = new ArrayList<>();
    Anchors anchors = new Anchors(docId);
    int offset = 0;
    for (Para p : paras) {
      for (String piece : splitLong(p.text())) {
        String t = piece.strip();
        if (t.isEmpty()) continue;
        if (!out.isEmpty()) offset += 2; // passages are separated by a blank line in the document text
        out.add(new Passage(docId, out.size(), p.page(), Languages.of(t, lang), t, offset, offset + t.length(), anchors.next(t)));
        offset += t.length();
      }
    }
    return out;
  }

  /** Splits a paragraph longer than MAX_CHARS at sentence ends into pieces of about TARGET_CHARS. */
  static List<String> splitLong(String text) {
    if (text.length() <= MAX_CHARS) return List.of(text);
    List<String> out = new ArrayList<>();
    var m = SENTENCE_BREAK.matcher(text);
    int start = 0, lastBreak = -1;
    while (m.find()) {
      int end = m.end();
      if (end - start >= TARGET_CHARS) {
        int cut = end - start > MAX_CHARS && lastBreak > start ? lastBreak : end;
        out.add(text.substring(start, cut));
        start = cut;
      }
      lastBreak = end;
    }
    String rest = text.substring(start);
    // no sentence end in a very long stretch: cut at a space (or anywhere) so no passage exceeds the bound
    while (rest.length() > MAX_CHARS) {
      int cut = rest.lastIndexOf(' ', TARGET_CHARS);
      if (cut < TARGET_CHARS / 2) cut = TARGET_CHARS;
      if (Character.isHighSurrogate(rest.charAt(cut - 1))) cut--;
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    if (!rest.isBlank()) out.add(rest);
    return out;
  }

  /** Joins wrapped lines: CJK on either side joins directly; a line-final hyphen is kept without a space. */
  static String joinLines(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String raw : lines) {
      String l = raw.strip();
      if (l.isEmpty()) continue;
      if (b.length() > 0) {
        int a = b.codePointBefore(b.length());
        int c = l.codePointAt(0);
        boolean cjk = Scripts.isCjkText(a) || Scripts.isCjkText(c);
        if (!cjk && a != '-' && a != '‐') b.append(' ');
      }
      b.append(l);
    }
    return b.toString();
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) n++;
      i += Character.charCount(cp);
    }
    return n;
  }

  /** Width in Latin-character units: a CJK character is as wide as two. */
  private static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += Scripts.isCjkText(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static String stripRight(String s) {
    int e = s.length();
    while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) e--;
    return s.substring(0, e);
  }

  private static int median(int[] v) {
    if (v.length == 0) return 0;
    int[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static int percentile(int[] v, double p) {
    if (v.length == 0) return 0;
    int[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) (p * s.length))];
  }
}
