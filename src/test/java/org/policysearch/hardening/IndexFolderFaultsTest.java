package org.policysearch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/**
 * An index folder that cannot be written: a clear error naming the folder, exit code 3, and the
 * existing index intact. Read-only is tested with POSIX permissions, which do not bind root (CI
 * runs as root): there the test is skipped, and the locked-index case (which binds everyone)
 * still runs. Disk full and a read-only mount (which binds root) are in {@link DiskFaultsTest}.
 */
class IndexFolderFaultsTest {
  @TempDir Path tmp;

  private Path corpusWithIndex() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Fixtures.text(corpus.resolve("a.txt"), "Original text about export controls.\n");
    assertEquals(ExitCodes.OK, Main.run("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString()));
    Fixtures.text(corpus.resolve("b.txt"), "A new file the failed run cannot add.\n");
    return corpus;
  }

  @Test
  void readOnlyIndexFolderIsAClearErrorAndTheIndexIsIntact() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "permissions do not stop root: skipped when running as root");
    Path corpus = corpusWithIndex();
    Path index = tmp.resolve("index");
    Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      String err = runExpectingFailure(corpus, index);
      assertTrue(err.contains(index.toString()), "names the folder: " + err);
    } finally {
      Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertIntact(index);
  }

  @Test
  void indexLockedByAnotherWriterIsAClearErrorAndTheIndexIsIntact() throws Exception {
    Path corpus = corpusWithIndex();
    Path index = tmp.resolve("index");
    try (var dir = FSDirectory.open(index); IndexWriter other = new IndexWriter(dir, new IndexWriterConfig())) {
      String err = runExpectingFailure(corpus, index);
      assertTrue(err.contains(index.toString()) && err.contains("in use"), "names the folder and the reason: " + err);
      other.rollback();
    }
    assertIntact(index);
  }

  @Test
  void indexPathThatIsAFileIsAClearError() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Fixtures.text(corpus.resolve("a.txt"), "Text.\n");
    Path notADir = Files.writeString(tmp.resolve("index-file"), "not a folder");
    String err = runExpectingFailure(corpus, notADir);
    assertTrue(err.contains(notADir.toString()), "names the path: " + err);
  }

  private static String runExpectingFailure(Path corpus, Path index) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString());
    } finally {
      System.setErr(old);
    }
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.CANNOT_RUN, code, e);
    assertFalse(e.contains("\tat "), "no stack trace: " + e);
    return e;
  }

  private static void assertIntact(Path index) throws Exception {
    try (SearchService s = new SearchService(index, Glossary.empty())) {
      assertEquals(1, s.documents().size(), "the last commit, unchanged");
      assertEquals(1, s.search(SearchRequest.of("\"export controls\"")).total());
    }
  }
}
