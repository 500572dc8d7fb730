package org.policysearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Pins tokens and offsets of the exact chain (the one every quoted phrase and every tag goes through). */
class AnalysisTest {
  /** term@start-end for every token (ScriptFoldingTest uses it too). */
  static List<String> tokens(Analyzer a, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(t + "@" + o.startOffset() + "-" + o.endOffset());
      ts.end();
    }
    return out;
  }

  @Test
  void exactChainKeepsStopWordsAndIgnoresPunctuation() throws Exception {
    assertEquals(List.of("secure@0-6", "and@8-11", "controllable@12-24"), tokens(Analyzers.exact(), "Secure, and\ncontrollable"));
  }

  @Test
  void fullWidthFormsFoldForSearchWithOffsetsIntoTheDisplayedText() throws Exception {
    // ＳＥＣＵＲＥ is six full-width letters: the token is "secure", the offsets still cover the original characters
    assertEquals(List.of("secure@0-6", "互@7-8", "互联@7-9", "联@8-9", "联网@8-10", "网@9-10", "+@10-11"),
        tokens(Analyzers.exact(), "ＳＥＣＵＲＥ　互联网＋"));
    // the ligature ﬁ expands to two characters; the offsets stay inside the six original ones
    assertEquals(List.of("finance@0-6"), tokens(Analyzers.exact(), "ﬁnance"));
  }

  @Test
  void hanCharactersPairAcrossSpacesAndPunctuation() throws Exception {
    assertEquals(List.of("章@0-1", "章总@0-3", "总@2-3", "总则@2-4", "则@3-4"), tokens(Analyzers.exact(), "章 总则"));
    assertEquals(List.of("全@0-1", "全可@0-3", "可@2-3"), tokens(Analyzers.exact(), "全，可"));
    assertEquals(List.of("中@0-1", "2025@1-5", "国@5-6"), tokens(Analyzers.exact(), "中2025国"), "a word in between separates");
  }

  @Test
  void chinesePhrasesBecomeConsecutiveBigrams() {
    PhraseQueries pq = new PhraseQueries(Analyzers.exact());
    assertEquals("f:\"安全 全可 可控\"", pq.phrase("f", "安全可控").toString());
    assertEquals("f:\"中国 国制 制造 ? 2025\"", pq.phrase("f", "中国制造2025").toString());
    assertEquals("f:控", pq.phrase("f", "控").toString());
    assertEquals("f:\"互联 联网 ? +\"", pq.phrase("f", "互联网+").toString());
  }

  @Test
  void hanFastPathsAgreeWithTheScriptDefinitionForEveryCodePoint() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean slow = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp);
      if (slow != Scripts.isHan(cp)) throw new AssertionError("isHan disagrees at U+" + Integer.toHexString(cp));
    }
  }

  @Test
  void nfkcFastPathKeepsTextAndOffsets() throws Exception {
    // ideographs and ASCII pass through; the full-width comma and the accent that composes with its base still fold
    assertEquals(List.of("中@0-1", "中国@0-2", "国@1-2", "caf\u00e9@3-8", "x@9-10"), tokens(Analyzers.exact(), "中国，cafe\u0301,x"));
  }
}
