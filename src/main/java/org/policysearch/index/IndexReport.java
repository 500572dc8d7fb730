package org.policysearch.index;

import java.util.List;

/**
 * What one indexing run did.
 *
 * @param counts what the run counted ({@link IndexCounts#summary()} is the summary line)
 * @param failures files that could not be indexed, each with its reason
 * @param passages passages in the index after the run
 * @param documents documents in the index after the run
 * @param seconds wall time
 * @param glossaryProblems glossary rows that did not load
 * @param rebuilt null, or what damage was found and how this run repaired it from the corpus (a sentence)
 * @param mergeProblem null, or why segments could not be merged after the commit (the commit stands)
 */
public record IndexReport(IndexCounts counts, List<Failure> failures, int passages, int documents, double seconds,
    List<String> glossaryProblems, String rebuilt, String mergeProblem) {

  /** A file that was not indexed; keptPrevious when an earlier good version stays searchable. */
  public record Failure(String source, String outcome, String reason, boolean keptPrevious) {}

  public int indexed() {
    return counts.indexed();
  }

  public int unchanged() {
    return counts.unchanged();
  }

  public int retagged() {
    return counts.retagged();
  }

  public int deleted() {
    return counts.deleted();
  }

  public long characters() {
    return counts.characters();
  }

  public long bytes() {
    return counts.bytes();
  }

  public double megabytesPerSecond() {
    return seconds <= 0 ? 0 : counts.characters() / 1e6 / seconds;
  }
}
