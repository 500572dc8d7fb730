package org.policysearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.testing.TraditionalText;

/** Traditional Chinese folds to Simplified, one character for one, in every analysis chain (issue 15). */
class ScriptFoldingTest {
  @TempDir Path tmp;

  @Test
  void handTypedTraditionalFoldsToTheHandTypedSimplified() {
    for (int i = 0; i < TraditionalText.TRADITIONAL.size(); i++) {
      String t = TraditionalText.TRADITIONAL.get(i), s = TraditionalText.SIMPLIFIED.get(i);
      assertEquals(s.length(), t.length(), "line " + i + " of the fixture is aligned");
      assertEquals(s, ScriptFolding.fold(t), "line " + i);
      assertEquals(s, ScriptFolding.fold(s), "Simplified text does not change: line " + i);
    }
  }

  @Test
  void theAmbiguousCharactersFoldTheWayTheReadmeSays() {
    assertEquals('干', ScriptFolding.fold('乾'));
    assertEquals('后', ScriptFolding.fold('後'));
    assertEquals('着', ScriptFolding.fold('著'));
    assertEquals('发', ScriptFolding.fold('髮'));
    assertEquals('发', ScriptFolding.fold('發'));
    assertEquals('里', ScriptFolding.fold('裡'));
    assertEquals('台', ScriptFolding.fold('臺'));
    assertEquals('a', ScriptFolding.fold('a'));
    assertTrue(ScriptFolding.size() > 2500, "ICU's table has " + ScriptFolding.size() + " characters");
  }

  @Test
  void theBuildsTableIsIcusTable() throws Exception {
    Path file = tmp.resolve("han-fold.txt");
    ScriptFolding.main(new String[] {file.toString()});
    StringWriter loaded = new StringWriter();
    ScriptFolding.writeTable(loaded);
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), loaded.toString());
  }

  @Test
  void everyChainSeesTheSameTokensAtTheSameOffsetsInEitherScript() throws Exception {
    for (Analyzer a : List.of(Analyzers.exact(), Analyzers.chineseWords())) {
      for (int i = 0; i < TraditionalText.TRADITIONAL.size(); i++) {
        String t = TraditionalText.TRADITIONAL.get(i), s = TraditionalText.SIMPLIFIED.get(i);
        List<String> tt = AnalysisTest.tokens(a, t), st = AnalysisTest.tokens(a, s);
        assertEquals(st, tt, "line " + i);
        assertTrue(tt.size() >= 3, tt.toString());
      }
    }
    // the offsets point at the original characters
    String t = TraditionalText.TRADITIONAL.get(0);
    List<String> words = AnalysisTest.tokens(Analyzers.chineseWords(), t);
    assertTrue(words.contains("数据@7-9"), words.toString());
    assertEquals("數據", t.substring(7, 9));
  }

  @Test
  void glossaryVariantsMatchTextInTheOtherScript() {
    org.policysearch.terms.Glossary g = org.policysearch.terms.GlossaryLoader.parse(
        "id\tenglish\tchinese\tenglish_variants\tchinese_variants\tnote\n"
            + "data-security\tdata security\t數據安全\t\t\t\n" // typed in Traditional
            + "network-security\tnetwork security\t网络安全\t\t\t\n", // typed in Simplified
        "test glossary");
    org.policysearch.terms.Tagger tagger = new org.policysearch.terms.Tagger(g, Analyzers.exact());
    String text = "保障数据安全和網絡安全。";
    List<String> got = new ArrayList<>();
    for (var m : tagger.tag(text)) got.add(m.concept() + " " + text.substring(m.start(), m.end()));
    assertEquals(List.of("data-security 数据安全", "network-security 網絡安全"), got);
  }
}
