package org.policysearch.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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

/**
 * The single Tika entry point: every file of every format goes through {@link #extract(Path)}.
 *
 * <p>By default ({@link Limits#forked()}) the parse runs in a separate JVM through Tika's own
 * pipes ({@link ForkedExtraction}): a parser that loops is killed after
 * {@link Limits#timeoutSeconds()}, one that exhausts {@link Limits#childHeap()} dies alone, and in
 * both cases the child is restarted for the next file (issue 6). The in-process path remains for
 * callers that ask for it explicitly; there a timeout abandons the parse but cannot stop a looping
 * thread or an out-of-memory error.
 *
 * <p>Either way the XHTML Tika produces goes through the same {@link BlockHandler}, so both paths
 * yield the same blocks and page numbers. Tika's default 100k-character write limit is replaced by
 * {@link Limits#maxChars()}; a file cut there is {@link Outcome#TRUNCATED}, never silently short.
 * Files larger than {@link Limits#maxFileBytes()} are not read ({@link Outcome#TOO_LARGE}).
 */
public final class Extractor implements AutoCloseable {
  /**
   * Per-file bounds.
   *
   * @param maxChars characters indexed per file; the rest is cut and reported
   * @param timeoutSeconds a parse taking longer is stopped and reported
   * @param maxFileBytes larger files are reported as too large, never opened
   * @param childHeap the extraction process's maximum heap ({@code -Xmx} value, e.g. 512m)
   * @param forked parse in a separate JVM (the default); false parses in this JVM
   */
  public record Limits(long maxChars, int timeoutSeconds, long maxFileBytes, String childHeap, boolean forked, Ocr.Mode ocr,
      int ocrTimeoutSeconds) {
    public static final long DEFAULT_MAX_CHARS = 50_000_000L;
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;
    /** OCR takes 4.5 to 6 s a page on one core here (BENCHMARKS.md): a 300-page scan fits. */
    public static final int DEFAULT_OCR_TIMEOUT_SECONDS = 1800;
    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final String DEFAULT_CHILD_HEAP = "512m";
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT_SECONDS);
    /** The same limits, parsed in this JVM (faster to start; no protection against loops or memory exhaustion). */
    public static final Limits IN_PROCESS = DEFAULT.inProcess();

    public Limits {
      if (maxChars < 1 || maxChars > Integer.MAX_VALUE) throw new IllegalArgumentException("maxChars must be 1.." + Integer.MAX_VALUE + ", not " + maxChars);
      if (timeoutSeconds < 1) throw new IllegalArgumentException("the timeout must be at least 1 second, not " + timeoutSeconds);
      if (ocrTimeoutSeconds < 1) throw new IllegalArgumentException("the OCR timeout must be at least 1 second, not " + ocrTimeoutSeconds);
      if (maxFileBytes < 1) throw new IllegalArgumentException("the maximum file size must be positive, not " + maxFileBytes);
      if (childHeap == null || !childHeap.matches("[1-9][0-9]*[kKmMgG]?")) {
        throw new IllegalArgumentException("the extraction heap must look like 512m or 2g, not '" + childHeap + "'");
      }
      if (ocr == null) ocr = Ocr.Mode.AUTO;
    }

    /** OCR in its default mode (auto) and time limit. */
    public Limits(long maxChars, int timeoutSeconds, long maxFileBytes, String childHeap, boolean forked) {
      this(maxChars, timeoutSeconds, maxFileBytes, childHeap, forked, Ocr.Mode.AUTO, DEFAULT_OCR_TIMEOUT_SECONDS);
    }

    /** Forked extraction with the default file size and heap limits. */
    public Limits(long maxChars, int timeoutSeconds) {
      this(maxChars, timeoutSeconds, DEFAULT_MAX_FILE_BYTES, DEFAULT_CHILD_HEAP, true);
    }

    public Limits inProcess() {
      return new Limits(maxChars, timeoutSeconds, maxFileBytes, childHeap, false, ocr, ocrTimeoutSeconds);
    }

    public Limits withOcr(Ocr.Mode mode, int ocrTimeoutSeconds) {
      return new Limits(maxChars, timeoutSeconds, maxFileBytes, childHeap, forked, mode, ocrTimeoutSeconds);
    }
  }

  private final Limits limits;
  private final AtomicInteger extractions = new AtomicInteger();
  private final AtomicInteger ocrFiles = new AtomicInteger(), ocrPages = new AtomicInteger();
  private final java.util.Set<String> ocrMissed = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.Map<String, String> ocrFailed = new java.util.concurrent.ConcurrentHashMap<>();
  private final Path workDir;
  private volatile Ocr.Availability availability;
  private volatile ForkedExtraction forked; // created when the first file needs it (a server with a current index may need none)
  private volatile ForkedExtraction ocrForked; // created when the first file needs OCR
  private volatile AutoDetectParser parser; // in-process only, created on first use
  private volatile AutoDetectParser ocrParser;
  private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tika-extract");
    t.setDaemon(true);
    return t;
  });

  public Extractor(Limits limits) {
    this(limits, null);
  }

  /** With a given view of Tesseract (tests: a machine without it); null finds out on first need. */
  Extractor(Limits limits, Ocr.Availability availability) {
    this.limits = limits;
    this.availability = availability;
    try {
      this.workDir = Files.createTempDirectory("policysearch-tika");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot create a temporary folder for the extraction processes", e);
    }
  }

  public Limits limits() {
    return limits;
  }

  /** Files whose text came (wholly or in part) from OCR, and their OCR'd pages (an image counts one). */
  public int ocrFiles() {
    return ocrFiles.get();
  }

  public int ocrPages() {
    return ocrPages.get();
  }

  /**
   * Null, or one sentence saying why some files that needed OCR could not have it (Tesseract or a
   * language model missing); {@link #ocrMissed()} names them.
   */
  public String ocrProblem() {
    if (ocrMissed.isEmpty() && ocrFiles.get() == 0) return null; // nothing needed OCR: no need to look for Tesseract
    Ocr.Availability a = availability();
    return a.problem();
  }

  private Ocr.Availability availability() {
    Ocr.Availability a = availability;
    if (a == null) availability = a = Ocr.availability();
    return a;
  }

  /**
   * PDFs whose pages without text could not be OCR'd (a timeout, a crash) although Tesseract is
   * there: their text layer was indexed, the rest is missing. "file: reason", sorted.
   */
  public List<String> ocrFailed() {
    return ocrFailed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
  }

  /** The files that needed OCR and could not have it, sorted. */
  public List<String> ocrMissed() {
    return ocrMissed.stream().sorted().toList();
  }

  /** How many files this extractor has parsed (tests use it to prove re-tagging skips extraction). */
  public int extractions() {
    return extractions.get();
  }

  /** Extracts one file; never throws: every problem is an {@link Outcome} with a reason. */
  public ExtractedDocument extract(Path file) {
    extractions.incrementAndGet();
    try {
      long size = Files.size(file);
      if (size == 0) return ExtractedDocument.failed(Outcome.EMPTY, "empty file (0 bytes)", null);
      if (size > limits.maxFileBytes()) {
        return ExtractedDocument.failed(Outcome.TOO_LARGE, String.format("too large: %.1f MB, the limit is %.1f MB (--max-file-mb)",
            size / 1048576.0, limits.maxFileBytes() / 1048576.0), null);
      }
    } catch (NoSuchFileException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "file disappeared before it could be read", null);
    } catch (IOException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "cannot read: " + e.getMessage(), null);
    }
    // a small plain-text or Markdown file cannot make a parser loop, unpack anything or exhaust
    // memory: parsing it here saves a round trip to the child per file (the bench corpus is 17,843
    // Markdown files); large ones still go to the memory-bounded child
    boolean smallText = isPlainText(file) && fileSize(file) <= IN_PROCESS_TEXT_BYTES;
    ExtractedDocument d = limits.forked() && !smallText ? forked().extract(file) : extractInProcess(file, false);
    return Ocr.wanted(limits.ocr(), d) ? withOcr(file, d) : noOcrNeeded(d);
  }

  /** An image or a PDF without text when OCR is off says so. */
  private ExtractedDocument noOcrNeeded(ExtractedDocument d) {
    if (limits.ocr() == Ocr.Mode.OFF && d.outcome() == Outcome.EMPTY && isScan(d.mediaType())) {
      return ExtractedDocument.failed(Outcome.EMPTY, "no text layer (" + Ocr.baseType(d.mediaType()) + "); OCR is off (--ocr off)", d.mediaType());
    }
    return d;
  }

  private static boolean isScan(String mediaType) {
    String t = Ocr.baseType(mediaType);
    return t != null && (t.equals("application/pdf") || Ocr.IMAGE_TYPES.contains(t));
  }

  /**
   * The second reading of a file the first one found (wholly or partly) without text: Tesseract
   * through Tika, in its own extraction process with its own time limit. When OCR cannot run or
   * fails, the text layer read the first time is kept (if there is one) and the file is named.
   */
  private ExtractedDocument withOcr(Path file, ExtractedDocument textLayer) {
    Ocr.Availability a = availability();
    String type = Ocr.baseType(textLayer.mediaType());
    if (!a.usable()) {
      ocrMissed.add(file.toString());
      if (textLayer.outcome().indexable()) return textLayer;
      return ExtractedDocument.failed(Outcome.EMPTY, "no text layer (" + type + "): it needs OCR, and " + a.problem(), textLayer.mediaType());
    }
    ExtractedDocument o = limits.forked() ? ocrForked().extract(file) : extractInProcess(file, true);
    if (o.outcome().indexable() && !o.ocrPages().isEmpty()) {
      ocrFiles.incrementAndGet();
      ocrPages.addAndGet(o.ocrPages().size());
      return o;
    }
    if (o.outcome().indexable() && !textLayer.outcome().indexable()) return o; // the OCR reading found text without OCR: keep it
    if (textLayer.outcome().indexable()) {
      // a mixed PDF whose scanned pages could not be read: its text pages are indexed, and it is named
      if (!o.outcome().indexable()) ocrFailed.put(file.toString(), o.outcome() == Outcome.TIMEOUT
          ? "OCR took longer than " + limits.ocrTimeoutSeconds() + " s (--ocr-timeout)" : o.reason());
      return textLayer;
    }
    if (o.outcome() == Outcome.TIMEOUT) {
      return ExtractedDocument.failed(Outcome.TIMEOUT, "OCR took longer than " + limits.ocrTimeoutSeconds() + " s and was stopped (--ocr-timeout)", textLayer.mediaType());
    }
    if (o.outcome() == Outcome.EMPTY) {
      return ExtractedDocument.failed(Outcome.EMPTY, "no text found, even by OCR (" + type + ")", textLayer.mediaType());
    }
    return ExtractedDocument.failed(o.outcome(), "OCR failed: " + o.reason(), textLayer.mediaType());
  }

  private ForkedExtraction forked() {
    ForkedExtraction f = forked;
    if (f == null) {
      synchronized (this) {
        if (forked == null) {
          forked = new ForkedExtraction(limits, workDir.resolve("text"), Ocr.parsersXml(Ocr.Mode.OFF, null, null, 0), limits.timeoutSeconds());
        }
        f = forked;
      }
    }
    return f;
  }

  private ForkedExtraction ocrForked() {
    ForkedExtraction f = ocrForked;
    if (f == null) {
      synchronized (this) {
        if (ocrForked == null) ocrForked = new ForkedExtraction(limits, workDir.resolve("ocr"), ocrParsersXml(), limits.ocrTimeoutSeconds());
        f = ocrForked;
      }
    }
    return f;
  }

  private String ocrParsersXml() {
    try {
      return Ocr.parsersXml(limits.ocr(), availability(), Ocr.wrapper(workDir), Math.min(limits.ocrTimeoutSeconds(), PAGE_OCR_SECONDS));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot prepare the OCR command", e);
    }
  }

  /** Tesseract's limit for one page (or image); the file as a whole has {@link Limits#ocrTimeoutSeconds()}. */
  static final int PAGE_OCR_SECONDS = 300;

  private ExtractedDocument extractInProcess(Path file, boolean ocr) {
    int timeout = ocr ? limits.ocrTimeoutSeconds() : limits.timeoutSeconds();
    Future<ExtractedDocument> f = worker.submit(() -> parse(file, ocr));
    try {
      return f.get(timeout, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return ExtractedDocument.failed(Outcome.TIMEOUT, "extraction took longer than " + timeout + " s", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExtractedDocument.failed(Outcome.UNREADABLE, "interrupted", null);
    } catch (ExecutionException e) {
      return ExtractedDocument.failed(Outcome.CORRUPT, TikaResults.describe(e.getCause()), null);
    }
  }

  private AutoDetectParser parser(boolean ocr) {
    AutoDetectParser p = ocr ? ocrParser : parser;
    if (p == null) {
      synchronized (this) {
        if (ocr && ocrParser == null) ocrParser = configured(ocrParsersXml());
        if (!ocr && parser == null) parser = configured(Ocr.parsersXml(Ocr.Mode.OFF, null, null, 0));
        p = ocr ? ocrParser : parser;
      }
    }
    return p;
  }

  /** AutoDetectParser with the given parsers section (the one the extraction processes load). */
  private static AutoDetectParser configured(String parsersXml) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties>\n" + parsersXml + "</properties>\n";
    try (InputStream in = new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      return new AutoDetectParser(new org.apache.tika.config.TikaConfig(in));
    } catch (IOException | TikaException | org.xml.sax.SAXException e) {
      throw new IllegalStateException("invalid Tika configuration: " + e.getMessage(), e);
    }
  }

  private ExtractedDocument parse(Path file, boolean ocr) {
    AutoDetectParser parser = parser(ocr);
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    ParseContext ctx = new ParseContext();
    ctx.set(Parser.class, parser); // embedded documents (attachments) are parsed with the same parser
    String type = null;
    try (InputStream in = TikaInputStream.get(file, md)) {
      type = plainTextType(file, in);
      if (type == null) type = parser.getDetector().detect(in, md).toString();
      // the parser would detect the type a second time (magic detection was 8% of indexing CPU):
      // tell it the answer, as Tika's own pipes do
      md.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, type);
      BlockHandler handler = new BlockHandler(TikaResults.lineLayout(type), limits.maxChars());
      parser.parse(in, handler, md, ctx);
      return TikaResults.document(handler, md, type, limits.maxChars(), false);
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
      return ExtractedDocument.failed(Outcome.CORRUPT, "cannot parse " + (type == null ? "file" : type) + ": " + TikaResults.describe(e), type);
    } catch (IOException e) {
      return ExtractedDocument.failed(Outcome.UNREADABLE, "cannot read: " + TikaResults.describe(e), type);
    } catch (OutOfMemoryError e) {
      return ExtractedDocument.failed(Outcome.OUT_OF_MEMORY, "the parser ran out of memory on " + (type == null ? "file" : type), type);
    } catch (RuntimeException | StackOverflowError e) {
      return ExtractedDocument.failed(Outcome.CORRUPT, "parser failed on " + (type == null ? "file" : type) + ": " + TikaResults.describe(e), type);
    }
  }

  /** How a saved e-mail starts: such a .txt goes through full detection (Tika reads it as a message). */
  private static final List<String> MAIL_HEADERS = List.of("From:", "From ", "Received:", "Return-Path:", "MIME-Version:",
      "Delivered-To:", "Message-ID:", "X-");

  /** Bytes of a file's head that {@link #plainTextType} looks at. */
  private static final int TEXT_HEAD_BYTES = 4096;

  /**
   * The type of a .txt or .md file whose head is plainly text, without Tika's magic detection,
   * which tests the head against every known format and was 4% of an indexing run's CPU on a
   * corpus of Markdown files (issue 20). The type is the one Tika's detector gives such a file.
   * Full detection still decides, as before, for a head with markup ({@code <}), RTF, a PDF, ZIP
   * or OLE2 signature, control characters (binary, or UTF-16) or an e-mail's headers, so a
   * misnamed file is still read as what it is. (Tika's detector would call a few other textual
   * formats, shell scripts, subtitles or TeX, by their own names; as .txt or .md they are read as
   * text.) Null when full detection is needed; the stream is left where it was.
   */
  static String plainTextType(Path file, InputStream in) throws IOException {
    if (!isPlainText(file)) return null;
    in.mark(TEXT_HEAD_BYTES);
    byte[] head;
    try {
      head = in.readNBytes(TEXT_HEAD_BYTES);
    } finally {
      in.reset();
    }
    if (head.length == 0) return null; // Tika's own answer for an empty file
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) i = 3; // UTF-8 BOM
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
    if (i < head.length && (head[i] == '<' || head[i] == '{' || head[i] == '%')) return null; // markup, RTF, PDF
    if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') return null; // ZIP (docx, xlsx, ...)
    if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
        && (head[3] & 0xff) == 0xE0) return null; // OLE2 (doc, xls)
    for (byte b : head) {
      // a control character other than tab, line breaks, form feed and escape: binary, or UTF-16
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) return null;
    }
    String start = new String(head, i, Math.min(head.length - i, 32), java.nio.charset.StandardCharsets.ISO_8859_1);
    for (String mail : MAIL_HEADERS) if (start.regionMatches(true, 0, mail, 0, mail.length())) return null; // an e-mail: Tika's parser decodes it
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".markdown") ? "text/markdown" : "text/plain";
  }

  /** Plain-text files up to this size are parsed in this JVM even in forked mode. */
  static final long IN_PROCESS_TEXT_BYTES = 8L * 1024 * 1024;

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return Long.MAX_VALUE; // let the child report it
    }
  }

  static boolean isPlainText(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".text");
  }

  @Override
  public void close() {
    worker.shutdownNow();
    if (forked != null) forked.close();
    if (ocrForked != null) ocrForked.close();
    try (var files = Files.walk(workDir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temporary folder
    }
  }
}
