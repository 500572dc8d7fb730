package org.policysearch.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryLoaderTest {
  @Test
  void malformedRowsAreReportedByLineAndTheRestLoads() {
    String tsv = String.join("\n",
        "# comment",
        "id\tenglish\tchinese\tenglish_variants\tchinese_variants\tnote",
        "secure-and-controllable\tsecure and controllable\t安全可控\tsafe and controllable\t\tok",
        "Bad Id\tx\ty",
        "only-two\tcolumns",
        "secure-and-controllable\tduplicate\t重复",
        "empty-labels\t\t",
        "state-owned-enterprises\tstate-owned enterprise(s)\t国有企业\tSOE(s)\t国企改革\t");
    Glossary g = GlossaryLoader.parse(tsv, "g.tsv");
    assertEquals(List.of("secure-and-controllable", "state-owned-enterprises"), g.ids());
    List<String> p = g.problems();
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("g.tsv:4: invalid id 'Bad Id'"), p.get(0));
    assertTrue(p.get(1).startsWith("g.tsv:5: expected 3 to 6 tab-separated columns"), p.get(1));
    assertTrue(p.get(2).startsWith("g.tsv:6: duplicate id"), p.get(2));
    assertTrue(p.get(3).startsWith("g.tsv:7: concept 'empty-labels' has neither"), p.get(3));
  }

  @Test
  void inflectionShorthandExpandsToBothForms() {
    Glossary g = GlossaryLoader.parse("id\tenglish\tchinese\tenglish_variants\tchinese_variants\n"
        + "soe\tstate-owned enterprise(s)\t国有企业\tSOE(s)\t\n", "g.tsv");
    List<String> v = g.get("soe").variants().stream().map(Concept.Variant::text).toList();
    assertEquals(List.of("state-owned enterprise", "state-owned enterprises", "SOE", "SOEs", "国有企业"), v);
    assertEquals("state-owned enterprise", g.get("soe").english());
  }

  @Test
  void theCommittedGlossaryLoadsWithoutProblemsAndHasEnoughConcepts() throws Exception {
    Glossary g = GlossaryLoader.load(Path.of("corpus/glossary.tsv"));
    assertTrue(g.problems().isEmpty(), g.problems().toString());
    assertTrue(g.concepts().size() >= 40, "concepts: " + g.concepts().size());
  }
}
