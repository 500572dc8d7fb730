package org.policysearch.index;

import java.util.List;
import org.policysearch.corpus.SourceFile;
import org.policysearch.corpus.SourceMetadata;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.FrontMatter;
import org.policysearch.passages.Languages;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;

/**
 * From an extracted file to its metadata and passages, the same for every backend (the embedded
 * {@link Indexer} and the Solr indexer): language from SOURCES.tsv or the detector, Markdown front
 * matter taken off as metadata, title and date from SOURCES.tsv, then front matter, then the file's
 * own metadata, then the first short passage or the file name.
 */
final class DocumentPreparation {
  private DocumentPreparation() {}

  record Prepared(DocumentInfo info, List<Passage> passages) {}

  static Prepared prepare(PassageSplitter splitter, SourceFile f, SourceMetadata meta, ExtractedDocument ex, String sha) {
    String lang = meta.language();
    if (lang == null) {
      StringBuilder sample = new StringBuilder();
      for (var b : ex.blocks()) {
        if (sample.length() > 20_000) break;
        sample.append(b.text()).append('\n');
      }
      lang = DocumentLanguage.detect(sample.toString(), Languages.of(sample.toString(), "en"));
    }
    // Markdown and text files may open with YAML front matter: metadata, not text
    FrontMatter.BlocksSplit fm = isText(ex.mediaType()) ? FrontMatter.of(ex.blocks()) : null;
    List<Passage> passages = splitter.split(f.docId(), fm == null ? ex.blocks() : fm.blocks(), lang);
    if (!ex.ocrPages().isEmpty()) passages = passages.stream().map(p -> p.withOcr(ex.ocr(p.page()))).toList();
    String fmTitle = fm == null ? null : fm.frontMatter().title();
    String fmDate = fm == null ? null : fm.frontMatter().date();
    String title = meta.title() != null ? meta.title()
        : fmTitle != null ? fmTitle
        : ex.title() != null && !ex.title().isBlank() ? ex.title().strip()
        : !passages.isEmpty() && passages.get(0).text().length() <= 120 ? passages.get(0).text()
        : f.path().getFileName().toString();
    String date = meta.date() != null ? meta.date()
        : fmDate != null ? fmDate
        : ex.created() != null && ex.created().length() >= 10 ? ex.created().substring(0, 10) : null;
    DocumentInfo info = new DocumentInfo(f.docId(), f.source(), title, meta.titleEnglish(), lang, date, meta.issuer(),
        ex.mediaType(), ex.pages(), passages.size(), sha, ex.ocrPages().size());
    return new Prepared(info, passages);
  }

  private static boolean isText(String mediaType) {
    return mediaType != null && (mediaType.startsWith("text/plain") || mediaType.contains("markdown"));
  }
}
