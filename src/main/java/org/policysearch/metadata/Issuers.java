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
 * The issuers policy-search recognises by name, each with the other names a user may filter by
 * ({@code issuer:国务院}, {@code issuer:"State Council"}, {@code issuer:USTR}), and the rules that
 * find one in a document: the body named in its adoption or promulgation line (…全国人民代表大会常务委员会
 * 第二十四次会议通过), its document number's prefix (国发 = 国务院), the Federal Register's
 * {@code AGENCY:} line, a president's signature, or a known name in its title or opening lines.
 */
public final class Issuers {
  private Issuers() {}

  /** A known issuer: the name shown first, then the aliases a filter also accepts. */
  record Issuer(String name, List<String> aliases) {}

  /** What {@link #normalize} replaces (first in the class: the tables below are normalised as it loads). */
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern OUTER_PUNCTUATION = Pattern.compile("^[\\s\\p{P}]+|[\\s\\p{P}&&[^.)]]+$");

  // longest names first where one contains another (全国人民代表大会常务委员会 before 全国人民代表大会)
  private static final List<Issuer> KNOWN = List.of(
      new Issuer("全国人民代表大会常务委员会", List.of("全国人大常委会", "NPC Standing Committee", "NPCSC",
          "Standing Committee of the National People's Congress")),
      new Issuer("全国人民代表大会", List.of("全国人大", "National People's Congress", "NPC")),
      new Issuer("国务院办公厅", List.of("国办", "General Office of the State Council")),
      new Issuer("国务院", List.of("中华人民共和国国务院", "State Council")),
      new Issuer("中共中央", List.of("中国共产党中央委员会", "CPC Central Committee")),
      new Issuer("工业和信息化部", List.of("工信部", "MIIT", "Ministry of Industry and Information Technology")),
      new Issuer("国家发展和改革委员会", List.of("国家发展改革委", "发改委", "NDRC", "National Development and Reform Commission")),
      new Issuer("财政部", List.of("Ministry of Finance")),
      new Issuer("商务部", List.of("MOFCOM", "Ministry of Commerce")),
      new Issuer("科学技术部", List.of("科技部", "Ministry of Science and Technology")),
      new Issuer("国家互联网信息办公室", List.of("网信办", "CAC", "Cyberspace Administration of China")),
      new Issuer("国家市场监督管理总局", List.of("市场监管总局", "SAMR", "State Administration for Market Regulation")),
      new Issuer("最高人民法院", List.of("Supreme People's Court")),
      new Issuer("最高人民检察院", List.of("Supreme People's Procuratorate")),
      new Issuer("中国人民银行", List.of("People's Bank of China", "PBOC")),
      new Issuer("海关总署", List.of("General Administration of Customs")),
      new Issuer("Office of the United States Trade Representative", List.of("USTR", "United States Trade Representative",
          "U.S. Trade Representative")),
      new Issuer("The White House", List.of("White House")),
      new Issuer("U.S. Chamber of Commerce", List.of("US Chamber of Commerce", "United States Chamber of Commerce")),
      new Issuer("U.S. Department of Commerce", List.of("Department of Commerce", "Commerce Department")));

  private static final Pattern PRESIDENT_SIGNATURE = Pattern.compile(
      "^(JOSEPH R\\. BIDEN,? JR\\.|DONALD J\\. TRUMP|BARACK OBAMA|GEORGE W\\. BUSH|WILLIAM J\\. CLINTON)$");
  private static final Pattern WHITE_HOUSE_TITLE = Pattern.compile(
      "^(FACT SHEET:|Fact Sheet:|Remarks (by|of) (the )?(President|Vice President|First Lady|Second Gentleman|Press Secretary|National Economic Advisor|National Security Advisor)|"
          + "Statement (from|by) (the )?(President|Vice President|Press Secretary)|Executive Order|Memorandum on|"
          + "A Proclamation on|Press Briefing by)");
  private static final Pattern FR_AGENCY = Pattern.compile("AGENCY:\\s*([^.]{3,160})");
  /** The Chinese names of the known issuers, longest first, as one alternation. */
  private static final Pattern ZH_BODY = Pattern.compile(String.join("|", KNOWN.stream().map(Issuer::name)
      .filter(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
      .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()));

  /** The canonical issuer these lines name, or null. */
  static String find(String title, List<String> lines, String text, List<String> numbers) {
    int agencyAt = text.indexOf("AGENCY:");
    Matcher agency = agencyAt < 0 ? null : FR_AGENCY.matcher(text.substring(agencyAt, Math.min(text.length(), agencyAt + 200)));
    if (agency != null && agency.find()) {
      String named = known(agency.group(1).replaceAll("\\s+", " "));
      return named != null ? named : agency.group(1).replaceAll("\\s+", " ").strip();
    }
    // the body named in an adoption or promulgation line (not where a report was delivered: 在…全国人民代表大会…会议上)
    for (String line : DateRules.edges(lines, 15, 0)) {
      if (!line.matches("(?s).*(通过|公布|发布|修正|修订).*") || !line.matches("(?s).*\\d{4}\\s*年.*")) continue;
      Matcher m = ZH_BODY.matcher(line);
      if (m.find()) return m.group();
    }
    for (String n : numbers) {
      if (n.startsWith("国办发")) return "国务院办公厅";
      if (n.startsWith("国发") || n.startsWith("国函") || n.contains("国务院令")) return "国务院";
      if (n.contains("主席令")) return "全国人民代表大会常务委员会";
      if (n.startsWith("工信部")) return "工业和信息化部";
      if (n.startsWith("发改")) return "国家发展和改革委员会";
    }
    if (title != null) {
      String t = known(title);
      if (t != null) return t;
      if (WHITE_HOUSE_TITLE.matcher(title).find()) return "The White House";
    }
    for (String line : DateRules.edges(lines, 0, DateRules.TAIL_LINES)) {
      if (PRESIDENT_SIGNATURE.matcher(line.strip()).matches() || line.strip().startsWith("THE WHITE HOUSE,")) return "The White House";
    }
    for (String line : DateRules.edges(lines, 6, 6)) {
      if (line.length() > 200) continue;
      String k = known(line);
      if (k != null) return k;
    }
    return null;
  }

  /** A name or alias to look for in text: Chinese as a substring, other scripts as whole words. */
  private record Needle(String issuer, String folded, Pattern word) {}

  /** Every known name and alias longer than four characters (NPC, USTR only match as a whole filter value), folded once. */
  private static final List<Needle> NEEDLES = KNOWN.stream().flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(i.name()),
      i.aliases().stream().filter(a -> a.length() > 4)).map(n -> {
        String k = normalize(n);
        boolean han = k.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return new Needle(i.name(), k, han ? null : Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}])"));
      })).toList();

  /** The known issuer named in s (by name or alias), or null. */
  static String known(String s) {
    String n = normalize(s);
    for (Needle k : NEEDLES) {
      if (n.contains(k.folded()) && (k.word() == null || k.word().matcher(n).find())) return k.issuer();
    }
    return null;
  }

  /**
   * The values an {@code issuer:} filter matches for this issuer: its normalised name, its
   * aliases when it is a known issuer, and for a free-text issuer such as SOURCES.tsv's
   * "国务院 (State Council)" the part before the parenthesis too. Every passage carries them, so
   * they are worked out once per issuer (an indexing run spent a tenth of its time here: issue 20).
   */
  public static Set<String> filterValues(String issuer) {
    if (issuer == null || issuer.isBlank()) return Set.of();
    Set<String> cached = FILTER_VALUES.get(issuer);
    if (cached != null) return cached;
    Set<String> values = java.util.Collections.unmodifiableSet(computeFilterValues(issuer));
    if (FILTER_VALUES.size() < MAX_CACHED) FILTER_VALUES.put(issuer, values);
    return values;
  }

  /** The known issuers (tests). */
  static List<Issuer> knownIssuers() {
    return KNOWN;
  }

  /** Issuers seen, with their filter values; a corpus has a few hundred at most, the bound is for a pathological one. */
  private static final java.util.Map<String, Set<String>> FILTER_VALUES = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_CACHED = 10_000;

  /** Every known issuer's name and aliases, normalised once. */
  private record Folded(Issuer issuer, String name, List<String> aliases) {}

  private static final List<Folded> FOLDED = KNOWN.stream()
      .map(i -> new Folded(i, normalize(i.name()), i.aliases().stream().map(Issuers::normalize).toList())).toList();

  private static Set<String> computeFilterValues(String issuer) {
    Set<String> out = new LinkedHashSet<>();
    out.add(normalize(issuer));
    int paren = issuer.indexOf('(');
    if (paren > 0) out.add(normalize(issuer.substring(0, paren)));
    List<String> parts = new ArrayList<>(List.of(issuer));
    if (paren > 0) parts.add(issuer.substring(0, paren));
    List<String> normalized = parts.stream().map(Issuers::normalize).toList();
    List<String> knownAs = parts.stream().map(Issuers::known).toList();
    for (Folded f : FOLDED) {
      for (int k = 0; k < parts.size(); k++) {
        String p = parts.get(k), np = normalized.get(k);
        if (np.equals(f.name()) || f.aliases().contains(np)
            || f.issuer().name().equals(knownAs.get(k)) && p.strip().length() <= f.issuer().name().length() + 40) {
          out.add(f.name());
          out.addAll(f.aliases());
        }
      }
    }
    return out;
  }

  /** How a filter value and an indexed issuer are compared: NFKC, lower case, one space, no outer punctuation. */
  public static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
    n = SPACES.matcher(n).replaceAll(" ");
    return OUTER_PUNCTUATION.matcher(n).replaceAll("").strip();
  }
}
