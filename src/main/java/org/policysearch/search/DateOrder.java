package org.policysearch.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SortField;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;

/**
 * A passage's document date as a sort value (yyyymmdd), read through the passage's document id
 * (the {@code doc_sort} doc values) from the document list of this index generation: passages
 * carry no date of their own, and the date of a document changes without its passages changing.
 * A document without a date sorts last in both directions.
 */
final class DateOrder extends DoubleValuesSource {
  private final Map<String, DocumentInfo> docs;
  private final double missing;

  private DateOrder(Map<String, DocumentInfo> docs, double missing) {
    this.docs = docs;
    this.missing = missing;
  }

  /** Newest first (reverse) or oldest first. */
  static SortField sortField(Map<String, DocumentInfo> docs, boolean newestFirst) {
    return new DateOrder(docs, newestFirst ? -1 : Double.MAX_VALUE).getSortField(newestFirst);
  }

  /** 2017-03-05 as 20170305; 2017-03 as 20170300; 2017 as 20170000; NaN when there is no year. */
  static double value(String date) {
    if (date == null || date.length() < 4) return Double.NaN;
    String digits = date.replaceAll("[^0-9]", "");
    if (digits.length() < 4) return Double.NaN;
    digits = (digits + "0000").substring(0, 8);
    return Double.parseDouble(digits);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SortedDocValues ids = DocValues.getSorted(ctx.reader(), Fields.DOC_SORT);
    double[] byOrd = new double[ids.getValueCount()];
    java.util.Arrays.fill(byOrd, Double.NaN);
    return new DoubleValues() {
      double current;

      @Override
      public double doubleValue() {
        return current;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        if (!ids.advanceExact(doc)) {
          current = missing;
          return true;
        }
        int ord = ids.ordValue();
        if (Double.isNaN(byOrd[ord])) {
          DocumentInfo info = docs.get(ids.lookupOrd(ord).utf8ToString());
          double v = info == null ? Double.NaN : value(info.date());
          byOrd[ord] = Double.isNaN(v) ? missing : v;
        }
        current = byOrd[ord];
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(docs) * 31 + Double.hashCode(missing);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateOrder d && d.docs == docs && d.missing == missing;
  }

  @Override
  public String toString() {
    return "document date";
  }
}
