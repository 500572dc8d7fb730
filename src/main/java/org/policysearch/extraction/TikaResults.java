package org.policysearch.extraction;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * What both parse paths (in this JVM, {@link Extractor}, and in the extraction process,
 * {@link ForkedExtraction}) make of Tika's output: the document with its outcome, and errors in
 * a line; so the two paths cannot disagree.
 */
final class TikaResults {
  private TikaResults() {}

  /** Plain text, Markdown and PDF mark no paragraphs: their blocks are re-found from the line layout. */
  static boolean lineLayout(String type) {
    return type != null && (type.startsWith("text/plain") || type.contains("markdown") || type.startsWith("application/pdf"));
  }

  /** The document the handler collected; no text at all is EMPTY, or UNSUPPORTED when no real parser ran. */
  static ExtractedDocument document(BlockHandler handler, Metadata md, String type, long maxChars, boolean writeLimitReached) {
    var blocks = handler.blocks();
    if (blocks.isEmpty()) {
      boolean unsupported = type == null || type.startsWith("application/octet-stream") || isUnparsed(md);
      return ExtractedDocument.failed(unsupported ? Outcome.UNSUPPORTED : Outcome.EMPTY,
          unsupported ? "unsupported format (" + type + ")" : "no text found (" + type + ")", type);
    }
    boolean truncated = handler.truncated() || writeLimitReached;
    Outcome outcome = truncated ? Outcome.TRUNCATED : Outcome.OK;
    String reason = truncated ? "text cut at " + maxChars + " characters" : null;
    return new ExtractedDocument(outcome, reason, type, md.get(TikaCoreProperties.TITLE), md.get(TikaCoreProperties.CREATED),
        handler.pages(), blocks, handler.ocrPages());
  }

  private static boolean isUnparsed(Metadata md) {
    String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    for (String p : parsedBy) if (!p.endsWith("EmptyParser") && !p.endsWith("DefaultParser")) return false;
    return true;
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = root.getMessage();
    String s = root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
