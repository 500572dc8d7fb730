package org.policysearch.index;

/** Progress of an indexing run (the CLI draws a progress bar from it). */
public interface IndexListener {
  void start(int files);

  void fileDone(String source, String what);

  void finish();

  IndexListener NONE = new IndexListener() {
    @Override public void start(int files) {}
    @Override public void fileDone(String source, String what) {}
    @Override public void finish() {}
  };
}
