package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
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
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexReading;
import org.policysearch.index.StoredMentions;
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

  /** Every document's metadata by id, ordered by date (undated last), then id. */
  static Map<String, DocumentInfo> documents(IndexSearcher s) throws IOException {
    Map<String, DocumentInfo> out = new LinkedHashMap<>();
    Query q = new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
    // sized by the number of documents, not maxDoc (every passage): the top-N queue is allocated up front
    TopDocs top = s.search(q, Math.max(1, s.count(q)));
    List<DocumentInfo> list = new ArrayList<>();
    StoredFields stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) list.add(IndexReading.documentInfo(stored.document(sd.doc)));
    list.sort(Comparator.comparing((DocumentInfo i) -> i.date() == null ? "9999" : i.date()).thenComparing(DocumentInfo::id));
    for (DocumentInfo i : list) out.put(i.id(), i);
    return out;
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
