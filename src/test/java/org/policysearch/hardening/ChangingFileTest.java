package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.search.Api;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;

/**
 * A corpus file rewritten in place (truncated, then written) again and again while runs index it:
 * each run indexes one whole version of it, the version its recorded hash names, or reports it
 * (as changing, or as empty when it was caught truncated) and keeps the last good version; never a
 * torn or mixed read.
 */
class ChangingFileTest {
  @TempDir Path tmp;

  @Test
  void aFileRewrittenWhileItIsReadIsIndexedAsOneWholeVersionOrLeftForTheNextRun() throws Exception {
    String a = version("alpha", 6000), b = version("beta", 4000);
    int passagesA = cleanPassages(a), passagesB = cleanPassages(b);
    Path corpus = DamagedIndexTest.generatedCorpus(tmp.resolve("corpus"), 3);
    Path moving = corpus.resolve("moving.txt");
    Files.writeString(moving, a);
    Path index = tmp.resolve("index");

    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; !stop.get(); i++) {
          Files.writeString(moving, i % 2 == 0 ? b : a); // in place: a reader can see a truncated or partly written file
          Thread.sleep(30);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "rewrites-moving.txt");
    writer.start();
    List<String> outcomes = new ArrayList<>();
    try {
      for (int run = 0; run < 6; run++) {
        DamagedIndexTest.Cli r = DamagedIndexTest.cli("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString());
        // caught mid-rewrite: reported as changing (read again, still changing) or as empty (truncated at that moment)
        String failed = r.out().lines().filter(l -> l.contains("FAILED moving.txt: ")).findFirst().orElse(null);
        assertEquals(failed != null ? ExitCodes.INDEXED_WITH_FAILURES : ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(failed == null || failed.contains("(CHANGING)") || failed.contains("(EMPTY)"), failed);
        outcomes.add(failed == null ? "indexed" : failed.contains("(CHANGING)") ? "changing" : "empty");
        assertOneWholeVersion(index, passagesA, passagesB, false);
      }
    } finally {
      stop.set(true);
      writer.join();
    }
    System.out.println("runs while moving.txt was rewritten every 30 ms: " + outcomes);
    Files.writeString(moving, a);
    assertEquals(ExitCodes.OK, DamagedIndexTest.cli("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString()).code());
    assertOneWholeVersion(index, passagesA, passagesB, true);
  }

  /** The document holds all of version A's passages and none of B's, or the reverse (or is absent, before a first good read). */
  private static void assertOneWholeVersion(Path index, int passagesA, int passagesB, boolean mustBeA) throws Exception {
    try (SearchService s = new SearchService(index, Glossary.empty())) {
      Api.Doc d = s.documents().stream().filter(x -> "moving.txt".equals(x.source())).findFirst().orElse(null);
      if (d == null) {
        assertTrue(!mustBeA, "indexed after the writer stopped");
        return;
      }
      long alpha = s.search(new SearchRequest("alpha", 0, 0, null, d.id(), null, false)).total();
      long beta = s.search(new SearchRequest("beta", 0, 0, null, d.id(), null, false)).total();
      boolean isA = alpha == passagesA && beta == 0 && d.passages() == passagesA;
      boolean isB = beta == passagesB && alpha == 0 && d.passages() == passagesB;
      assertTrue(mustBeA ? isA : isA || isB, "one whole version: " + d.passages() + " passages, alpha " + alpha + " of " + passagesA
          + ", beta " + beta + " of " + passagesB);
    }
  }

  private int cleanPassages(String text) throws Exception {
    Path c = Files.createDirectories(tmp.resolve("clean-" + text.hashCode()));
    Files.writeString(c.resolve("moving.txt"), text);
    Path i = tmp.resolve("clean-index-" + text.hashCode());
    assertEquals(ExitCodes.OK, DamagedIndexTest.cli("index", "--extract-in-process", "--corpus", c.toString(), "--index", i.toString()).code());
    try (SearchService s = new SearchService(i, Glossary.empty())) {
      return s.documents().get(0).passages();
    }
  }

  private static String version(String word, int paragraphs) {
    StringBuilder b = new StringBuilder("The " + word + " edition of the moving file\n\n");
    for (int p = 0; p < paragraphs; p++) {
      b.append("Paragraph ").append(p).append(" of the ").append(word).append(" edition sets tariff line ").append(p * 13)
          .append(" at a rate the ").append(word).append(" schedule gives.\n\n");
    }
    return b.toString();
  }
}
