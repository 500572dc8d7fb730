package org.policysearch.web;

/** Runs one incremental indexing run of the corpus and makes it visible to searches ({@code POST /api/reindex}). */
@FunctionalInterface
public interface Reindexer {
  /** The run's summary, serialised as JSON. */
  Object reindex() throws Exception;
}
