package org.policysearch.cli;

/** Process exit codes (documented in the README). */
public final class ExitCodes {
  private ExitCodes() {}

  /** Everything worked (every file indexed). */
  public static final int OK = 0;
  /** Indexing finished, but some files could not be indexed (listed in the summary). */
  public static final int INDEXED_WITH_FAILURES = 1;
  /** Bad command-line usage (unknown option, missing argument) or an invalid query. */
  public static final int USAGE = 2;
  /** Could not run at all: corpus folder missing, index locked or unwritable, port in use. */
  public static final int CANNOT_RUN = 3;
}
