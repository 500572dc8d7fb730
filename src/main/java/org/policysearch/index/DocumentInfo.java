package org.policysearch.index;

/**
 * A document's metadata as the index holds it.
 *
 * @param id document id (slug)
 * @param source path relative to the corpus folder
 * @param title original-language title
 * @param titleEn English title, may be null
 * @param lang zh, en or mixed
 * @param date ISO date or a prefix of one (2017-03), may be null
 * @param issuer may be null
 * @param dateFirst the first adoption when {@code date} is a later amendment, may be null
 * @param dateSource the rule that gave {@code date} (SOURCES.tsv, front-matter, text:…, title, metadata, file-name), may be null
 * @param number document numbers, "; " between them, may be null
 * @param format detected media type
 * @param pages page count (0 for formats without pages)
 * @param passages passage count
 * @param sha256 content hash of the file
 * @param fingerprint {@link org.policysearch.metadata.TextFingerprint} of the text (finds copies), may be null
 * @param ocrPages pages whose text was recognised by OCR (an image counts one), 0 when none
 * @param stamp the file's size and modification time when its hash was taken ({@code FileDecision#stamp}),
 *     null when unknown or too recent to trust: the next run then hashes the file
 */
public record DocumentInfo(String id, String source, String title, String titleEn, String lang, String date,
    String issuer, String dateFirst, String dateSource, String number, String format, int pages, int passages, String sha256,
    String fingerprint, int ocrPages, String stamp) {

  public DocumentInfo(String id, String source, String title, String titleEn, String lang, String date,
      String issuer, String dateFirst, String dateSource, String number, String format, int pages, int passages, String sha256,
      String fingerprint, int ocrPages) {
    this(id, source, title, titleEn, lang, date, issuer, dateFirst, dateSource, number, format, pages, passages, sha256, fingerprint,
        ocrPages, null);
  }

  public DocumentInfo(String id, String source, String title, String titleEn, String lang, String date,
      String issuer, String dateFirst, String dateSource, String number, String format, int pages, int passages, String sha256,
      String fingerprint) {
    this(id, source, title, titleEn, lang, date, issuer, dateFirst, dateSource, number, format, pages, passages, sha256, fingerprint, 0, null);
  }

  public String year() {
    return date != null && date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
        ? date.substring(0, 4) : null;
  }
}
