package org.policysearch.metadata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers in a document's opening and closing lines: 发文字号 such as 国发〔2015〕28号,
 * order numbers such as 中华人民共和国主席令第六十八号 or 国务院令第658号, and for the Federal
 * Register the document's {@code FR Doc.} number (the one after its {@code AGENCY:} line: a
 * Federal Register PDF also holds the end of the notice before) and its docket number.
 */
public final class DocumentNumbers {
  private DocumentNumbers() {}

  private static final Pattern ZH_FILE_NUMBER = Pattern.compile(
      "[\\p{IsHan}]{1,10}\\s*[〔\\[［【（(]\\s*\\d{4}\\s*[〕\\]］】）)]\\s*\\d{1,5}\\s*号");
  private static final Pattern ZH_ORDER = Pattern.compile(
      "(?:中华人民共和国)?[\\p{IsHan}]{0,12}?令\\s*(?:第\\s*[0-9零〇一二三四五六七八九十百千]+\\s*号|[〔\\[（(]\\s*\\d{4}\\s*[〕\\]）)]\\s*第?\\s*\\d+\\s*号)");
  private static final Pattern FR_DOC = Pattern.compile("FR\\s+Doc\\.?\\s*(\\d{2,4})\\s*[-–—]\\s*(\\d+)");
  private static final Pattern DOCKET = Pattern.compile("\\[\\s*Docket\\s+(?:Number|No\\.)\\s*([A-Z]{2,10}\\s*[-–—]\\s*\\d{4}\\s*[-–—]\\s*\\d{3,5})\\s*\\]");

  static List<String> find(List<String> lines, String text) {
    Set<String> out = new LinkedHashSet<>();
    int agency = text.indexOf("AGENCY:");
    if (agency >= 0) {
      Matcher fr = FR_DOC.matcher(text);
      if (fr.find(agency)) out.add("FR Doc. " + fr.group(1) + "-" + fr.group(2));
      Matcher d = DOCKET.matcher(text.substring(0, Math.min(text.length(), agency + 2000)));
      while (d.find()) out.add(d.group(1).replaceAll("\\s", "").replaceAll("[–—]", "-"));
    }
    for (String line : DateRules.edges(lines, 15, 10)) {
      if (line.length() > 400 || line.indexOf('号') < 0) continue;
      Matcher m = ZH_FILE_NUMBER.matcher(line);
      while (m.find()) {
        String n = m.group().replaceAll("\\s", "");
        // 《…》（国发〔1993〕21号） is the number of a document cited, not this one's
        boolean cited = line.substring(Math.max(0, m.start() - 2), m.start()).contains("》");
        if (!cited) out.add(n);
      }
      Matcher o = ZH_ORDER.matcher(line);
      while (o.find()) {
        String n = o.group().replaceAll("\\s", "");
        // the lazy prefix may have taken in the end of a date written without a space (…30日中华人民共和国…令)
        int prc = n.indexOf("中华人民共和国");
        if (prc > 0) n = n.substring(prc);
        else if (n.lastIndexOf('日') >= 0 && n.lastIndexOf('日') < n.indexOf('令')) n = n.substring(n.lastIndexOf('日') + 1);
        if (n.length() > 3) out.add(n);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The values a {@code number:} filter matches: the number folded (NFKC, lower case, no
   * spaces, every kind of bracket as [ ]), for an FR Doc. number its bare digits too, so
   * {@code number:2018-13248} finds "FR Doc. 2018-13248", and an order number without its
   * 中华人民共和国 ({@code number:国务院令第658号}).
   */
  public static Set<String> filterValues(String number) {
    Set<String> out = new LinkedHashSet<>();
    if (number == null || number.isBlank()) return out;
    String n = normalize(number);
    out.add(n);
    if (n.startsWith("frdoc.")) out.add(n.substring("frdoc.".length()));
    if (n.startsWith("中华人民共和国") && n.length() > 8) out.add(n.substring("中华人民共和国".length())); // 国务院令第658号
    return out;
  }

  /** The filter values of every number in a "; "-separated list (the stored form), parenthesised remarks left out. */
  public static Set<String> filterValuesOfList(String numbers) {
    Set<String> out = new LinkedHashSet<>();
    if (numbers == null) return out;
    for (String n : numbers.split(";")) {
      String bare = n.replaceAll("\\s*\\([^()]*\\)\\s*", " ").replaceFirst("^\\s*amended by\\s+", "").strip();
      out.addAll(filterValues(bare));
    }
    return out;
  }

  /** How a filter value and an indexed number are compared. */
  public static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    n = n.replaceAll("[〔［【（(]", "[").replaceAll("[〕］】）)]", "]").replaceAll("[–—]", "-");
    return n.replaceAll("\\s+", "");
  }
}
