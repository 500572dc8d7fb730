package org.policysearch.passages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.extraction.Block;

class PassageSplitterTest {
  private final PassageSplitter splitter = new PassageSplitter();

  private List<String> texts(String lines) {
    return splitter.split("d", List.of(new Block(lines, 0, Block.Kind.LINES)), "en").stream().map(Passage::text).toList();
  }

  @Test
  void lineBreakBetweenChineseCharactersIsRemoved() {
    assertEquals("国务院关于印发《中国制造2025》的通知", PassageSplitter.joinLines(List.of("国务院关于印发", "《中国制造", "2025》的通知")));
  }

  @Test
  void lineBreakBetweenLatinWordsBecomesASpaceAndHyphensAreKept() {
    assertEquals("secure and controllable", PassageSplitter.joinLines(List.of("secure and ", "controllable")));
    assertEquals("Anti-Monopoly Law", PassageSplitter.joinLines(List.of("Anti-", "Monopoly Law")));
  }

  @Test
  void blankLineAfterEveryWrappedLineDoesNotSplitParagraphs() {
    String report = String.join("\n",
        "Message from the Chamber",
        "",
        "The Chamber is pleased to share this report that reflects on the implementation of the plan ",
        "",
        "nearly two years after its issuance and on what has changed since it was first published.  ",
        "",
        "The Chamber has been at the forefront of tracking and analyzing the state-led economic ",
        "",
        "development policies for more than a decade, as its earlier reports on the subject show.  ");
    List<String> ps = texts(report);
    assertEquals(3, ps.size(), ps.toString());
    assertEquals("Message from the Chamber", ps.get(0));
    assertTrue(ps.get(1).startsWith("The Chamber is pleased") && ps.get(1).endsWith("first published."), ps.get(1));
    assertTrue(ps.get(2).contains("economic development policies"), ps.get(2));
  }

  @Test
  void chineseLawArticlesAreOnePassageEach() {
    String law = String.join("\n\n", "第一章 总则", "第一条 为了保障网络安全，制定本法。", "第二条 国家坚持网络安全与信息化发展并重。",
        "国家支持企业参与网络安全国家标准的制定。", "第三条 本法自公布之日起施行。");
    List<String> ps = splitter.split("law", List.of(new Block(law, 0, Block.Kind.LINES)), "zh").stream().map(Passage::text).toList();
    assertEquals(List.of("第一章 总则", "第一条 为了保障网络安全，制定本法。", "第二条 国家坚持网络安全与信息化发展并重。\n国家支持企业参与网络安全国家标准的制定。",
        "第三条 本法自公布之日起施行。"), ps);
  }

  @Test
  void repeatedPassagesGetDeterministicAnchorSuffixes() {
    List<Passage> ps = splitter.split("d", List.of(
        new Block("Goals for 2025:", 0, Block.Kind.HEADING), new Block("First sector text.", 0, Block.Kind.PARAGRAPH),
        new Block("Goals for 2025:", 0, Block.Kind.HEADING), new Block("Second sector text.", 0, Block.Kind.PARAGRAPH)), "en");
    assertEquals(ps.get(0).anchor() + "-2", ps.get(2).anchor());
    assertNotEquals(ps.get(1).anchor(), ps.get(3).anchor());
  }

  @Test
  void anchorsSurviveInsertedPassagesAndLineBreakChanges() {
    List<Passage> before = splitter.split("d", List.of(new Block("Alpha paragraph.\n\nBeta paragraph about chips.", 0, Block.Kind.LINES)), "en");
    List<Passage> after = splitter.split("d", List.of(new Block("New first paragraph.\n\nAlpha paragraph.\n\nBeta paragraph\nabout chips.", 0, Block.Kind.LINES)), "en");
    assertEquals(before.get(1).anchor(), after.get(2).anchor());
    assertEquals(before.get(0).anchor(), after.get(1).anchor());
  }

  @Test
  void passagesKnowTheirPageAndOffsets() {
    List<Passage> ps = splitter.split("d", List.of(new Block("First page text.", 1, Block.Kind.LINES),
        new Block("Second page text.", 2, Block.Kind.LINES)), "en");
    assertEquals(1, ps.get(0).page());
    assertEquals(2, ps.get(1).page());
    assertEquals(ps.get(0).end() + 2, ps.get(1).start());
  }

  @Test
  void longParagraphsAreSplitAtSentenceEnds() {
    String sentence = "This sentence about industrial policy is repeated to make a very long paragraph. ";
    List<String> parts = PassageSplitter.splitLong(sentence.repeat(40));
    assertTrue(parts.size() >= 2);
    for (String p : parts) {
      assertTrue(p.length() <= PassageSplitter.MAX_CHARS);
      assertTrue(p.strip().endsWith("."), p);
    }
    assertEquals(sentence.repeat(40), String.join("", parts));
  }

  @Test
  void passageLanguageFromScripts() {
    assertEquals("zh", Languages.of("国家支持企业参与网络安全国家标准的制定。", "en"));
    assertEquals("en", Languages.of("The Chamber is pleased to share this report.", "zh"));
    assertEquals("mixed", Languages.of("关于应用安全可控信息技术 [Guiding Opinions on Secure IT]", "en"));
  }

  @Test
  void pdfFootnotesAndRepeatedLinkTargetsArePassagesOfTheirOwn() {
    // the layout Tika gives for page 6 of the U.S. Chamber report: body, notes 4 and 5 (their numbers
    // on lines of their own), the link targets repeated, then the next section's heading
    String page = String.join("\n",
        "MIC 2025 and related Chinese state-led economic development policies should be top of the ",
        "agenda in future government-to-government economic and commercial discussions with China. ",
        "     ",
        "                                                 ",
        "4",
        " “U.S. Secretary of Commerce Penny Pritzker Delivers Major Policy Address on Semiconductors at Center for ",
        "Strategic and ",
        "International Studies” (CSIS, November 2, 2016) ",
        "https://www.commerce.gov/news/secretary-speeches/2016/11/us-",
        "secretary-commerce-penny-pritzker-delivers-major-policy-address  ",
        "5",
        " OECD FDI Regulatory Index, http://www.oecd.org/investment/fdiindex.htm  ",
        "https://www.commerce.gov/news/secretary-speeches/2016/11/us-secretary-commerce-penny-pritzker-delivers-",
        "major-policy-address",
        "http://www.oecd.org/investment/fdiindex.htm",
        " I. Overview of Made in China 2025 ",
        "The Made in China 2025 Plan (MIC 2025) is a high-level industrial policy aimed at transforming ",
        "China into a global manufacturing leader.  Promoting indigenous innovation, domestic brands, ",
        "secure and controllable standards, and localization of production and data appear to be central ",
        "components of the plan.   ");
    List<String> ps = texts(page);
    assertEquals("MIC 2025 and related Chinese state-led economic development policies should be top of the agenda in future "
        + "government-to-government economic and commercial discussions with China.", ps.get(0));
    assertTrue(ps.get(1).startsWith("4 “U.S. Secretary of Commerce") && ps.get(1).endsWith("pritzker-delivers-major-policy-address"), ps.get(1));
    assertEquals("5 OECD FDI Regulatory Index, http://www.oecd.org/investment/fdiindex.htm", ps.get(2));
    assertTrue(ps.get(3).startsWith("https://www.commerce.gov/") && ps.get(3).endsWith("fdiindex.htm") && !ps.get(3).contains("Overview"), ps.get(3));
    assertTrue(ps.get(4).startsWith("I. Overview of Made in China 2025"), ps.toString());
    assertTrue(ps.stream().noneMatch(p -> p.contains("Overview") && p.contains("OECD")), ps.toString());
  }

  @Test
  void aLoneNumberWithoutANoteAfterItIsNoFootnote() {
    // a page number between two halves of a sentence is not a note
    List<String> ps = texts("The plan sets targets for domestic content of core components and\n12\nmaterials by 2025.");
    assertEquals(1, ps.size(), ps.toString());
  }

  /** The line-end checks look only where a match can be, and answer as the regular expressions searched over the whole line. */
  @Test
  void lineEndChecksAnswerAsTheRegularExpressions() {
    java.util.Random r = new java.util.Random(20);
    String[] pieces = {"and", "And", "OR", "the", "band", "中and", "_or", " ", "\t", ".", "。", "!", "？", ";", "：", ")", "）", "\"", "”", "’", "》",
        "」", "』", "]", "\n", "\u0085", "\u2028", "word", "词", "x", "1", "www.gov.cn", "of", "their", "its"};
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(12);
      for (int j = 0; j < n; j++) b.append(pieces[r.nextInt(pieces.length)]);
      String line = b.toString();
      assertEquals(PassageSplitter.SENTENCE_END.matcher(line).find(), PassageSplitter.endsSentence(line), line);
      assertEquals(PassageSplitter.FUNCTION_WORD_END.matcher(line).find(), PassageSplitter.endsWithFunctionWord(line), line);
    }
  }
}
