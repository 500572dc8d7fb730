package org.policysearch.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.Indexer;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.testing.Fixtures;

/** Editing the glossary re-tags every passage from the stored extraction: no file is extracted again. */
class GlossaryEditTest {
  @TempDir Path tmp;

  @Test
  void changedVariantRetagsWithoutReextracting() throws Exception {
    Path corpus = tmp.resolve("c"), idx = tmp.resolve("i");
    Fixtures.text(corpus.resolve("a.txt"), "Firms must buy secure and controllable products.\n\n国家推进安全可控的信息技术。");
    Fixtures.text(corpus.resolve("b.txt"), "Banks need safe and reliable systems.");
    String header = "id\tenglish\tchinese\tenglish_variants\tchinese_variants\n";
    Glossary v1 = GlossaryLoader.parse(header + "sc\tsecure and controllable\t安全可控\t\t\n", "v1");
    Glossary v2 = GlossaryLoader.parse(header + "sc\tsecure and controllable\t安全可控\tsafe and reliable\t\n", "v2");
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      new Indexer(idx, ex, v1, 1).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      assertEquals(2, ex.extractions());
      try (SearchService s = new SearchService(idx, Glossary.empty())) {
        assertEquals(2, s.search(new SearchRequest("", 20, 0, null, null, "sc", false)).total());
      }
      IndexReport r = new Indexer(idx, ex, v2, 1).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      assertEquals(2, r.retagged());
      assertEquals(2, ex.extractions(), "no document extracted again");
      try (SearchService s = new SearchService(idx, Glossary.empty())) {
        assertEquals(3, s.search(new SearchRequest("", 20, 0, null, null, "sc", false)).total(), "the new variant tags b.txt");
      }
    }
  }
}
