package org.policysearch.corpus;

/** Metadata a {@code SOURCES.tsv} row supplies for one file; any field may be null. */
public record SourceMetadata(String title, String titleEnglish, String issuer, String date, String language, String number) {
  public static final SourceMetadata NONE = new SourceMetadata(null, null, null, null, null, null);
}
