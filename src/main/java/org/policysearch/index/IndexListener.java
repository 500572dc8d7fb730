package org.policysearch.index;

/** Progress of an indexing run (the CLI draws a progress bar from it). */
public interface IndexListener {
  void start(int files);

  void fileDone(String source, FileOutcome outcome);

  void finish();

  IndexListener NONE = new IndexListener() {
    @Override public void start(int files) {}
    @Override public void fileDone(String source, FileOutcome outcome) {}
    @Override public void finish() {}
  };
}
