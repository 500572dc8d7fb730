package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates a document states in its own text, each with the rule that found it. Only the opening
 * and closing lines are read (where laws put their adoption and amendment lines, notices their
 * 成文日期 and the Federal Register its header), never the body, which cites other dates.
 *
 * <p>Chinese: every date in an opening or closing line is classified by the words after it:
 * 修正 / 修订 / 修改 (amended), 通过 (adopted), 公布 / 发布 / 印发 (promulgated), 在…会议上
 * (delivered), 施行 (effective), a labelled 发布日期 / 成文日期, or a line that is only a date
 * (the 成文日期 under a notice's signature). The latest of the versions sorts and filters; when
 * the text names an amendment the first adoption is kept beside it. Effective dates count only
 * when nothing else is stated.
 *
 * <p>English: the Federal Register page header, "Dated: …", the "THE WHITE HOUSE, May 14, 2024."
 * signature, a proclamation's "this … day of …, in the year of our Lord two thousand …", and an
 * opening or closing line that is only a date.
 */
final class DateRules {
  private DateRules() {}

  /** A date the text states, with its rule; first is the first adoption when an amendment is also stated. */
  record Found(String date, String first, String source) {}

  private enum Kind {
    AMENDED("text:amended"), PROMULGATED("text:promulgated"), ADOPTED("text:adopted"), DELIVERED("text:delivered"),
    LABELLED("text:labelled"), SIGNED("text:signed"), EFFECTIVE("text:effective");

    final String source;

    Kind(String source) {
      this.source = source;
    }
  }

  private record Event(String date, Kind kind) {}

  static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
  private static final Pattern ZH_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  private static final Pattern ZH_HAN_DATE = Pattern.compile(
      "([〇○零一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日");
  private static final Pattern ZH_LABEL = Pattern.compile("(发布日期|成文日期|公布日期|印发日期|发文日期)\\s*[：:]?\\s*$");
  private static final Pattern ARTICLE = Pattern.compile("^第[一二三四五六七八九十百千零〇0-9]+条");
  private static final Pattern EN_DATE = Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
  private static final Pattern EN_DMY = Pattern.compile("\\b(\\d{1,2})\\s+(" + MONTHS + ")\\s+(\\d{4})\\b");
  private static final Pattern EN_MONTH_YEAR = Pattern.compile("\\b(" + MONTHS + ")\\s+(\\d{4})\\b");
  private static final Pattern FR_HEADER = Pattern.compile(
      "Federal Register\\s*/\\s*Vol\\.\\s*\\d+,\\s*No\\.\\s*\\d+\\s*/\\s*(?:[A-Za-z]+day,\\s*)?(" + MONTHS + ")\\s+(\\d{1,2}),\\s*(\\d{4})");
  private static final Pattern DATED = Pattern.compile("\\bDated:\\s*(" + MONTHS + ")\\s+(\\d{1,2}),\\s*(\\d{4})");
  private static final Pattern WHITE_HOUSE_SIGNED = Pattern.compile(
      "THE WHITE HOUSE,\\s*(" + MONTHS + ")\\s+(\\d{1,2}),\\s*(\\d{4})");
  private static final Pattern PROCLAMATION = Pattern.compile(
      "this\\s+([a-z]+(?:[- ][a-z]+)?)\\s+day\\s+of\\s+(" + MONTHS + "),\\s+in\\s+the\\s+year\\s+of\\s+our\\s+Lord\\s+"
          + "two\\s+thousand(?:\\s+and)?(?:[\\s-]+([a-z]+(?:-[a-z]+)?))?", Pattern.CASE_INSENSITIVE);
  /** A line that is a date and nothing else (a weekday or "Issued on:" may precede it). */
  private static final Pattern EN_DATE_LINE = Pattern.compile("^(?:(?:Issued|Released|Date|Dated)(?: on)?:?\\s*)?"
      + "(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s*)?(?:(" + MONTHS + ")\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})"
      + "|(\\d{1,2})\\s+(" + MONTHS + ")\\s+(\\d{4})|(" + MONTHS + ")\\s+(\\d{4}))\\.?$");

  static final int TAIL_LINES = 25;

  /** The date the opening and closing lines state; null when they state none. */
  static Found find(List<String> lines, String text) {
    Found zh = chinese(lines);
    if (zh != null) return zh;
    return english(lines, text);
  }

  private static Found chinese(List<String> lines) {
    List<Event> events = new ArrayList<>();
    for (String line : edges(lines, 15, 10)) {
      if (line.length() > 2000 || ARTICLE.matcher(line).find()) continue;
      List<int[]> spans = new ArrayList<>();
      List<String> dates = new ArrayList<>();
      Matcher m = ZH_DATE.matcher(line);
      while (m.find()) {
        String d = iso(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (d != null) {
          spans.add(new int[] {m.start(), m.end()});
          dates.add(d);
        }
      }
      Matcher h = ZH_HAN_DATE.matcher(line);
      while (h.find()) {
        String d = iso(hanDigits(h.group(1)), hanNumber(h.group(2)), hanNumber(h.group(3)));
        if (d != null) {
          spans.add(new int[] {h.start(), h.end()});
          dates.add(d);
        }
      }
      for (int i = 0; i < spans.size(); i++) {
        int end = spans.get(i)[1];
        int next = line.length();
        for (int[] s : spans) if (s[0] >= end && s[0] < next) next = s[0];
        String after = line.substring(end, Math.min(next, end + 300));
        String before = line.substring(0, spans.get(i)[0]);
        Kind k = classify(before, after, line, spans.get(i));
        if (k != null) events.add(new Event(dates.get(i), k));
      }
    }
    return choose(events);
  }

  private static Kind classify(String before, String after, String line, int[] span) {
    if (ZH_LABEL.matcher(before).find()) {
      return before.contains("施行") ? Kind.EFFECTIVE : Kind.LABELLED;
    }
    if (after.matches("(?s).*(修正|修订|修改).*") || before.matches("(?s).*根据\\s*$")) return Kind.AMENDED;
    // "最高人民法院1994年7月6日制定的《…》同时废止": the date of another document, one the closing lines repeal
    if (line.contains("废止") || after.matches("(?s)[^。；]*?(通过|公布|发布|印发|颁布|制定)的《.*") && !after.matches("(?s).*(修正|修订).*")) {
      return null;
    }
    if (after.contains("通过")) return Kind.ADOPTED;
    if (after.matches("(?s).*(公布|发布|印发|颁布).*")) return Kind.PROMULGATED;
    if (after.matches("(?s).*会议上.*")) return Kind.DELIVERED;
    if (after.matches("(?s).*(施行|实施|生效).*")) return Kind.EFFECTIVE;
    String rest = (line.substring(0, span[0]) + line.substring(span[1])).replaceAll("[\\s\\p{P}]", "");
    return rest.isEmpty() ? Kind.SIGNED : null;
  }

  private static Found choose(List<Event> events) {
    List<Event> versions = new ArrayList<>();
    for (Event e : events) if (e.kind() != Kind.EFFECTIVE) versions.add(e);
    if (versions.isEmpty()) versions = events;
    if (versions.isEmpty()) return null;
    Event latest = versions.get(0);
    boolean amended = false;
    String first = null;
    for (Event e : versions) {
      if (e.date().compareTo(latest.date()) > 0 || e.date().equals(latest.date()) && e.kind().ordinal() < latest.kind().ordinal()) latest = e;
      if (e.kind() == Kind.AMENDED) amended = true;
      else if (first == null || e.date().compareTo(first) < 0) first = e.date();
    }
    boolean keepFirst = amended && first != null && first.compareTo(latest.date()) < 0;
    return new Found(latest.date(), keepFirst ? first : null, latest.kind().source);
  }

  private static Found english(List<String> lines, String text) {
    // the cheap test first: most documents have neither
    int header = text.indexOf("Federal Register");
    if (header >= 0 && header < 5000) {
      Matcher fr = FR_HEADER.matcher(text.substring(header, Math.min(text.length(), header + 200)));
      if (fr.find()) return en(fr.group(1), fr.group(2), fr.group(3), "text:federal-register");
    }
    int datedAt = text.indexOf("Dated:");
    Matcher dated = datedAt < 0 ? null : DATED.matcher(text.substring(datedAt, Math.min(text.length(), datedAt + 60)));
    if (dated != null && dated.find()) return en(dated.group(1), dated.group(2), dated.group(3), "text:dated");
    String tail = String.join("\n", edges(lines, 0, TAIL_LINES));
    Matcher signed = WHITE_HOUSE_SIGNED.matcher(tail);
    if (signed.find()) return en(signed.group(1), signed.group(2), signed.group(3), "text:signed");
    Matcher p = PROCLAMATION.matcher(tail);
    if (p.find()) {
      int day = ordinal(p.group(1).toLowerCase(Locale.ROOT).replace(' ', '-'));
      int year = 2000 + (p.group(3) == null ? 0 : cardinal(p.group(3).toLowerCase(Locale.ROOT)));
      String d = day > 0 && (p.group(3) == null || year > 2000) ? iso(year, month(p.group(2)), day) : null;
      if (d != null) return new Found(d, null, "text:proclamation");
    }
    for (String line : edges(lines, 12, 8)) {
      Matcher m = EN_DATE_LINE.matcher(line.strip());
      if (!m.matches()) continue;
      Found f = m.group(1) != null ? en(m.group(1), m.group(2), m.group(3), "text:dated-line")
          : m.group(4) != null ? en(m.group(5), m.group(4), m.group(6), "text:dated-line")
          : monthYear(m.group(7), m.group(8));
      if (f != null) return f;
    }
    return null;
  }

  private static Found monthYear(String month, String year) {
    int y = Integer.parseInt(year);
    if (y < 1900 || y > 2100) return null;
    return new Found(String.format("%04d-%02d", y, month(month)), null, "text:dated-line");
  }

  private static Found en(String month, String day, String year, String source) {
    String d = iso(Integer.parseInt(year), month(month), Integer.parseInt(day));
    return d == null ? null : new Found(d, null, source);
  }

  /** The first head and last tail lines (each line once). */
  static List<String> edges(List<String> lines, int head, int tail) {
    List<String> out = new ArrayList<>(lines.subList(0, Math.min(head, lines.size())));
    for (int i = Math.max(head, lines.size() - tail); i < lines.size(); i++) out.add(lines.get(i));
    return out;
  }

  static String iso(int y, int m, int d) {
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
    return String.format("%04d-%02d-%02d", y, m, d);
  }

  static int month(String name) {
    String n = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(n) / 3 + 1;
  }

  private static int hanDigits(String s) {
    int v = 0;
    for (char c : s.toCharArray()) v = v * 10 + Math.max(0, "〇一二三四五六七八九".indexOf(c == '○' || c == '零' ? '〇' : c));
    return v;
  }

  private static int hanNumber(String s) {
    int ten = s.indexOf('十');
    if (ten < 0) return hanDigits(s);
    int tens = ten == 0 ? 1 : hanDigits(s.substring(0, ten));
    int units = ten == s.length() - 1 ? 0 : hanDigits(s.substring(ten + 1));
    return tens * 10 + units;
  }

  private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
      Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
      Map.entry("thirty", 30));
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
      Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
      Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11),
      Map.entry("twelfth", 12), Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
      Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
      Map.entry("twentieth", 20), Map.entry("thirtieth", 30));

  /** "twenty-four" = 24; 0 when not a number word. */
  private static int cardinal(String words) {
    int v = 0;
    for (String w : words.split("-")) {
      Integer u = UNITS.get(w);
      if (u == null) return 0;
      v += u;
    }
    return v;
  }

  /** "twenty-first" = 21; 0 when not an ordinal. */
  private static int ordinal(String words) {
    String[] w = words.split("-");
    Integer last = ORDINALS.get(w[w.length - 1]);
    if (last == null) return 0;
    int v = last;
    for (int i = 0; i < w.length - 1; i++) {
      Integer u = UNITS.get(w[i]);
      if (u == null) return 0;
      v += u;
    }
    return v;
  }
}
