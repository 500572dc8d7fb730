package org.policysearch.extraction;

/** How extracting one file ended. Everything but OK and TRUNCATED is a failure reported by name. */
public enum Outcome {
  OK, TRUNCATED, EMPTY, ENCRYPTED, UNSUPPORTED, CORRUPT, TIMEOUT, UNREADABLE;

  public boolean indexable() {
    return this == OK || this == TRUNCATED;
  }
}
