package org.policysearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.policysearch.metadata.TextFingerprint;

/**
 * A document's listing record as one binary doc value ({@link Fields#DOC_ENTRY}): what a server
 * keeps of every document (everything but the hash and the file stamp, which only indexing reads).
 *
 * <p>Why (issue 20, cold start): the document records' stored fields lie in the same compressed
 * blocks as the passages' text, so listing 17,843 documents decompressed much of the index (170 to
 * 360 ms); doc values are a column of their own, read in order (8 to 27 ms).
 *
 * <p>Layout: the layout version (vint), a bit set of the present strings (vint), the strings
 * (vint length, UTF-8) in the order of {@link #values}, pages, passages and OCR pages (vints), then
 * the fingerprint as numbers: a byte (1 when there is one), its length (vint), whole-text hash
 * (long), and its sketch (vint count, longs).
 */
public final class DocumentEntry {
  private DocumentEntry() {}

  /** The version of this layout, first in every entry: an entry of another version is not read (the stored fields are). */
  private static final int VERSION = 1;

  /** A decoded entry: the record (without hash, stamp and fingerprint text) and its fingerprint, parsed (null when none). */
  public record Decoded(DocumentInfo info, TextFingerprint.Parsed print) {}

  public static byte[] encode(DocumentInfo i) {
    String[] values = values(i);
    int present = 0;
    for (int k = 0; k < values.length; k++) if (values[k] != null) present |= 1 << k;
    TextFingerprint.Parsed print = TextFingerprint.parse(i.fingerprint());
    try {
      ByteBuffersDataOutput out = new ByteBuffersDataOutput();
      out.writeVInt(VERSION);
      out.writeVInt(present);
      for (String v : values) if (v != null) out.writeString(v);
      out.writeVInt(Math.max(0, i.pages()));
      out.writeVInt(Math.max(0, i.passages()));
      out.writeVInt(Math.max(0, i.ocrPages()));
      // the fingerprint as numbers: a server groups copies from them without parsing text
      out.writeByte((byte) (print == null ? 0 : 1));
      if (print != null) {
        out.writeVInt(print.length());
        out.writeLong(print.whole());
        out.writeVInt(print.sketch().length);
        for (long v : print.sketch()) out.writeLong(v);
      }
      return out.toArrayCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
  }

  /** The entry; null when it is of another layout version or cannot be read. */
  public static Decoded decode(BytesRef b) {
    return decode(b, false);
  }

  /**
   * The entry; null when it is of another layout version or cannot be read.
   *
   * @param grouping only what grouping copies needs (id, format, passages, fingerprint): the other
   *     strings are skipped, not read (an indexing run inside a server at -Xmx256m groups 71,372
   *     documents while the server holds its own list)
   */
  private static Decoded decode(BytesRef b, boolean grouping) {
    try {
      ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
      if (in.readVInt() != VERSION) return null;
      int present = in.readVInt();
      String[] v = new String[STRINGS];
      for (int k = 0; k < v.length; k++) {
        if ((present & (1 << k)) == 0) continue;
        if (grouping && k != ID && k != FORMAT) in.skipBytes(in.readVInt());
        else v[k] = in.readString();
      }
      int pages = in.readVInt(), passages = in.readVInt(), ocrPages = in.readVInt();
      TextFingerprint.Parsed print = null;
      if (in.readByte() == 1) {
        int length = in.readVInt();
        long whole = in.readLong();
        long[] sketch = new long[in.readVInt()];
        for (int k = 0; k < sketch.length; k++) sketch[k] = in.readLong();
        print = new TextFingerprint.Parsed(length, whole, sketch);
      }
      if (!in.eof()) return null;
      DocumentInfo info = new DocumentInfo(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], pages, passages, null,
          null, ocrPages, null);
      return new Decoded(info, print);
    } catch (IOException | RuntimeException e) {
      return null; // the stored fields are read instead
    }
  }

  /** The places of the id and the format among the strings ({@link #values}). */
  private static final int ID = 0, FORMAT = 10;

  /** What {@link #segment} reads of each file entry. */
  public enum Read {
    /** The record a server lists (all but hash, stamp and fingerprint). */
    LISTING,
    /** The record and its fingerprint. */
    LISTING_AND_PRINT,
    /** What grouping copies needs: id, format, passage count and fingerprint ({@link Copies#of}). */
    GROUPING
  }

  /** A file entry of a segment: its Lucene doc id, its record (lean, as {@link #decode} gives it) and its fingerprint or null. */
  public record InSegment(int doc, DocumentInfo info, TextFingerprint.Parsed print) {}

  /**
   * The file entries of one segment, deleted ones included: from the doc-value column, or from
   * the stored fields where a segment has none (an index written before it). Short values
   * (language, issuer, date rule, format) are shared between records: a server keeps them all.
   */
  public static List<InSegment> segment(LeafReader reader, Read read) throws IOException {
    List<InSegment> out = new ArrayList<>();
    PostingsEnum docs = reader.postings(new Term(Fields.KIND, Fields.KIND_DOCUMENT), PostingsEnum.NONE);
    if (docs == null) return out;
    boolean prints = read != Read.LISTING, grouping = read == Read.GROUPING;
    BinaryDocValues column = reader.getBinaryDocValues(Fields.DOC_ENTRY);
    StoredFields stored = null;
    Map<String, String> shared = new HashMap<>();
    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
      Decoded e = column != null && column.advanceExact(d) ? decode(column.binaryValue(), grouping) : null;
      if (e == null) {
        if (stored == null) stored = reader.storedFields();
        DocumentInfo i = IndexReading.documentInfo(stored.document(d));
        e = new Decoded(i, prints ? TextFingerprint.parse(i.fingerprint()) : null);
      }
      DocumentInfo i = e.info();
      DocumentInfo kept = grouping
          ? new DocumentInfo(i.id(), null, null, null, null, null, null, null, null, null, share(shared, i.format()), 0, i.passages(),
              null, null, 0, null)
          : new DocumentInfo(i.id(), i.source(), i.title(), i.titleEn(), share(shared, i.lang()), i.date(), share(shared, i.issuer()),
              i.dateFirst(), share(shared, i.dateSource()), i.number(), share(shared, i.format()), i.pages(), i.passages(), null, null,
              i.ocrPages(), null);
      out.add(new InSegment(d, kept, prints ? e.print() : null));
    }
    return out;
  }

  private static String share(Map<String, String> shared, String v) {
    return v == null ? null : shared.computeIfAbsent(v, k -> k);
  }

  /** How many string fields an entry has: id, source, title, English title, language, date, issuer, first date, date source, number, format. */
  private static final int STRINGS = 11;

  private static String[] values(DocumentInfo i) {
    return new String[] {i.id(), i.source(), i.title(), i.titleEn(), i.lang(), i.date(), i.issuer(), i.dateFirst(),
        i.dateSource(), i.number(), i.format()};
  }
}
