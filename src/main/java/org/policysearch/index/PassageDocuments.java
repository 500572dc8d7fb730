package org.policysearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.analysis.Scripts;
import org.policysearch.terms.Glossary;

/**
 * The embedded backend's documents: a document and its tagged passages as Lucene documents, by the
 * one {@link FieldMapping} (each of its types as Lucene fields here), and the {@link DocumentWriter}
 * into an {@link IndexWriter}.
 */
public final class PassageDocuments {
  private final FacetsConfig facets = Fields.facetsConfig();

  /** Writes into writer: updateDocuments by the doc field, so a document's entries are replaced as one block. */
  public static DocumentWriter into(IndexWriter writer) {
    return (info, passages, extraction, replacedDocId) -> {
      if (replacedDocId != null) writer.deleteDocuments(new Term(Fields.DOC, replacedDocId));
      writer.updateDocuments(new Term(Fields.DOC, info.id()), new PassageDocuments().build(info, passages, extraction));
    };
  }

  /** The passage entries, then the document entry, then the extraction entry. */
  public List<Document> build(DocumentInfo info, List<TaggedPassage> passages, byte[] extraction) {
    List<Document> out = new ArrayList<>(passages.size() + 2);
    try {
      for (TaggedPassage p : passages) {
        LuceneSink d = new LuceneSink();
        FieldMapping.passage(info, p, d);
        out.add(facets.build(d.doc));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LuceneSink d = new LuceneSink();
    FieldMapping.document(info, d);
    out.add(d.doc);
    LuceneSink x = new LuceneSink();
    FieldMapping.extraction(info, extraction, x);
    out.add(x.doc);
    return out;
  }

  /** The copies entry. */
  static Document copies(Copies copies) {
    LuceneSink d = new LuceneSink();
    FieldMapping.copies(copies, d);
    return d.doc;
  }

  /** The glossary entry. */
  static Document glossary(Glossary glossary) {
    LuceneSink d = new LuceneSink();
    FieldMapping.glossary(glossary, d);
    return d.doc;
  }

  /** Each {@link FieldMapping.Type} as Lucene fields. */
  private static final class LuceneSink implements FieldMapping.Sink {
    final Document doc = new Document();

    @Override
    public void add(FieldMapping.Type type, String name, String value) {
      switch (type) {
        case KEYWORD -> doc.add(new StringField(name, value, Field.Store.NO));
        case STORED_KEYWORD -> doc.add(new StringField(name, value, Field.Store.YES));
        case FACET -> doc.add(new SortedSetDocValuesFacetField(name, value));
        case SORT_KEY -> doc.add(new SortedDocValuesField(name, new BytesRef(value)));
        case YEAR -> {
          doc.add(new StringField(name, value, Field.Store.NO));
          doc.add(new IntPoint(name, Integer.parseInt(value)));
        }
        case STORED, STORED_EMBEDDED, DISPLAY_TEXT -> doc.add(new StoredField(name, value));
        case ANALYSED -> doc.add(new Field(name, value, Fields.ANALYSED));
        case ANALYSED_HAN -> {
          if (Scripts.countHan(value) > 0) doc.add(new Field(name, value, Fields.ANALYSED));
        }
        default -> throw unsupported(type, name);
      }
    }

    @Override
    public void add(FieldMapping.Type type, String name, int value) {
      switch (type) {
        case SORTED_INT -> {
          doc.add(new IntPoint(name, value));
          doc.add(new NumericDocValuesField(name, value));
          doc.add(new StoredField(name, value));
        }
        case STORED -> doc.add(new StoredField(name, value));
        default -> throw unsupported(type, name);
      }
    }

    @Override
    public void add(FieldMapping.Type type, String name, String text, AnalyzedText tokens) {
      if (type != FieldMapping.Type.ANALYSED) throw unsupported(type, name);
      doc.add(new Field(name, tokens.stream(), Fields.ANALYSED));
    }

    @Override
    public void add(FieldMapping.Type type, String name, byte[] value) {
      switch (type) {
        case STORED -> doc.add(new StoredField(name, new BytesRef(value)));
        case ENTRY -> doc.add(new org.apache.lucene.document.BinaryDocValuesField(name, new BytesRef(value)));
        default -> throw unsupported(type, name);
      }
    }

    private static IllegalArgumentException unsupported(FieldMapping.Type type, String name) {
      return new IllegalArgumentException("no Lucene field for " + name + " as " + type);
    }
  }

  /** The id of a document's extraction entry (the embedded index's own: Solr keeps the extraction in the document entry). */
  static String extractionId(String docId) {
    return "extraction:" + docId;
  }
}
