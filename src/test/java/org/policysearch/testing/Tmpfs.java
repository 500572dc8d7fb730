package org.policysearch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, for disk-full and read-only faults. Mounting needs root: the
 * test is skipped, with that reason, for anyone else or where mount is not allowed (a container
 * without the capability).
 */
public final class Tmpfs implements AutoCloseable {
  private final Path dir;

  private Tmpfs(Path dir) {
    this.dir = dir;
  }

  public static Tmpfs mount(Path dir, String size) throws IOException, InterruptedException {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root: skipped when not running as root");
    Files.createDirectories(dir);
    String out;
    try {
      out = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    } catch (IOException e) {
      out = e.getMessage(); // no mount command
    }
    assumeTrue(out == null, "mount -t tmpfs is not allowed here: " + out);
    return new Tmpfs(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Free bytes on the file system. */
  public long free() throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  /** Writes a file of zeros that leaves about {@code leave} bytes free. */
  public void fillLeaving(Path file, long leave) throws IOException {
    long n = free() - leave;
    if (n <= 0) return;
    byte[] block = new byte[1 << 16];
    try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
      for (; n > 0; n -= block.length) out.write(block, 0, (int) Math.min(block.length, n));
    }
  }

  /**
   * Grows or shrinks one filler file so that about {@code leave} bytes are free: the same room
   * before every run, whatever the runs before it used.
   */
  public void keepFree(Path filler, long leave) throws IOException {
    long short_ = leave - free();
    if (short_ <= 0) {
      fillLeaving(filler, leave);
      return;
    }
    try (var ch = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE)) {
      if (ch.size() < short_) throw new IOException("the index alone leaves less than " + leave + " bytes free");
      ch.truncate(ch.size() - short_);
    }
  }

  /** Remounts the file system read-only: every write fails, for root too. */
  public void readOnly() throws IOException, InterruptedException {
    String out = run("mount", "-o", "remount,ro", dir.toString());
    if (out != null) throw new IOException("remount read-only failed: " + out);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    String out = run("umount", dir.toString());
    if (out != null) run("umount", "-l", dir.toString()); // busy: detach now, freed when the last file closes
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : out.strip() + " (exit " + p.exitValue() + ")";
  }
}
