package org.policysearch.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.policysearch.analysis.Analyzers;

/**
 * The index schema: every field name, once. One Lucene document per passage
 * ({@code kind=passage}), one per source file with its metadata ({@code kind=document}) and one
 * with the file's extracted blocks ({@code kind=extraction}, so a glossary change re-tags without
 * re-extracting; a record of its own so that listing documents never decompresses the text).
 *
 * <table>
 *   <tr><th>field</th><th>analysis</th><th>used for</th></tr>
 *   <tr><td>en</td><td>English stemmed</td><td>ranking unquoted English</td></tr>
 *   <tr><td>exact</td><td>words + Han bigrams/unigrams, nothing dropped</td><td>every quoted phrase; tagging</td></tr>
 *   <tr><td>zh</td><td>smartcn words</td><td>ranking unquoted Chinese</td></tr>
 *   <tr><td>text</td><td>stored</td><td>display, highlighting (offsets from the three fields above)</td></tr>
 *   <tr><td>doc, lang, term</td><td>keyword + facet</td><td>filters doc:, lang:, term: and facets</td></tr>
 *   <tr><td>year</td><td>keyword + point</td><td>filter year: (also ranges)</td></tr>
 *   <tr><td>issuer_filter, number_filter</td><td>keyword (folded names and aliases)</td><td>filters issuer: and number:</td></tr>
 *   <tr><td>ordinal</td><td>point + doc values</td><td>tie-break sorting, document order</td></tr>
 * </table>
 */
public final class Fields {
  private Fields() {}

  /** Bump when the schema or analysis changes: an index of another version is rebuilt from its stored extractions. */
  public static final String SCHEMA_VERSION = "14"; // 12: file_stamp on document entries; 13: doc_entry; 14: the copies entry (issue 20)

  public static final String KIND = "kind";
  public static final String KIND_PASSAGE = "passage";
  public static final String KIND_DOCUMENT = "document";
  /** The stored extraction of one file (until schema 5 it was a field of the document record). */
  public static final String KIND_EXTRACTION = "extraction";
  /** One entry holding the effective glossary (typed and generated concepts) as JSON. */
  public static final String KIND_GLOSSARY = "glossary";
  /** The one entry holding the copies the run grouped ({@link Copies#toText}; embedded index only). */
  public static final String KIND_COPIES = "copies";
  public static final String COPIES = "copies";
  public static final String CONCEPTS = "concepts";
  public static final String ID = "id";

  // passage fields
  public static final String DOC = "doc";
  public static final String DOC_SORT = "doc_sort";
  public static final String ANCHOR = "anchor";
  public static final String ORDINAL = "ordinal";
  public static final String PAGE = "page";
  public static final String LANG = "lang";
  public static final String YEAR = "year";
  /** The document's issuer, folded, with its aliases ({@code org.policysearch.metadata.Issuers#filterValues}). */
  public static final String ISSUER_FILTER = "issuer_filter";
  /** The document's numbers, folded ({@code org.policysearch.metadata.DocumentNumbers#filterValues}). */
  public static final String NUMBER_FILTER = "number_filter";
  public static final String TERM = "term";
  public static final String TEXT = "text";
  public static final String EN = "en";
  public static final String EXACT = "exact";
  public static final String ZH = "zh";
  public static final String MENTIONS = "mentions";
  public static final String START = "start";
  public static final String END = "end";

  // document fields
  public static final String SOURCE = "source";
  public static final String SHA256 = "sha256";
  /** The file's size and modification time when it was hashed ("size/mtime-microseconds"): a file with the same stamp is not hashed again. */
  public static final String FILE_STAMP = "file_stamp";
  public static final String TITLE = "title";
  public static final String TITLE_EN = "title_en";
  public static final String DATE = "date";
  public static final String ISSUER = "issuer";
  public static final String DATE_FIRST = "date_first";
  public static final String DATE_SOURCE = "date_source";
  public static final String NUMBER = "number";
  /** The text's fingerprint: documents held by two files are found as copies from it ({@link Copies}). */
  public static final String FINGERPRINT = "fingerprint";
  /** The document's listing record as one binary doc value ({@link DocumentEntry}; embedded index only): a server's start reads it. */
  public static final String DOC_ENTRY = "doc_entry";
  public static final String FORMAT = "format";
  public static final String PAGES = "pages";
  /** Document: how many pages were read by OCR (stored, only when some were). */
  public static final String OCR_PAGES = "ocr_pages";
  /** Passage: 1 when its text was recognised by OCR (stored, only then): the API and reader mark it. */
  public static final String OCR = "ocr";
  public static final String PASSAGES = "passages";
  public static final String CHARS = "chars";
  public static final String OUTCOME = "outcome";
  public static final String EXTRACTED = "extracted";

  // commit user data
  public static final String COMMIT_SCHEMA = "schema";
  public static final String COMMIT_GLOSSARY = "glossary";

  /** Facet dimensions (sorted-set doc values, no taxonomy index). */
  public static final String FACET_DOC = "f_doc";
  public static final String FACET_LANG = "f_lang";
  public static final String FACET_TERM = "f_term";

  /** Analysed text: positions and offsets in the postings, so phrases and the highlighter work without re-analysis. */
  public static final FieldType ANALYSED;

  static {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    ANALYSED = t;
  }

  public static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued(FACET_TERM, true);
    // facets are only counted (from doc values); the doc:, lang: and term: filters use their own
    // fields, so the drill-down terms Lucene would index for every passage are never read
    for (String dim : new String[] {FACET_DOC, FACET_LANG, FACET_TERM}) c.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    return c;
  }

  /** The per-field analyser used at index and query time. */
  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
        EN, Analyzers.englishStemmed(),
        EXACT, Analyzers.exact(),
        ZH, Analyzers.chineseWords()));
  }
}
