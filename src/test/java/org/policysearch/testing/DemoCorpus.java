package org.policysearch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.policysearch.cli.Main;

/**
 * The shared demo corpus (../shared/corpus, never copied into the repository), indexed once per
 * test JVM into a temporary folder that all integration tests read.
 */
public final class DemoCorpus {
  private static Path index;
  private static int exitCode;

  private DemoCorpus() {}

  public static Path folder() {
    String p = System.getProperty("policysearch.demoCorpus", "../shared/corpus");
    Path dir = Path.of(p).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(dir), "demo corpus not found at " + dir);
    return dir;
  }

  /** The index of the demo corpus (built on first use with the CLI, as a user would). */
  public static synchronized Path index() {
    if (index == null) {
      try {
        Path dir = Files.createTempDirectory("demo-index");
        exitCode = Main.run("index", "--corpus", folder().toString(), "--index", dir.toString());
        index = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return index;
  }

  public static synchronized int exitCode() {
    index();
    return exitCode;
  }

  public static void delete(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort for temporary folders
    }
  }
}
