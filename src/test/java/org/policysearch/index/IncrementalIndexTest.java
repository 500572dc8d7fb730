package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/** Re-indexing touches only what changed: content hashes decide, deleted files disappear, --full rebuilds. */
class IncrementalIndexTest {
  @TempDir Path tmp;

  private IndexReport index(Path corpus, Path idx, boolean full, Extractor ex) throws Exception {
    return new Indexer(idx, ex, Glossary.empty(), 2).run(new CorpusScanner(corpus, Set.of()).scan(), full, IndexListener.NONE);
  }

  @Test
  void markdownFrontMatterGivesTitleAndDateAndIsNotText() throws Exception {
    Path corpus = tmp.resolve("fm"), idx = tmp.resolve("fm-index");
    Fixtures.text(corpus.resolve("release.md"), "---\ntitle: \"Fact Sheet: Chips and Science\"\ndate: 2022-08-09T10:00:00-04:00\n"
        + "source_url: https://example.invalid/x\n---\n\nThe President signed the law on semiconductors.\n");
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      index(corpus, idx, false, ex);
    }
    try (SearchService s = new SearchService(idx, Glossary.empty())) {
      var doc = s.documents().get(0);
      assertEquals("Fact Sheet: Chips and Science", doc.title());
      assertEquals("2022-08-09", doc.date());
      assertEquals(0, s.search(SearchRequest.of("source_url")).total(), "front matter is not indexed as text");
      assertEquals(1, s.search(SearchRequest.of("semiconductors")).total());
    }
  }

  @Test
  void onlyChangedFilesAreReextractedAndDeletedFilesDisappear() throws Exception {
    Path corpus = tmp.resolve("corpus"), idx = tmp.resolve("index");
    Fixtures.text(corpus.resolve("a.txt"), "Alpha: semiconductors and robots.");
    Fixtures.text(corpus.resolve("b.md"), "# Beta\n\nIndigenous innovation in 自主创新.");
    Fixtures.text(corpus.resolve("sub/c.html"), "<html><body><p>Gamma: 安全可控 policies.</p></body></html>");
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      IndexReport first = index(corpus, idx, false, ex);
      assertEquals(3, first.indexed());
      assertEquals(3, ex.extractions());

      IndexReport again = index(corpus, idx, false, ex);
      assertEquals(0, again.indexed());
      assertEquals(3, again.unchanged());
      assertEquals(3, ex.extractions(), "unchanged files are not extracted again");

      Files.writeString(corpus.resolve("a.txt"), "Alpha, edited: overcapacity now.");
      IndexReport touched = index(corpus, idx, false, ex);
      assertEquals(1, touched.indexed());
      assertEquals(2, touched.unchanged());
      assertEquals(4, ex.extractions(), "only the touched file is extracted");

      Files.delete(corpus.resolve("b.md"));
      IndexReport deleted = index(corpus, idx, false, ex);
      assertEquals(1, deleted.deleted());
      assertEquals(2, deleted.documents());

      try (SearchService s = new SearchService(idx, Glossary.empty())) {
        assertEquals(0, s.search(SearchRequest.of("semiconductors")).total(), "old content of a.txt is gone");
        assertEquals(1, s.search(SearchRequest.of("overcapacity")).total());
        assertEquals(0, s.search(SearchRequest.of("\"indigenous innovation\"")).total(), "deleted file is gone");
        assertEquals(1, s.search(SearchRequest.of("\"安全可控\"")).total());
      }

      IndexReport full = index(corpus, idx, true, ex);
      assertEquals(2, full.indexed());
      assertTrue(full.passages() >= 2);
    }
  }

  /** Issue 20: a run told which paths changed (the watcher's) looks at them alone and still deletes what went. */
  @Test
  void aRunOverTheChangedPathsLooksAtThemAlone() throws Exception {
    Path corpus = tmp.resolve("only"), idx = tmp.resolve("only-index");
    Fixtures.text(corpus.resolve("a.txt"), "Alpha: semiconductors and robots.");
    Fixtures.text(corpus.resolve("b.txt"), "Beta: indigenous innovation.");
    Fixtures.text(corpus.resolve("sub/c.txt"), "Gamma: secure and controllable.");
    Fixtures.text(corpus.resolve("sub/d.txt"), "Delta: overcapacity.");
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      assertEquals(4, index(corpus, idx, false, ex).indexed());
      Files.writeString(corpus.resolve("a.txt"), "Alpha, edited: walrus subsidy.");
      Files.writeString(corpus.resolve("b.txt"), "Beta, edited but not reported: narwhal.");
      Fixtures.text(corpus.resolve("e.txt"), "Epsilon: a new file on quillwort.");
      Files.delete(corpus.resolve("sub/c.txt"));
      Files.delete(corpus.resolve("sub/d.txt"));
      Files.delete(corpus.resolve("sub"));
      IndexReport r = new Indexer(idx, ex, Glossary.empty(), 2).run(new CorpusScanner(corpus, Set.of()).scan(), false,
          IndexListener.NONE, Set.of("a.txt", "e.txt", "sub"));
      assertEquals(2, r.indexed(), "a.txt and e.txt");
      assertEquals(2, r.deleted(), "the two files of the deleted folder");
      assertEquals(0, r.unchanged(), "b.txt was not looked at");
      assertEquals(6, ex.extractions());
    }
    try (SearchService s = new SearchService(idx, Glossary.empty())) {
      assertEquals(1, s.search(SearchRequest.of("walrus")).total());
      assertEquals(1, s.search(SearchRequest.of("quillwort")).total());
      assertEquals(0, s.search(SearchRequest.of("overcapacity")).total());
      assertEquals(0, s.search(SearchRequest.of("narwhal")).total(), "not reported, not looked at");
      assertEquals(3, s.documents().size());
    }
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      IndexReport all = index(corpus, idx, false, ex);
      assertEquals(1, all.indexed(), "a full incremental run finds b.txt");
      assertEquals(2, all.unchanged());
    }
  }
}
