package org.policysearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.policysearch.analysis.HanBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The chains built from the {@link AnalysisChains} table emit exactly what the hand-wired chains
 * they replaced emitted: term, position, position length, type and offsets of every token.
 */
class AnalysisChainsTest {
  private static final List<String> TEXTS = List.of(
      "Secure and controllable products; the U.S. Chamber's report on China's \"indigenous innovation\".",
      "国务院关于印发《中国制造2025》的通知 工业互联网络 互联网+ 安全可控 数据安全可控制在合理范围内。",
      "ＦＵＬＬ－ＷＩＤＴＨ ｆｏｒｍｓ ① ﬁnance and 中国制造 ２０２５, Section 301 (2018)",
      "Mixed 中英 text: MIC 2025 / 自主知识产权 — state-owned enterprises' IPR", "", "控");

  @Test
  void definitionChainsEqualTheHandWiredChains() throws IOException {
    for (String t : TEXTS) {
      assertEquals(tokens(reference("en"), t), tokens(Analyzers.englishStemmed(), t), "english: " + t);
      assertEquals(tokens(reference("exact"), t), tokens(Analyzers.exact(), t), "exact: " + t);
      assertEquals(tokens(reference("zh"), t), tokens(Analyzers.chineseWords(), t), "chinese: " + t);
    }
  }

  @Test
  void everyStepHasAnSpiName() {
    for (AnalysisChains.Chain c : AnalysisChains.ALL) {
      c.charFilters().forEach(AnalysisChains.Step::spiName);
      c.tokenizer().spiName();
      c.filters().forEach(AnalysisChains.Step::spiName);
    }
    assertEquals("policysearchWord", AnalysisChains.EXACT.tokenizer().spiName());
    assertEquals("policysearchNfkc", AnalysisChains.EXACT.charFilters().get(0).spiName());
    // the SPI loader finds our factories by name (this is how Solr's schema finds them)
    assertEquals(WordTokenizerFactory.class, org.apache.lucene.analysis.TokenizerFactory.lookupClass("policysearchWord"));
    assertEquals(NfkcCharFilterFactory.class, org.apache.lucene.analysis.CharFilterFactory.lookupClass("policysearchNfkc"));
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    return tokens(a.tokenStream("f", text));
  }

  /** Every token as term/increment/length/type/offsets, then the end offset; closes the stream. */
  static List<String> tokens(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + len.getPositionLength() + "/" + type.type() + "/"
            + off.startOffset() + "-" + off.endOffset());
      }
      ts.end();
      out.add("end " + off.endOffset());
    }
    return out;
  }

  /** The chains as Analyzers wired them by hand before the definition table. */
  private static Analyzer reference(String which) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t;
        TokenStream s;
        switch (which) {
          case "en" -> {
            t = new StandardTokenizer();
            s = new PorterStemFilter(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(new DropHanFilter(t))),
                EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
          }
          case "exact" -> {
            t = new WordTokenizer();
            s = new HanBigramFilter(new LowerCaseFilter(t));
          }
          default -> {
            t = new HMMChineseTokenizer();
            s = new DropNonWordsFilter(new LowerCaseFilter(t));
          }
        }
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new NfkcCharFilter(reader);
      }
    };
  }
}
