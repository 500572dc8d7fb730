package org.policysearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * The indexing shortcuts of issue 7 change no token: the streaming {@link HanBigramFilter} against
 * a straightforward whole-passage model of the same rule, {@link AnalyzedText}'s replay against a
 * fresh analysis, and {@link DropHanFilter}'s gaps. Seeded random texts mix Han, Latin, digits,
 * full-width forms, the plus sign, spaces, line breaks and punctuation.
 */
class TokenStreamsTest {
  private static final String ALPHABET = "中国制造安全可控自主知识产权的 \n,，。、;abcXYZ019 ＡＢ２０+＋《》-'ﬁ①";

  private static List<String> randomTexts(int n, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(List.of("", "控", "a", "中 国", "中\n国", "中2025国", "互联网+", "安全可控安全可控"));
    while (out.size() < n) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(40);
      for (int i = 0; i < len; i++) b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      out.add(b.toString());
    }
    return out;
  }

  private static List<String> tokens(TokenStream ts) throws IOException {
    return AnalysisChainsTest.tokens(ts);
  }

  /** The bigram rule on a whole token list: Han unigrams, each followed by the bigram with the next Han token at increment 1. */
  private static List<String> bigramModel(List<String> in) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < in.size() - 1; i++) {
      String[] t = in.get(i).split("/");
      boolean han = t[3].equals("<IDEOGRAPHIC>");
      if (!han) {
        out.add(in.get(i));
        continue;
      }
      out.add(t[0] + "/" + t[1] + "/1/" + HanBigramFilter.SINGLE + "/" + t[4]);
      if (i + 1 < in.size() - 1) {
        String[] n = in.get(i + 1).split("/");
        if (n[3].equals("<IDEOGRAPHIC>") && n[1].equals("1")) {
          out.add(t[0] + n[0] + "/0/2/" + HanBigramFilter.DOUBLE + "/" + t[4].split("-")[0] + "-" + n[4].split("-")[1]);
        }
      }
    }
    out.add(in.get(in.size() - 1));
    return out;
  }

  private static Analyzer unpaired() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new WordTokenizer();
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
      }

      @Override
      protected java.io.Reader initReader(String field, java.io.Reader reader) {
        return new NfkcCharFilter(reader);
      }
    };
  }

  @Test
  void streamingBigramsEqualTheWholePassageModel() throws IOException {
    Analyzer exact = Analyzers.exact(), plain = unpaired();
    for (String text : randomTexts(2000, 11)) {
      assertEquals(bigramModel(tokens(plain.tokenStream("f", text))), tokens(exact.tokenStream("f", text)), text);
    }
  }

  @Test
  void replayedTokensEqualAFreshAnalysis() throws IOException {
    List<Analyzer> chains = List.of(Analyzers.exact(), Analyzers.englishStemmed(), Analyzers.chineseWords());
    for (String text : randomTexts(500, 12)) {
      for (Analyzer a : chains) {
        AnalyzedText cached = AnalyzedText.of(a, "f", text);
        List<String> fresh = tokens(a.tokenStream("f", text));
        assertEquals(fresh, tokens(cached.stream()), text);
        assertEquals(fresh, tokens(cached.stream()), "a second replay: " + text);
        assertEquals(fresh.size() - 1, cached.size());
      }
    }
  }

  @Test
  void englishFieldDropsHanCharactersButKeepsTheirPositions() throws IOException {
    List<String> t = tokens(Analyzers.englishStemmed().tokenStream("f", "Made in 中国 China"));
    assertEquals(List.of("made/1/1/<ALPHANUM>/0-4", "china/4/1/<ALPHANUM>/11-16", "end 16"), t,
        "in is a stop word, 中 and 国 are gaps: china stays four positions after made");
    assertTrue(tokens(Analyzers.englishStemmed().tokenStream("f", "安全可控")).equals(List.of("end 4")));
  }

  @Test
  void chineseWordsFieldDropsPunctuationButKeepsItsPosition() throws IOException {
    List<String> t = tokens(Analyzers.chineseWords().tokenStream("f", "中国，制造。"));
    assertEquals(List.of("中国/1/1/word/0-2", "制造/2/1/word/3-5", "end 6"), t);
  }

  @Test
  void chineseWordsFieldSeesAsciiPunctuationInItsFullWidthForm() throws IOException {
    Analyzer zh = Analyzers.chineseWords();
    for (String text : randomTexts(1000, 13)) {
      StringBuilder full = new StringBuilder(text);
      for (int i = 0; i < full.length(); i++) if (NfkcCharFilter.isAsciiPunctuation(full.charAt(i))) full.setCharAt(i, (char) (full.charAt(i) + 0xFEE0));
      assertEquals(tokens(zh.tokenStream("f", full.toString())), tokens(zh.tokenStream("f", text)), text);
    }
    // what smartcn is given: the full-width comma whichever comma the text has; offsets unchanged
    for (String comma : List.of(",", "，")) {
      assertEquals(List.of("法律/1/1/word/0-2", "设施/2/1/word/3-5", "end 5"), tokens(zh.tokenStream("f", "法律" + comma + "设施")));
    }
  }

  @Test
  void fullWidthPunctuationIsOneCharacterForOne() throws IOException {
    String text = "Ａ股,(一)；ﬁ 2025: x+y";
    try (NfkcCharFilter f = new NfkcCharFilter(new java.io.StringReader(text), true)) {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8];
      for (int r; (r = f.read(buf, 0, buf.length)) != -1; ) out.append(buf, 0, r);
      assertEquals("A股，（一）；fi 2025： x＋y", out.toString());
      assertEquals(2, f.correctOffset(2), "the comma after Ａ股 is still at 2 in the source");
      assertEquals(text.length(), f.correctOffset(out.length()), "the ligature's two characters map back to its one");
    }
    try (NfkcCharFilter f = new NfkcCharFilter(new java.io.StringReader("a,b"))) {
      char[] buf = new char[8];
      assertEquals("a,b", new String(buf, 0, f.read(buf, 0, 8)), "off by default: the other chains keep ASCII");
    }
  }
}
