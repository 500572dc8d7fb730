package org.policysearch.extraction;

import java.util.List;

/**
 * What Tika gave for one file.
 *
 * @param outcome how the extraction ended
 * @param reason a person-readable reason for any outcome but OK
 * @param mediaType detected media type
 * @param title the title in the file's own metadata, may be null
 * @param created the creation date in the file's own metadata (ISO), may be null
 * @param pages page count for paged formats, 0 otherwise
 * @param blocks the text, in reading order
 */
public record ExtractedDocument(Outcome outcome, String reason, String mediaType, String title, String created,
    int pages, List<Block> blocks) {

  public static ExtractedDocument failed(Outcome outcome, String reason, String mediaType) {
    return new ExtractedDocument(outcome, reason, mediaType, null, null, 0, List.of());
  }

  public int characters() {
    int n = 0;
    for (Block b : blocks) n += b.text().length();
    return n;
  }
}
