package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.Main;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

class GlossaryCandidatesTest {
  @TempDir Path tmp;

  @Test
  void quotedPhrasesAndCollocationsTheGlossaryLacksAreSuggested() throws Exception {
    Path corpus = tmp.resolve("c");
    Fixtures.text(corpus.resolve("a.txt"), "The plan calls for “digital sovereignty” in cloud services.\n\n"
        + "Officials repeat “digital sovereignty” and “secure and controllable” often. Cloud services again.\n\n"
        + "推进“放管服”改革。深化“放管服”改革。");
    Fixtures.text(corpus.resolve("b.txt"), "Cloud services matter. Cloud services grow. Cloud services everywhere.");
    Path index = tmp.resolve("i");
    Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
    try (SearchService s = new SearchService(index, Glossary.empty())) {
      List<GlossaryCandidates.Candidate> cs = GlossaryCandidates.suggest(s, 10);
      List<String> texts = cs.stream().map(GlossaryCandidates.Candidate::text).toList();
      assertTrue(texts.contains("digital sovereignty"), texts.toString());
      assertTrue(texts.contains("放管服"), texts.toString());
      assertTrue(texts.contains("cloud services"), texts.toString());
      assertTrue(!texts.contains("secure and controllable"), "a glossary variant is not suggested: " + texts);
      GlossaryCandidates.Candidate d = cs.get(texts.indexOf("digital sovereignty"));
      assertEquals("quoted", d.source());
      assertEquals(2, d.count());
      assertEquals("a-txt", d.exampleDoc());
    }
  }
}
