package org.policysearch.index;

import static org.policysearch.index.FieldMapping.Type.ANALYSED;
import static org.policysearch.index.FieldMapping.Type.ANALYSED_HAN;
import static org.policysearch.index.FieldMapping.Type.DISPLAY_TEXT;
import static org.policysearch.index.FieldMapping.Type.ENTRY;
import static org.policysearch.index.FieldMapping.Type.FACET;
import static org.policysearch.index.FieldMapping.Type.KEYWORD;
import static org.policysearch.index.FieldMapping.Type.SORTED_INT;
import static org.policysearch.index.FieldMapping.Type.SORT_KEY;
import static org.policysearch.index.FieldMapping.Type.STORED;
import static org.policysearch.index.FieldMapping.Type.STORED_EMBEDDED;
import static org.policysearch.index.FieldMapping.Type.STORED_KEYWORD;
import static org.policysearch.index.FieldMapping.Type.YEAR;

import java.util.LinkedHashSet;
import java.util.Set;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.metadata.DocumentNumbers;
import org.policysearch.metadata.Issuers;
import org.policysearch.passages.Passage;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryJson;
import org.policysearch.terms.Mention;

/**
 * The one mapping from a document and its tagged passages to index fields, for both backends
 * (in the manner of the Lucene demo's {@code IndexFiles}): every field is added here once, with
 * its {@link Type} and why. A {@link Sink} turns a typed field into the backend's own:
 * {@link PassageDocuments} into Lucene fields, {@code org.policysearch.solr.SolrIndexer} into a
 * Solr input document (whose schema, {@code SolrConfigset}, declares the same types by name).
 * Field names are in {@link Fields}.
 */
public final class FieldMapping {
  private FieldMapping() {}

  /** How a field is indexed and stored. */
  public enum Type {
    /** One token, indexed, not stored: found by its exact value (entry kind, id, filters). */
    KEYWORD,
    /** One token, indexed and stored: filtered on and read back (document id, anchor, language, concept). */
    STORED_KEYWORD,
    /**
     * Counted as a facet from sorted-set doc values. The embedded index keeps them in a field of
     * their own; Solr's schema gives the filtered field itself doc values, so Solr is not sent it.
     */
    FACET,
    /** Sorted by, from sorted doc values; embedded only, as {@link #FACET}. */
    SORT_KEY,
    /** A number sorted by and filtered by range: a point, numeric doc values and the stored value. */
    SORTED_INT,
    /** A year: one token (year:2017) and a point (year ranges); Solr has an int point with doc values. */
    YEAR,
    /** Stored only: read back for display, never searched (not indexed keeps the index small). */
    STORED,
    /**
     * Stored only, in the embedded index only: the file stamp that lets a run skip hashing an
     * unchanged file (issue 20, cold start). Solr collections made before it have no such field,
     * so Solr runs hash every file as before.
     */
    STORED_EMBEDDED,
    /**
     * A binary doc value, in the embedded index only: the document's listing record
     * ({@link DocumentEntry}), read for every document when a server starts without decompressing
     * the stored passages around it (issue 20, cold start). Solr reads its stored fields instead.
     */
    ENTRY,
    /**
     * The passage's text, stored for display and highlighting in the embedded index. Solr stores
     * the analysed fields themselves (its highlighter reads them), so it is not sent this one.
     */
    DISPLAY_TEXT,
    /**
     * Analysed text with positions and offsets in the postings ({@link Fields#ANALYSED}): phrase
     * queries need positions, and the highlighter reads offsets without analysing again. Not stored.
     */
    ANALYSED,
    /**
     * {@link #ANALYSED}, by the Chinese word segmenter. The embedded index adds it only where there
     * is Han (issue 7): the zh field only ranks unquoted Han queries, which also require the exact
     * phrase, so a passage without Han can never match there, and segmenting English text was the
     * top indexing hot spot (BENCHMARKS.md). Solr is sent it for every passage, as before (the
     * field's statistics, so Solr's scores, depend on it).
     */
    ANALYSED_HAN
  }

  /** Receives the typed fields of one entry. */
  public interface Sink {
    void add(Type type, String name, String value);

    void add(Type type, String name, int value);

    /** Analysed text whose tokens were already made (the tagger read them): the embedded index indexes those. */
    void add(Type type, String name, String text, AnalyzedText tokens);

    void add(Type type, String name, byte[] value);
  }

  /** The id of the one glossary entry. */
  public static final String GLOSSARY_ID = "glossary";
  /** The id of the one copies entry. */
  public static final String COPIES_ID = "copies";

  public static String passageId(String docId, String anchor) {
    return docId + "#" + anchor;
  }

  public static String documentId(String docId) {
    return "doc:" + docId;
  }

  /** One passage: the unit of search, highlighting and deep links. */
  public static void passage(DocumentInfo info, TaggedPassage tagged, Sink out) {
    Passage p = tagged.passage();
    // which entry this is, and its id (a document's entries are replaced together, by the doc field)
    out.add(KEYWORD, Fields.KIND, Fields.KIND_PASSAGE);
    out.add(KEYWORD, Fields.ID, passageId(info.id(), p.anchor()));
    // the document: filter doc:, read back with the hit, ties broken by it, hits counted per document
    out.add(STORED_KEYWORD, Fields.DOC, info.id());
    out.add(SORT_KEY, Fields.DOC_SORT, info.id());
    out.add(FACET, Fields.FACET_DOC, info.id());
    // the deep link's stable anchor; the ordinal orders a document's passages and breaks ties
    out.add(STORED_KEYWORD, Fields.ANCHOR, p.anchor());
    out.add(SORTED_INT, Fields.ORDINAL, p.ordinal());
    out.add(STORED, Fields.PAGE, p.page());
    out.add(STORED_KEYWORD, Fields.LANG, p.lang());
    out.add(FACET, Fields.FACET_LANG, p.lang());
    // the document's metadata on each passage, so that year:, issuer: and number: filter passages directly
    String year = info.year();
    if (year != null) out.add(YEAR, Fields.YEAR, year);
    for (String v : Issuers.filterValues(info.issuer())) out.add(KEYWORD, Fields.ISSUER_FILTER, v);
    for (String v : DocumentNumbers.filterValuesOfList(info.number())) out.add(KEYWORD, Fields.NUMBER_FILTER, v);
    // the glossary concepts the passage mentions: filter term:, shown with the hit, counted as a facet
    Set<String> concepts = new LinkedHashSet<>();
    for (Mention m : tagged.mentions()) concepts.add(m.concept());
    for (String c : concepts) {
      out.add(STORED_KEYWORD, Fields.TERM, c);
      out.add(FACET, Fields.FACET_TERM, c);
    }
    // the text, once stored and three times analysed (see Fields: en ranks English, exact finds quoted
    // phrases and is what the tagger read, zh ranks Chinese)
    out.add(DISPLAY_TEXT, Fields.TEXT, p.text());
    out.add(ANALYSED, Fields.EN, p.text());
    out.add(ANALYSED, Fields.EXACT, p.text(), tagged.exact());
    out.add(ANALYSED_HAN, Fields.ZH, p.text());
    // the mentions with their offsets, as JSON: the reader marks them without tagging again
    out.add(STORED, Fields.MENTIONS, StoredMentions.toJson(tagged.mentions()));
    if (p.ocr()) out.add(STORED, Fields.OCR, 1);
    // where the passage lies in the document's text
    out.add(STORED, Fields.START, p.start());
    out.add(STORED, Fields.END, p.end());
  }

  /** One document: its metadata, read back whole (listings, the reader, the next run's decisions); never searched by text. */
  public static void document(DocumentInfo info, Sink out) {
    out.add(KEYWORD, Fields.KIND, Fields.KIND_DOCUMENT);
    out.add(KEYWORD, Fields.ID, documentId(info.id()));
    out.add(STORED_KEYWORD, Fields.DOC, info.id());
    // the next run finds the file's entry by its path and compares its hash
    out.add(STORED_KEYWORD, Fields.SOURCE, info.source());
    out.add(STORED, Fields.SHA256, info.sha256());
    // and skips the hash when size and modification time are those the hash was taken at
    if (info.stamp() != null) out.add(STORED_EMBEDDED, Fields.FILE_STAMP, info.stamp());
    out.add(STORED, Fields.TITLE, info.title());
    if (info.titleEn() != null) out.add(STORED, Fields.TITLE_EN, info.titleEn());
    out.add(STORED_KEYWORD, Fields.LANG, info.lang());
    if (info.date() != null) out.add(STORED, Fields.DATE, info.date());
    if (info.issuer() != null) out.add(STORED, Fields.ISSUER, info.issuer());
    if (info.dateFirst() != null) out.add(STORED, Fields.DATE_FIRST, info.dateFirst());
    if (info.dateSource() != null) out.add(STORED, Fields.DATE_SOURCE, info.dateSource());
    if (info.number() != null) out.add(STORED, Fields.NUMBER, info.number());
    if (info.fingerprint() != null) out.add(STORED, Fields.FINGERPRINT, info.fingerprint());
    out.add(STORED, Fields.FORMAT, info.format() == null ? "" : info.format());
    out.add(STORED, Fields.PAGES, info.pages());
    if (info.ocrPages() > 0) out.add(STORED, Fields.OCR_PAGES, info.ocrPages());
    out.add(STORED, Fields.PASSAGES, info.passages());
    // the same record again as a column of its own, which a server's start reads for every document
    out.add(ENTRY, Fields.DOC_ENTRY, DocumentEntry.encode(info));
  }

  /**
   * The embedded index's extraction entry: stored fields are decompressed a whole entry at a time,
   * so in the document entry the extraction made every listing of documents decompress the text of
   * the whole corpus (issue 7). Its doc field is indexed so the entry is replaced with its document.
   */
  public static void extraction(DocumentInfo info, byte[] extraction, Sink out) {
    out.add(KEYWORD, Fields.KIND, Fields.KIND_EXTRACTION);
    out.add(KEYWORD, Fields.ID, PassageDocuments.extractionId(info.id()));
    out.add(KEYWORD, Fields.DOC, info.id());
    extracted(extraction, out);
  }

  /**
   * The file's extracted blocks ({@code StoredExtraction}): a re-tag after a glossary or schema
   * change reads them instead of extracting again. Solr keeps them in the document entry.
   */
  public static void extracted(byte[] extraction, Sink out) {
    out.add(STORED, Fields.EXTRACTED, extraction);
  }

  /**
   * The copies entry, in the embedded index only: the files that hold the same document, as the
   * indexing run grouped them from every file's fingerprint ({@link Copies}) just before its commit,
   * so that they always agree with the commit's documents. A server reads it instead of grouping
   * them again. Solr's search side groups them from its documents, as before.
   */
  public static void copies(Copies copies, Sink out) {
    out.add(KEYWORD, Fields.KIND, Fields.KIND_COPIES);
    out.add(KEYWORD, Fields.ID, COPIES_ID);
    out.add(STORED_EMBEDDED, Fields.COPIES, copies.toText());
  }

  /** The glossary entry: the effective glossary (typed and generated concepts) as JSON, read by search. */
  public static void glossary(Glossary glossary, Sink out) {
    out.add(KEYWORD, Fields.KIND, Fields.KIND_GLOSSARY);
    out.add(KEYWORD, Fields.ID, GLOSSARY_ID);
    out.add(STORED, Fields.CONCEPTS, GlossaryJson.write(glossary));
  }
}
