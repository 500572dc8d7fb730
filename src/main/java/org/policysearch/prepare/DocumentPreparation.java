package org.policysearch.prepare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.policysearch.corpus.SourceFile;
import org.policysearch.corpus.SourceMetadata;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.FrontMatter;
import org.policysearch.passages.Anchors;
import org.policysearch.metadata.DocumentMetadata;
import org.policysearch.metadata.MetadataInference;
import org.policysearch.metadata.TextFingerprint;
import org.policysearch.passages.Languages;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;

/**
 * From an extracted file to its metadata and passages, the same for every backend (the index's
 * per-file pipeline calls it between extraction and tagging): language from SOURCES.tsv or the detector, Markdown front
 * matter taken off as metadata; title, date, issuer and document number from SOURCES.tsv, then
 * front matter (title, date), then what the document says about itself ({@link MetadataInference}:
 * its text, its file's metadata, its file name); the title finally from the file name. A title the
 * body does not contain (an HTML page's {@code <title>}, a PDF's metadata title, SOURCES.tsv's
 * titles) becomes a passage of its own before the body, so its words find the document (issue 16).
 * Passages on pages read by OCR are marked (issue 15).
 */
public final class DocumentPreparation {
  private DocumentPreparation() {}

  /**
   * A prepared document: its metadata and its passages (titles the body lacks first).
   *
   * @param lang zh, en or mixed: from SOURCES.tsv or detected
   * @param title the title shown: SOURCES.tsv, front matter, the document's own, or the file name
   * @param titleEn English title from SOURCES.tsv, may be null
   * @param date ISO date or a prefix of one, may be null
   * @param dateSource the rule that gave the date, may be null
   * @param dateFirst the first adoption when the date is a later amendment, may be null
   * @param issuer may be null
   * @param number document numbers, "; " between them, may be null
   * @param fingerprint {@link TextFingerprint} of the body's passages (finds copies)
   * @param passages the passages, numbered from 0
   */
  public record Prepared(String lang, String title, String titleEn, String date, String dateSource, String dateFirst,
      String issuer, String number, String fingerprint, List<Passage> passages) {}

  public static Prepared prepare(PassageSplitter splitter, SourceFile f, SourceMetadata meta, ExtractedDocument ex) {
    String lang = meta.language();
    if (lang == null) {
      StringBuilder sample = new StringBuilder();
      for (var b : ex.blocks()) {
        if (sample.length() >= DocumentLanguage.SAMPLE_CHARS) break;
        sample.append(b.text()).append('\n');
      }
      lang = DocumentLanguage.detect(sample.toString(), Languages.of(sample.toString(), "en"));
    }
    // Markdown and text files may open with YAML front matter: metadata, not text
    FrontMatter.BlocksSplit fm = isText(ex.mediaType()) ? FrontMatter.of(ex.blocks()) : null;
    List<Block> blocks = fm == null ? ex.blocks() : fm.blocks();
    List<Passage> passages = splitter.split(f.docId(), blocks, lang);
    if (!ex.ocrPages().isEmpty()) passages = passages.stream().map(p -> p.withOcr(ex.ocr(p.page()))).toList();
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
    String fingerprint = fingerprint(passages); // of the body: a copy without a metadata title is still a copy
    passages = withTitles(f.docId(), lang, passages, meta.title(), fmTitle, ex.title(), meta.titleEnglish());
    return new Prepared(lang, title, meta.titleEnglish(), date, dateSource, dateFirst, issuer, number, fingerprint, passages);
  }

  /**
   * The passages with a passage first for each title (from metadata, not guessed from the text or
   * the file name) that the body lacks; the body's passages follow, renumbered. A title already in
   * the body adds nothing, so the document is not listed twice for it.
   */
  static List<Passage> withTitles(String docId, String lang, List<Passage> body, String... titles) {
    StringBuilder all = new StringBuilder();
    for (Passage p : body) all.append(Anchors.normalize(p.text())).append('\n');
    String bodyText = all.toString();
    Set<String> seen = new HashSet<>();
    List<String> missing = new ArrayList<>();
    for (String t : Arrays.asList(titles)) {
      if (t == null || t.isBlank()) continue;
      String n = Anchors.normalize(t);
      if (n.isEmpty() || !seen.add(n) || bodyText.contains(n)) continue;
      missing.add(t.strip());
    }
    if (missing.isEmpty()) return body;
    List<Passage> out = new ArrayList<>(body.size() + missing.size());
    Anchors anchors = new Anchors(docId);
    int offset = 0;
    for (String t : missing) {
      if (!out.isEmpty()) offset += 2;
      out.add(new Passage(docId, out.size(), 0, Languages.of(t, lang), t, offset, offset + t.length(), anchors.next(t)));
      offset += t.length();
    }
    int shift = offset + 2, n = out.size();
    for (Passage p : body) {
      out.add(new Passage(docId, p.ordinal() + n, p.page(), p.lang(), p.text(), p.start() + shift, p.end() + shift, p.anchor(), p.ocr()));
    }
    return out;
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
