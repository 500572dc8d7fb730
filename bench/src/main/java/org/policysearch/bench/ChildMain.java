package org.policysearch.bench;

/** The entry point of a benchmark child JVM: the harness waits for it, so it always exits, 1 on any failure. */
public final class ChildMain {
  private ChildMain() {}

  /** The child's work. */
  @FunctionalInterface
  public interface Body {
    void run(String[] args) throws Exception;
  }

  public static void run(String[] args, Body body) {
    try {
      body.run(args);
    } catch (Throwable t) { // exit rather than wait on worker and Solr threads
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
