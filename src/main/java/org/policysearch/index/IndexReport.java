package org.policysearch.index;

import java.util.List;

/**
 * What one indexing run did.
 *
 * @param indexed files extracted and (re)indexed
 * @param unchanged files whose content hash matched the index
 * @param retagged unchanged files whose passages were re-tagged from the stored extraction (glossary or schema changed)
 * @param deleted documents removed because their file is gone
 * @param failures files that could not be indexed, each with its reason
 * @param passages passages in the index after the run
 * @param documents documents in the index after the run
 * @param characters characters of text extracted in this run
 * @param bytes bytes of files read in this run
 * @param seconds wall time
 * @param glossaryProblems glossary rows that did not load
 * @param rebuilt null, or what damage was found and how this run repaired it from the corpus (a sentence)
 * @param mergeProblem null, or why segments could not be merged after the commit (the commit stands)
 */
public record IndexReport(int indexed, int unchanged, int retagged, int deleted, List<Failure> failures,
    int passages, int documents, long characters, long bytes, double seconds, List<String> glossaryProblems,
    String rebuilt, String mergeProblem) {

  /** A run that found nothing to repair. */
  public IndexReport(int indexed, int unchanged, int retagged, int deleted, List<Failure> failures,
      int passages, int documents, long characters, long bytes, double seconds, List<String> glossaryProblems) {
    this(indexed, unchanged, retagged, deleted, failures, passages, documents, characters, bytes, seconds, glossaryProblems, null, null);
  }

  /** A file that was not indexed; keptPrevious when an earlier good version stays searchable. */
  public record Failure(String source, String outcome, String reason, boolean keptPrevious) {}

  public double megabytesPerSecond() {
    return seconds <= 0 ? 0 : characters / 1e6 / seconds;
  }
}
