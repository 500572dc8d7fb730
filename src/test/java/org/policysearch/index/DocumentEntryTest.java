package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.policysearch.testing.DemoCorpus;

/** The document entries' doc-value column holds what their stored fields hold (but hash and stamp). */
class DocumentEntryTest {
  @Test
  void aRecordRoundTripsWithAbsentFieldsAndAnyScript() {
    DocumentInfo full = new DocumentInfo("zh-law", "laws/網絡安全法.pdf", "中华人民共和国网络安全法", "Cybersecurity Law", "zh", "2016-11-07",
        "全国人民代表大会常务委员会", "2016-11-07", "SOURCES.tsv", "主席令第五十三号; No. 53", "application/pdf", 17, 412, "ab12", "1:2:3",
        3, "1234/5678");
    String print = org.policysearch.metadata.TextFingerprint.of("第一条 为了保障网络安全，维护网络空间主权和国家安全。".repeat(20));
    full = new DocumentInfo(full.id(), full.source(), full.title(), full.titleEn(), full.lang(), full.date(), full.issuer(),
        full.dateFirst(), full.dateSource(), full.number(), full.format(), full.pages(), full.passages(), full.sha256(), print,
        full.ocrPages(), full.stamp());
    DocumentEntry.Decoded back = DocumentEntry.decode(new BytesRef(DocumentEntry.encode(full)));
    assertEquals(lean(full), back.info());
    assertPrint(org.policysearch.metadata.TextFingerprint.parse(print), back.print());
    DocumentInfo sparse = new DocumentInfo("a", "a.txt", "A", null, "en", null, null, null, null, null, "text/plain", 0, 1, "ff", null, 0,
        null);
    assertEquals(lean(sparse), DocumentEntry.decode(new BytesRef(DocumentEntry.encode(sparse))).info());
    assertNull(DocumentEntry.decode(new BytesRef(DocumentEntry.encode(sparse))).print());
    assertNull(DocumentEntry.decode(new BytesRef(new byte[] {9, 0})), "another layout is not read");
    assertNull(DocumentEntry.decode(new BytesRef(new byte[] {1, 1})), "a cut entry is not read");
  }

  @Test
  void theColumnAgreesWithTheStoredFieldsForEveryDemoDocument() throws Exception {
    assertTrue(Files.isDirectory(DemoCorpus.folder()), "the demo corpus is beside the repository");
    int n = 0;
    try (var dir = FSDirectory.open(DemoCorpus.index()); DirectoryReader r = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : r.leaves()) {
        PostingsEnum docs = leaf.reader().postings(new Term(Fields.KIND, Fields.KIND_DOCUMENT), PostingsEnum.NONE);
        if (docs == null) continue;
        BinaryDocValues column = leaf.reader().getBinaryDocValues(Fields.DOC_ENTRY);
        StoredFields stored = leaf.reader().storedFields();
        for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
          assertTrue(column != null && column.advanceExact(d), "document entry " + d + " has its column value");
          DocumentInfo fromStored = IndexReading.documentInfo(stored.document(d));
          DocumentEntry.Decoded fromColumn = DocumentEntry.decode(column.binaryValue());
          assertEquals(lean(fromStored), fromColumn.info());
          assertPrint(org.policysearch.metadata.TextFingerprint.parse(fromStored.fingerprint()), fromColumn.print());
          n++;
        }
      }
    }
    assertTrue(n >= 10, n + " documents");
  }

  @Test
  void groupingReadsOnlyWhatGroupingNeeds() throws Exception {
    try (var dir = FSDirectory.open(DemoCorpus.index()); DirectoryReader r = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : r.leaves()) {
        var listing = DocumentEntry.segment(leaf.reader(), DocumentEntry.Read.LISTING_AND_PRINT);
        var grouping = DocumentEntry.segment(leaf.reader(), DocumentEntry.Read.GROUPING);
        assertEquals(listing.size(), grouping.size());
        for (int k = 0; k < listing.size(); k++) {
          DocumentInfo full = listing.get(k).info(), lean = grouping.get(k).info();
          assertEquals(listing.get(k).doc(), grouping.get(k).doc());
          assertEquals(List.of(full.id(), full.format(), full.passages()), List.of(lean.id(), lean.format(), lean.passages()));
          assertNull(lean.title(), "the other strings are skipped");
          assertPrint(listing.get(k).print(), grouping.get(k).print());
        }
        DocumentEntry.segment(leaf.reader(), DocumentEntry.Read.LISTING).forEach(e -> assertNull(e.print()));
      }
    }
  }

  /** What the column holds of a record: all but the hash, the stamp and the fingerprint's text (it holds the numbers). */
  private static DocumentInfo lean(DocumentInfo i) {
    return new DocumentInfo(i.id(), i.source(), i.title(), i.titleEn(), i.lang(), i.date(), i.issuer(), i.dateFirst(), i.dateSource(),
        i.number(), i.format(), i.pages(), i.passages(), null, null, i.ocrPages(), null);
  }

  private static void assertPrint(org.policysearch.metadata.TextFingerprint.Parsed expected, org.policysearch.metadata.TextFingerprint.Parsed actual) {
    if (expected == null) {
      assertNull(actual);
      return;
    }
    assertEquals(expected.length(), actual.length());
    assertEquals(expected.whole(), actual.whole());
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected.sketch(), actual.sketch());
  }
}
