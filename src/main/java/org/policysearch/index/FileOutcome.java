package org.policysearch.index;

/** What an indexing run did with one file; {@link #toString()} is the word the progress lines print. */
public enum FileOutcome {
  /** Extracted and written: a new file, or one whose content or document id changed. */
  INDEXED("indexed"),
  /** Its content hash matched the index: left alone. */
  UNCHANGED("unchanged"),
  /** Unchanged, but re-tagged from its stored extraction (the glossary or the schema changed). */
  RETAGGED("retagged"),
  /** Not written (the reason is in the run's failures); an earlier good version stays. */
  FAILED("failed");

  private final String word;

  FileOutcome(String word) {
    this.word = word;
  }

  @Override
  public String toString() {
    return word;
  }
}
