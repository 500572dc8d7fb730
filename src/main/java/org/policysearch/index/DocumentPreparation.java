package org.policysearch.index;

import java.util.List;
import org.policysearch.corpus.SourceFile;
import org.policysearch.corpus.SourceMetadata;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.FrontMatter;
import org.policysearch.metadata.DocumentMetadata;
import org.policysearch.metadata.MetadataInference;
import org.policysearch.metadata.TextFingerprint;
import org.policysearch.passages.Languages;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;

/**
 * From an extracted file to its metadata and passages, the same for every backend (the embedded
 * {@link Indexer} and the Solr indexer): language from SOURCES.tsv or the detector, Markdown front
 * matter taken off as metadata; title, date, issuer and document number from SOURCES.tsv, then
 * front matter (title, date), then what the document says about itself ({@link MetadataInference}:
 * its text, its file's metadata, its file name); the title finally from the file name.
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
    List<Block> blocks = fm == null ? ex.blocks() : fm.blocks();
    List<Passage> passages = splitter.split(f.docId(), blocks, lang);
    String fmTitle = fm == null ? null : fm.frontMatter().title();
    String fmDate = fm == null ? null : fm.frontMatter().date();
    DocumentMetadata own = MetadataInference.infer(text(blocks), ex.title(), ex.created(), f.path().getFileName().toString());
    String title = meta.title() != null ? meta.title()
        : fmTitle != null ? fmTitle
        : own.title() != null ? own.title()
        : f.path().getFileName().toString();
    String date, dateSource;
    if (meta.date() != null) {
      date = meta.date();
      dateSource = "SOURCES.tsv";
    } else if (fmDate != null) {
      date = fmDate;
      dateSource = "front-matter";
    } else {
      date = own.date();
      dateSource = own.dateSource();
    }
    // the first adoption is kept beside the date when the text's latest version is the date shown
    String dateFirst = own.dateFirst() != null && own.date().equals(date) ? own.dateFirst() : null;
    String issuer = meta.issuer() != null ? meta.issuer() : own.issuer();
    String number = meta.number() != null ? meta.number() : own.numbers().isEmpty() ? null : String.join("; ", own.numbers());
    DocumentInfo info = new DocumentInfo(f.docId(), f.source(), title, meta.titleEnglish(), lang, date, issuer, dateFirst,
        dateSource, number, ex.mediaType(), ex.pages(), passages.size(), sha, fingerprint(passages));
    return new Prepared(info, passages);
  }

  /**
   * The text the metadata rules read: blocks as paragraphs, separated by blank lines; of a long
   * document only its opening and closing blocks (the rules read no further).
   */
  private static String text(List<Block> blocks) {
    StringBuilder head = new StringBuilder();
    int i = 0;
    for (; i < blocks.size() && head.length() < 60_000; i++) head.append(blocks.get(i).text()).append("\n\n");
    StringBuilder tail = new StringBuilder();
    for (int j = blocks.size() - 1; j >= i && tail.length() < 8_000; j--) tail.insert(0, blocks.get(j).text() + "\n\n");
    return head.append(tail).toString();
  }

  private static String fingerprint(List<Passage> passages) {
    StringBuilder b = new StringBuilder();
    for (Passage p : passages) b.append(p.text()).append('\n');
    return TextFingerprint.of(b);
  }

  private static boolean isText(String mediaType) {
    return mediaType != null && (mediaType.startsWith("text/plain") || mediaType.contains("markdown"));
  }
}
