package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentEntry;
import org.policysearch.index.FieldMapping;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexReading;
import org.policysearch.index.StoredMentions;
import org.policysearch.metadata.TextFingerprint;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryJson;

/**
 * Reads the embedded index's stored records back: passages ({@link Answers.Passage}), the document
 * records, the glossary entry and the tagged passages of the concordance. The Solr backend's
 * counterpart reads the same fields from a collection.
 */
final class StoredPassages {
  private StoredPassages() {}

  static Answers.Passage passage(Document d) {
    return Answers.Passage.of(d.get(Fields.DOC), d.get(Fields.ANCHOR), IndexReading.intValue(d, Fields.ORDINAL),
        IndexReading.intValue(d, Fields.PAGE), d.get(Fields.LANG), d.get(Fields.TEXT), d.get(Fields.MENTIONS),
        IndexReading.intValue(d, Fields.OCR) == 1);
  }

  /** The glossary the index was tagged with, or fallback when it holds none. */
  static Glossary glossary(IndexSearcher s, Glossary fallback) throws IOException {
    TopDocs top = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_GLOSSARY)), 1);
    return top.scoreDocs.length == 0 ? fallback
        : GlossaryJson.read(s.storedFields().document(top.scoreDocs[0].doc).get(Fields.CONCEPTS));
  }

  /**
   * Every document's metadata, ordered by date (undated last), then id; the entries of a segment
   * read before (its core key in {@code bySegment}) are not read again: after an edit, a refresh
   * reads only the new segment's entries and applies the deletions (issue 20, edit to searchable).
   * {@code bySegment} is left holding the segments of this reader only. Fingerprints are read into
   * {@code prints} unless it is null (the cached segments must then have been read the same way).
   */
  static Map<String, DocumentInfo> documents(IndexSearcher s, Map<Object, List<DocumentEntry.InSegment>> bySegment,
      Map<String, TextFingerprint.Parsed> prints) throws IOException {
    List<DocumentInfo> list = new ArrayList<>();
    Map<Object, List<DocumentEntry.InSegment>> seen = new HashMap<>();
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    // the segments not read before, read side by side (a server's start reads them all: issue 20)
    List<List<DocumentEntry.InSegment>> read = new ArrayList<>(java.util.Collections.nCopies(leaves.size(), null));
    try {
      java.util.stream.IntStream.range(0, leaves.size()).parallel().forEach(i -> {
        Object key = coreKey(leaves.get(i));
        if (key != null && bySegment.containsKey(key)) return;
        try {
          read.set(i, DocumentEntry.segment(leaves.get(i).reader(),
              prints != null ? DocumentEntry.Read.LISTING_AND_PRINT : DocumentEntry.Read.LISTING));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    for (int i = 0; i < leaves.size(); i++) {
      LeafReaderContext leaf = leaves.get(i);
      Object key = coreKey(leaf);
      List<DocumentEntry.InSegment> entries = read.get(i) != null ? read.get(i) : bySegment.get(key);
      if (key != null) seen.put(key, entries);
      Bits live = leaf.reader().getLiveDocs();
      for (DocumentEntry.InSegment e : entries) {
        if (live != null && !live.get(e.doc())) continue;
        list.add(e.info());
        if (prints != null && e.print() != null) prints.put(e.info().id(), e.print());
      }
    }
    bySegment.keySet().retainAll(seen.keySet());
    bySegment.putAll(seen);
    list.sort(Comparator.comparing((DocumentInfo i) -> i.date() == null ? "9999" : i.date()).thenComparing(DocumentInfo::id));
    Map<String, DocumentInfo> out = new LinkedHashMap<>();
    for (DocumentInfo i : list) out.put(i.id(), i);
    return out;
  }

  private static Object coreKey(LeafReaderContext leaf) {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    return helper == null ? null : helper.getKey();
  }

  /** The copies the indexing run grouped ({@link Copies#toText}); null for an index written before it. */
  static Copies copies(IndexSearcher s) throws IOException {
    TopDocs top = s.search(new TermQuery(new Term(Fields.ID, FieldMapping.COPIES_ID)), 1);
    return top.scoreDocs.length == 0 ? null : Copies.fromText(s.storedFields().document(top.scoreDocs[0].doc).get(Fields.COPIES));
  }

  /** The stored passages of one document in reading order. */
  static List<Integer> passageIds(IndexSearcher s, String doc) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.DOC, doc)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
    // sized by the document's passages, not maxDoc: the sort queue is allocated up front, per request
    TopDocs top = s.search(q, Math.max(1, s.count(q)), new Sort(new SortField(Fields.ORDINAL, SortField.Type.INT)));
    List<Integer> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) out.add(sd.doc);
    return out;
  }

  /** Every passage carrying at least one concept tag (the concordance's input). */
  static List<Concordance.TaggedPassage> tagged(IndexSearcher s) throws IOException {
    List<Concordance.TaggedPassage> out = new ArrayList<>();
    Query tagged = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
        .add(new PrefixQuery(new Term(Fields.TERM, "")), BooleanClause.Occur.FILTER).build();
    TopDocs top = s.search(tagged, Math.max(1, s.count(tagged)));
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      String[] terms = d.getValues(Fields.TERM);
      if (terms.length == 0) continue;
      out.add(new Concordance.TaggedPassage(d.get(Fields.DOC), d.get(Fields.ANCHOR), IndexReading.intValue(d, Fields.ORDINAL),
          IndexReading.intValue(d, Fields.PAGE), d.get(Fields.TEXT), List.of(terms), StoredMentions.parse(d.get(Fields.MENTIONS))));
    }
    return out;
  }
}
