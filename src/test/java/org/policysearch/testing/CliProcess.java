package org.policysearch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real CLI in a child JVM (this test classpath), its stdout and stderr collected line by line. */
public final class CliProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  private CliProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          synchronized (lines) {
            lines.add(l);
            lines.notifyAll();
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
      synchronized (lines) {
        ended = true;
        lines.notifyAll();
      }
    }, "cli-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java [jvmProperties] org.policysearch.cli.Main args}; jvmProperties are "-Dname=value" strings. */
  public static CliProcess start(List<String> jvmProperties, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmProperties);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.policysearch.cli.Main");
    cmd.addAll(List.of(args));
    return new CliProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** Waits for a line containing text; false when the output ended or the time ran out first. */
  public boolean await(String text, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (lines) {
      while (true) {
        if (lines.stream().anyMatch(l -> l.contains(text))) return true;
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0 || ended) return false;
        lines.wait(Math.min(left, 200));
      }
    }
  }

  /** The port a serve process listens on, once it says so. */
  public int port(long seconds) throws InterruptedException {
    if (!await("listening on http://127.0.0.1:", seconds)) throw new AssertionError("serve did not start:\n" + output());
    synchronized (lines) {
      for (String l : lines) {
        Matcher m = LISTENING.matcher(l);
        if (m.find()) return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("no port in:\n" + output());
  }

  /** Waits for the end; the exit code. */
  public int exitCode(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) throw new AssertionError("still running after " + seconds + " s:\n" + output());
    return process.exitValue();
  }

  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  public Process process() {
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
