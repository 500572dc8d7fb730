package org.policysearch.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * The single Tika entry point: every file of every format goes through {@link #extract(Path)}
 * and its one {@link AutoDetectParser}. Tika's default 100k-character write limit is replaced by
 * {@link Limits#maxChars()}; a file cut there is {@link Outcome#TRUNCATED}, never silently short.
 * A parse that exceeds {@link Limits#timeoutSeconds()} is abandoned and reported.
 */
public final class Extractor implements AutoCloseable {
  /** Per-file bounds. */
  public record Limits(long maxChars, int timeoutSeconds) {
    public static final Limits DEFAULT = new Limits(50_000_000L, 120);
  }

  private final AutoDetectParser parser = new AutoDetectParser();
  private final Limits limits;
  private final AtomicInteger extractions = new AtomicInteger();
  private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tika-extract");
    t.setDaemon(true);
    return t;
  });

  public Extractor(Limits limits) {
    this.limits = limits;
  }

  /** How many files this extractor has parsed (tests use it to prove re-tagging skips extraction). */
  public int extractions() {
    return extractions.get();
  }

  public ExtractedDocument extract(Path file) {
    extractions.incrementAndGet();
    try {
      if (Files.size(file) == 0) return ExtractedDocument.failed(Outcome.EMPTY, "empty file (0 bytes)", null);
    } catch (NoSuchFileException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "file disappeared before it could be read", null);
    } catch (IOException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "cannot read: " + e.getMessage(), null);
    }
    Future<ExtractedDocument> f = worker.submit(() -> parse(file));
    try {
      return f.get(limits.timeoutSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return ExtractedDocument.failed(Outcome.TIMEOUT, "extraction took longer than " + limits.timeoutSeconds() + " s", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExtractedDocument.failed(Outcome.UNREADABLE, "interrupted", null);
    } catch (ExecutionException e) {
      return ExtractedDocument.failed(Outcome.CORRUPT, describe(e.getCause()), null);
    }
  }

  private ExtractedDocument parse(Path file) {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    ParseContext ctx = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setSortByPosition(false);
    pdf.setExtractInlineImages(false);
    ctx.set(PDFParserConfig.class, pdf);
    ctx.set(Parser.class, parser); // embedded documents (attachments) are parsed with the same parser
    String type = null;
    try (InputStream in = TikaInputStream.get(file, md)) {
      type = parser.getDetector().detect(in, md).toString();
      boolean lineLayout = type.startsWith("text/plain") || type.contains("markdown") || type.equals("application/pdf");
      BlockHandler handler = new BlockHandler(lineLayout, limits.maxChars());
      parser.parse(in, handler, md, ctx);
      var blocks = handler.blocks();
      int pages = handler.pages();
      if (blocks.isEmpty()) {
        boolean unsupported = type.equals("application/octet-stream") || parser.getParsers().get(
            org.apache.tika.mime.MediaType.parse(type)) == null && isUnparsed(md);
        return ExtractedDocument.failed(unsupported ? Outcome.UNSUPPORTED : Outcome.EMPTY,
            unsupported ? "unsupported format (" + type + ")" : "no text found (" + type + "; a scanned PDF needs OCR)", type);
      }
      Outcome outcome = handler.truncated() ? Outcome.TRUNCATED : Outcome.OK;
      String reason = handler.truncated() ? "text cut at " + limits.maxChars() + " characters" : null;
      String created = md.get(TikaCoreProperties.CREATED);
      return new ExtractedDocument(outcome, reason, type, md.get(TikaCoreProperties.TITLE), created, pages, blocks);
    } catch (EncryptedDocumentException e) {
      return ExtractedDocument.failed(Outcome.ENCRYPTED, "encrypted (password-protected)", type);
    } catch (UnsupportedFormatException e) {
      return ExtractedDocument.failed(Outcome.UNSUPPORTED, "unsupported format: " + e.getMessage(), type);
    } catch (ZeroByteFileException e) {
      return ExtractedDocument.failed(Outcome.EMPTY, "empty file (0 bytes)", type);
    } catch (NoSuchFileException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "file disappeared before it could be read", type);
    } catch (AccessDeniedException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "permission denied", type);
    } catch (TikaException | org.xml.sax.SAXException e) {
      Throwable c = e;
      while (c.getCause() != null && !(c instanceof EncryptedDocumentException)) c = c.getCause();
      if (c instanceof EncryptedDocumentException) {
        return ExtractedDocument.failed(Outcome.ENCRYPTED, "encrypted (password-protected)", type);
      }
      return ExtractedDocument.failed(Outcome.CORRUPT, "cannot parse " + (type == null ? "file" : type) + ": " + describe(e), type);
    } catch (IOException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "cannot read: " + describe(e), type);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return ExtractedDocument.failed(Outcome.CORRUPT, "parser failed on " + (type == null ? "file" : type) + ": " + describe(e), type);
    }
  }

  private static boolean isUnparsed(Metadata md) {
    String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    for (String p : parsedBy) if (!p.endsWith("EmptyParser") && !p.endsWith("DefaultParser")) return false;
    return true;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = root.getMessage();
    String s = root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
