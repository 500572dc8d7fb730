package org.policysearch.passages;

/**
 * The unit of search and linking.
 *
 * @param docId the document's id
 * @param ordinal 0-based position in the document
 * @param page 1-based page for paged formats, 0 when the format has no pages
 * @param lang "zh", "en" or "mixed"
 * @param text the displayed text (line breaks repaired, not NFKC-normalised)
 * @param start offset of the passage in the document text (passages joined by a blank line)
 * @param end end offset in the document text
 * @param anchor stable id derived from the passage's own normalised content
 * @param ocr the text was recognised by OCR from an image (it may hold recognition errors)
 */
public record Passage(String docId, int ordinal, int page, String lang, String text, int start, int end, String anchor, boolean ocr) {
  public Passage(String docId, int ordinal, int page, String lang, String text, int start, int end, String anchor) {
    this(docId, ordinal, page, lang, text, start, end, anchor, false);
  }

  public Passage withOcr(boolean ocr) {
    return ocr == this.ocr ? this : new Passage(docId, ordinal, page, lang, text, start, end, anchor, ocr);
  }
}
