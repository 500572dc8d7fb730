package org.policysearch.metadata;

import java.util.List;

/**
 * What a document says about itself.
 *
 * @param title the document's own title, null when none was found
 * @param date the date that sorts and filters: the latest version (last amendment, else
 *     promulgation or adoption), ISO {@code yyyy-mm-dd} or a prefix of one; null when none
 * @param dateFirst the first adoption or promulgation when the text also names a later version
 *     (an amended law), else null
 * @param dateSource which rule gave {@code date} (see {@link DateRules}), null without a date
 * @param issuer the canonical issuer name, null when none was recognised
 * @param numbers document numbers (国发〔2015〕28号, 国务院令第658号, FR Doc. 2018-13248), first the main one
 */
public record DocumentMetadata(String title, String date, String dateFirst, String dateSource, String issuer,
    List<String> numbers) {
  public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null, null, List.of());
}
