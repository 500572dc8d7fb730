package org.policysearch.index;

/**
 * What one run counted (in the manner of Anserini's {@code Counters}): the numbers of the
 * summary line, {@link #summary()}.
 *
 * @param indexed files extracted and (re)indexed
 * @param unchanged files whose content hash matched the index
 * @param retagged unchanged files re-tagged from their stored extraction (glossary or schema changed)
 * @param deleted documents removed because their file is gone
 * @param failed entries of the run's failures: files not indexed, skipped by the scan, or indexed only in part
 * @param characters characters of text extracted in this run
 * @param bytes bytes of files read in this run
 */
public record IndexCounts(int indexed, int unchanged, int retagged, int deleted, int failed, long characters, long bytes) {

  /** The summary line: "indexed 3, unchanged 10, re-tagged 0, deleted 1, failed 0". */
  public String summary() {
    return String.format("indexed %d, unchanged %d, re-tagged %d, deleted %d, failed %d", indexed, unchanged, retagged, deleted,
        failed);
  }
}
