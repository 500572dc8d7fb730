package org.policysearch.web;

/** Runs one incremental indexing run of the corpus and makes it visible to searches ({@code POST /api/reindex}). */
@FunctionalInterface
public interface Reindexer {
  /** The run's summary, serialised as JSON; {@link Failed} when the run could not write the index (HTTP 503). */
  Object reindex() throws Exception;

  /** The run could not be made (index not writable, disk full, in use); searches go on from the last commit. */
  final class Failed extends Exception {
    public Failed(String message) {
      super(message);
    }
  }
}
