package org.policysearch.extraction;

/** How extracting one file ended. Everything but OK and TRUNCATED is a failure reported by name. */
public enum Outcome {
  OK, TRUNCATED, EMPTY, ENCRYPTED, UNSUPPORTED, CORRUPT, TIMEOUT, UNREADABLE,
  /** Larger than {@link Extractor.Limits#maxFileBytes()}: not read at all. */
  TOO_LARGE,
  /** The parser needed more memory than the extraction process may use ({@link Extractor.Limits#childHeap()}). */
  OUT_OF_MEMORY,
  /** The extraction process died (a parser bug, a JVM crash); it was restarted for the next file. */
  CRASHED;

  public boolean indexable() {
    return this == OK || this == TRUNCATED;
  }
}
