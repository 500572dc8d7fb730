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
 * @param ocrPages the pages whose text was recognised by OCR (0 for an image, which has no pages); empty when none
 */
public record ExtractedDocument(Outcome outcome, String reason, String mediaType, String title, String created,
    int pages, List<Block> blocks, List<Integer> ocrPages) {

  public ExtractedDocument {
    ocrPages = ocrPages == null ? List.of() : List.copyOf(ocrPages); // stored extractions from before OCR have none
  }

  public ExtractedDocument(Outcome outcome, String reason, String mediaType, String title, String created, int pages, List<Block> blocks) {
    this(outcome, reason, mediaType, title, created, pages, blocks, List.of());
  }

  public static ExtractedDocument failed(Outcome outcome, String reason, String mediaType) {
    return new ExtractedDocument(outcome, reason, mediaType, null, null, 0, List.of());
  }

  /** Whether the text of a block on this page came from OCR. */
  public boolean ocr(int page) {
    return ocrPages.contains(page);
  }

  public int characters() {
    int n = 0;
    for (Block b : blocks) n += b.text().length();
    return n;
  }
}
