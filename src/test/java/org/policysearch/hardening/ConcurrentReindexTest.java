package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.Indexer;
import org.policysearch.search.Api;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/**
 * Searches running while the index is rebuilt again and again never fail, and each sees one
 * whole version of an edited document: all of its passages from version A or all from version B.
 */
class ConcurrentReindexTest {
  @TempDir Path tmp;

  static String version(String v, int paragraphs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      b.append("Paragraph ").append(i).append(" of the edited notice, wording version").append(v).append(" number").append(i).append(".\n\n");
    }
    return b.toString();
  }

  @Test
  void searchesDuringReindexSeeTheOldOrTheNewDocumentNeverAMix() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path edited = corpus.resolve("edited.txt");
    Fixtures.text(edited, version("alpha", 12));
    Fixtures.text(corpus.resolve("steady.txt"), "A steady document that never changes, about versionalpha and versionbeta wording.\n");
    Path index = tmp.resolve("index");
    try (Extractor ex = new Extractor(Extractor.Limits.IN_PROCESS); SearchService search = new SearchService(index, Glossary.empty())) {
      Indexer indexer = new Indexer(index, ex, Glossary.empty(), 2);
      indexer.run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      search.refresh();

      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      AtomicInteger searches = new AtomicInteger(), sawA = new AtomicInteger(), sawB = new AtomicInteger();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          while (!stop.get()) {
            try {
              Api.SearchResponse r = search.search(new SearchRequest("versionalpha OR versionbeta", 100, 0, null, "edited-txt", null, false));
              int a = 0, b = 0;
              for (Api.Hit h : r.hits()) {
                if (h.text().contains("versionalpha")) a++;
                if (h.text().contains("versionbeta")) b++;
              }
              if (a > 0 && b > 0) problems.add("mixed versions: " + a + " A and " + b + " B passages");
              if (a + b != 12 || r.total() != 12) problems.add("expected 12 passages of one version, saw " + a + " A, " + b + " B, total " + r.total());
              (a > 0 ? sawA : sawB).incrementAndGet();
              searches.incrementAndGet();
            } catch (Exception | Error e) {
              problems.add("search failed: " + e);
            }
          }
        }, "searcher-" + t);
        th.start();
        readers.add(th);
      }
      int rounds = 8;
      for (int i = 0; i < rounds; i++) {
        Fixtures.text(edited, version(i % 2 == 0 ? "beta" : "alpha", 12));
        indexer.run(new CorpusScanner(corpus, Set.of()).scan(), i == rounds - 1, IndexListener.NONE); // the last one a full rebuild
        search.refresh();
        Thread.sleep(50);
      }
      stop.set(true);
      for (Thread th : readers) th.join(30_000);
      System.out.printf("concurrent searches: %d during %d re-index runs (%d saw A, %d saw B), problems %d%n", searches.get(), rounds,
          sawA.get(), sawB.get(), problems.size());
      assertTrue(problems.isEmpty(), problems.stream().limit(5).toList().toString());
      assertTrue(sawA.get() > 0 && sawB.get() > 0, "both versions were seen while searching");
      assertEquals(12, search.search(new SearchRequest("versionalpha", 100, 0, null, "edited-txt", null, false)).total());
    }
  }
}
