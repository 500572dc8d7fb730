package org.policysearch.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/** Reads the stored fields of the index's documents back into records (used by the indexer and the searcher). */
public final class IndexReading {
  private IndexReading() {}

  public static DocumentInfo documentInfo(Document d) {
    return new DocumentInfo(d.get(Fields.DOC), d.get(Fields.SOURCE), d.get(Fields.TITLE), d.get(Fields.TITLE_EN),
        d.get(Fields.LANG), d.get(Fields.DATE), d.get(Fields.ISSUER), d.get(Fields.DATE_FIRST),
        d.get(Fields.DATE_SOURCE), d.get(Fields.NUMBER), d.get(Fields.FORMAT), intValue(d, Fields.PAGES),
        intValue(d, Fields.PASSAGES), d.get(Fields.SHA256), d.get(Fields.FINGERPRINT), intValue(d, Fields.OCR_PAGES),
        d.get(Fields.FILE_STAMP));
  }

  public static int intValue(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
  }
}
