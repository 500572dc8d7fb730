package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.testing.CliProcess;
import org.policysearch.testing.Fixtures;

/**
 * Issue 20, cold start: with a current index, serve answers first and checks the files against
 * the index in the background; what changed while it was down becomes searchable when the check
 * ends. An index of another schema or glossary is brought up to date before it answers.
 */
class ServeStartTest {
  @TempDir Path tmp;

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void aCurrentIndexAnswersAtOnceAndTheFilesAreCheckedInTheBackground() throws Exception {
    Path corpus = tmp.resolve("corpus"), index = tmp.resolve("index");
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    for (int i = 0; i < 30; i++) {
      Path f = corpus.resolve("note-" + i + ".txt");
      Fixtures.text(f, "Note " + i + " on industrial policy and harbour number " + i + ".");
      Files.setLastModifiedTime(f, old);
    }
    assertEquals(ExitCodes.OK, Main.run("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString()));
    // while the server was down: one file edited, one added
    Fixtures.text(corpus.resolve("note-3.txt"), "Note 3, edited: the zebrafinch clause.");
    Fixtures.text(corpus.resolve("added.txt"), "An added note on the quillwort rule.");

    try (CliProcess serve = CliProcess.start(List.of(), "serve", "--corpus", corpus.toString(), "--index", index.toString(),
        "--port", "0", "--no-watch")) {
      int port = serve.port(120);
      assertTrue(get(port, "/api/search?q=harbour").contains("\"total\":"), "answers");
      assertTrue(serve.await("indexed 2, unchanged 29", 120), "the background check indexes what changed: " + serve.output());
      String out = serve.output();
      assertTrue(out.indexOf("start-up to first answer") < out.indexOf("checking the corpus"),
          "the first answer comes before the check of the files: " + out);
      assertTrue(get(port, "/api/search?q=zebrafinch").contains("\"total\":1"));
      assertTrue(get(port, "/api/search?q=quillwort").contains("\"total\":1"));
    }
  }

  @Test
  void anIndexOfAnotherGlossaryIsUpdatedBeforeTheFirstAnswer() throws Exception {
    Path corpus = tmp.resolve("corpus"), index = tmp.resolve("index");
    Fixtures.text(corpus.resolve("a.txt"), "Secure and controllable technology in procurement.");
    Path glossary = tmp.resolve("glossary.tsv");
    Files.writeString(glossary, "id\tenglish\tchinese\tenglish_variants\tchinese_variants\nsc\tsecure and controllable\t安全可控\t\t\n");
    assertEquals(ExitCodes.OK, Main.run("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString(),
        "--glossary", glossary.toString()));
    try (CliProcess serve = CliProcess.start(List.of(), "serve", "--corpus", corpus.toString(), "--index", index.toString(),
        "--port", "0", "--no-watch")) {
      serve.port(120);
      String out = serve.output();
      assertTrue(out.contains("re-tagged 1"), "re-tagged with the built-in glossary before listening: " + out);
      assertTrue(!out.contains("checking the corpus"), out);
    }
  }
}
