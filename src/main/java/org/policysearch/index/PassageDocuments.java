package org.policysearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.analysis.Scripts;
import org.policysearch.metadata.DocumentNumbers;
import org.policysearch.metadata.Issuers;
import org.policysearch.passages.Passage;
import org.policysearch.terms.Mention;
import org.policysearch.terms.Tagger;

/** Turns a document and its tagged passages into Lucene documents (the schema is {@link Fields}). */
final class PassageDocuments {
  private final FacetsConfig facets = Fields.facetsConfig();

  List<Document> build(DocumentInfo info, List<Passage> passages, Tagger tagger, byte[] extraction) {
    List<Document> out = new ArrayList<>(passages.size() + 1);
    try {
      for (Passage p : passages) {
        // the exact chain runs once per passage: the tagger and the index writer read the same tokens
        AnalyzedText exact = AnalyzedText.of(tagger.analyzer(), Fields.EXACT, p.text());
        out.add(facets.build(passage(info, p, exact, tagger.tag(exact))));
      }
      out.add(document(info));
      out.add(extraction(info, extraction));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private Document passage(DocumentInfo info, Passage p, AnalyzedText exact, List<Mention> mentions) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
    d.add(new StringField(Fields.ID, info.id() + "#" + p.anchor(), Field.Store.NO));
    d.add(new StringField(Fields.DOC, info.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.DOC_SORT, new BytesRef(info.id())));
    d.add(new SortedSetDocValuesFacetField(Fields.FACET_DOC, info.id()));
    d.add(new StringField(Fields.ANCHOR, p.anchor(), Field.Store.YES));
    d.add(new IntPoint(Fields.ORDINAL, p.ordinal()));
    d.add(new NumericDocValuesField(Fields.ORDINAL, p.ordinal()));
    d.add(new StoredField(Fields.ORDINAL, p.ordinal()));
    d.add(new StoredField(Fields.PAGE, p.page()));
    d.add(new StringField(Fields.LANG, p.lang(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(Fields.FACET_LANG, p.lang()));
    String year = info.year();
    if (year != null) {
      d.add(new StringField(Fields.YEAR, year, Field.Store.NO));
      d.add(new IntPoint(Fields.YEAR, Integer.parseInt(year)));
    }
    for (String v : Issuers.filterValues(info.issuer())) d.add(new StringField(Fields.ISSUER_FILTER, v, Field.Store.NO));
    for (String v : DocumentNumbers.filterValuesOfList(info.number())) d.add(new StringField(Fields.NUMBER_FILTER, v, Field.Store.NO));
    Set<String> concepts = new LinkedHashSet<>();
    for (Mention m : mentions) concepts.add(m.concept());
    for (String c : concepts) {
      d.add(new StringField(Fields.TERM, c, Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_TERM, c));
    }
    d.add(new StoredField(Fields.TEXT, p.text()));
    d.add(new Field(Fields.EN, p.text(), Fields.ANALYSED));
    d.add(new Field(Fields.EXACT, exact.stream(), Fields.ANALYSED));
    // smartcn only where there is Chinese: the zh field only ranks unquoted Han queries, which also
    // require the exact phrase, so a passage without Han characters can never match there; running
    // the HMM segmenter over English text was the top indexing hot spot (issue 7, BENCHMARKS.md)
    if (Scripts.countHan(p.text()) > 0) d.add(new Field(Fields.ZH, p.text(), Fields.ANALYSED));
    d.add(new StoredField(Fields.MENTIONS, StoredMentions.toJson(mentions)));
    if (p.ocr()) d.add(new StoredField(Fields.OCR, 1));
    d.add(new StoredField(Fields.START, p.start()));
    d.add(new StoredField(Fields.END, p.end()));
    return d;
  }

  private Document document(DocumentInfo info) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_DOCUMENT, Field.Store.NO));
    d.add(new StringField(Fields.ID, "doc:" + info.id(), Field.Store.NO));
    d.add(new StringField(Fields.DOC, info.id(), Field.Store.YES));
    d.add(new StringField(Fields.SOURCE, info.source(), Field.Store.YES));
    d.add(new StoredField(Fields.SHA256, info.sha256()));
    d.add(new StoredField(Fields.TITLE, info.title()));
    if (info.titleEn() != null) d.add(new StoredField(Fields.TITLE_EN, info.titleEn()));
    d.add(new StringField(Fields.LANG, info.lang(), Field.Store.YES));
    if (info.date() != null) d.add(new StoredField(Fields.DATE, info.date()));
    if (info.issuer() != null) d.add(new StoredField(Fields.ISSUER, info.issuer()));
    if (info.dateFirst() != null) d.add(new StoredField(Fields.DATE_FIRST, info.dateFirst()));
    if (info.dateSource() != null) d.add(new StoredField(Fields.DATE_SOURCE, info.dateSource()));
    if (info.number() != null) d.add(new StoredField(Fields.NUMBER, info.number()));
    if (info.fingerprint() != null) d.add(new StoredField(Fields.FINGERPRINT, info.fingerprint()));
    d.add(new StoredField(Fields.FORMAT, info.format() == null ? "" : info.format()));
    d.add(new StoredField(Fields.PAGES, info.pages()));
    if (info.ocrPages() > 0) d.add(new StoredField(Fields.OCR_PAGES, info.ocrPages()));
    d.add(new StoredField(Fields.PASSAGES, info.passages()));
    return d;
  }

  /**
   * The extraction in a record of its own: stored fields are decompressed a whole record at a
   * time, so in the document record it made every listing of documents (server start, the first
   * search after a commit) decompress the text of the whole corpus (issue 7).
   */
  private Document extraction(DocumentInfo info, byte[] extraction) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_EXTRACTION, Field.Store.NO));
    d.add(new StringField(Fields.ID, extractionId(info.id()), Field.Store.NO));
    d.add(new StringField(Fields.DOC, info.id(), Field.Store.NO));
    d.add(new StoredField(Fields.EXTRACTED, new BytesRef(extraction)));
    return d;
  }

  static String extractionId(String docId) {
    return "extraction:" + docId;
  }
}
