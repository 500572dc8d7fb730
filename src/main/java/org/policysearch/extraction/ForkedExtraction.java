package org.policysearch.extraction;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.pipes.FetchEmitTuple;
import org.apache.tika.pipes.HandlerConfig;
import org.apache.tika.pipes.PipesClient;
import org.apache.tika.pipes.PipesConfig;
import org.apache.tika.pipes.PipesResult;
import org.apache.tika.pipes.emitter.EmitKey;
import org.apache.tika.pipes.fetcher.FetchKey;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.utils.XMLReaderUtils;

/**
 * Extraction in child JVMs through Tika's pipes ({@link PipesClient} / {@code PipesServer}, both in
 * tika-core 3.3.1): each child runs AutoDetectParser under {@code -Xmx}{@link Extractor.Limits#childHeap()},
 * is killed when a file takes longer than the timeout, and is restarted by its client for the
 * next file after a timeout, an out-of-memory error or a crash. The child returns Tika's XHTML
 * (embedded documents concatenated, as in-process) and the parent feeds it to the same
 * {@link BlockHandler}, so the blocks and page numbers are those of the in-process path.
 *
 * <p>One client (one child) per concurrent caller: clients are not thread-safe, so they are kept
 * in a pool and each call takes one for itself.
 */
final class ForkedExtraction implements AutoCloseable {
  private static final String FETCHER = "fs";
  /** Documents inside a container (attachments, zip entries) parsed per file. */
  static final int MAX_EMBEDDED = 1000;

  private final Extractor.Limits limits;
  private final ConcurrentLinkedQueue<PipesClient> idle = new ConcurrentLinkedQueue<>();
  private final Path configDir;
  private final PipesConfig config;
  private volatile boolean closed;

  private final int timeoutSeconds;

  /**
   * @param configDir a folder of its own for the configuration (created; deleted on close)
   * @param parsersXml the parsers section ({@link Ocr#parsersXml}: text layer only, or with OCR)
   * @param timeoutSeconds the time one file may take
   */
  ForkedExtraction(Extractor.Limits limits, Path configDir, String parsersXml, int timeoutSeconds) {
    this.limits = limits;
    this.timeoutSeconds = timeoutSeconds;
    try {
      this.configDir = Files.createDirectories(configDir);
      Path xml = configDir.resolve("tika-config.xml");
      Files.createDirectories(configDir.resolve("tmp"));
      Files.writeString(xml, configXml(limits, parsersXml, timeoutSeconds, configDir.resolve("tmp")));
      config = PipesConfig.load(xml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the extraction process configuration", e);
    } catch (TikaConfigException e) {
      throw new IllegalStateException("invalid extraction process configuration: " + e.getMessage(), e);
    }
  }

  /**
   * The child's configuration: a file-system fetcher for absolute paths, no emitter (results come
   * back to us), the heap and time limits, and Tika's zip-bomb guards spelled out (they are Tika's
   * defaults, written here so they are visible and documented in RELIABILITY.md). The child's
   * temporary files (Tika's copies of the file, Tesseract's page images and text) go to a folder
   * of ours, deleted on close: a child killed at its time limit cannot delete them itself.
   */
  static String configXml(Extractor.Limits limits, String parsersXml, int timeoutSeconds, Path tmp) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <properties>
        %s
          <autoDetectParserConfig>
            <outputThreshold>10000000</outputThreshold>
            <maximumCompressionRatio>100</maximumCompressionRatio>
            <maximumDepth>100</maximumDepth>
            <maximumPackageEntryDepth>10</maximumPackageEntryDepth>
          </autoDetectParserConfig>
          <fetchers>
            <fetcher class="org.apache.tika.pipes.fetcher.fs.FileSystemFetcher">
              <name>%s</name>
              <allowAbsolutePaths>true</allowAbsolutePaths>
            </fetcher>
          </fetchers>
          <emitters>
            <emitter class="org.apache.tika.pipes.emitter.EmptyEmitter"/>
          </emitters>
          <pipes>
            <params>
              <numClients>1</numClients>
              <timeoutMillis>%d</timeoutMillis>
              <!-- results always come back over the pipe (larger ones would go to an emitter; we have none) -->
              <maxForEmitBatchBytes>2000000000</maxForEmitBatchBytes>
              <forkedJvmArgs>
                <arg>-Xmx%s</arg>
                <arg>-XX:+UseSerialGC</arg>
                <arg>-Xss4m</arg>
                <arg>-Djava.io.tmpdir=%s</arg>
                <arg>-Dorg.slf4j.simpleLogger.defaultLogLevel=error</arg>
                <arg>-Dorg.slf4j.simpleLogger.log.org.apache.tika=error</arg>
              </forkedJvmArgs>
            </params>
          </pipes>
        </properties>
        """.formatted(parsersXml, FETCHER, timeoutSeconds * 1000L, limits.childHeap(), xmlText(tmp.toAbsolutePath().toString()));
  }

  ExtractedDocument extract(Path file) {
    if (closed) return ExtractedDocument.failed(Outcome.UNREADABLE, "the extractor is closed", null);
    PipesClient client = idle.poll();
    if (client == null) client = new PipesClient(config);
    boolean reusable = true;
    try {
      ParseContext ctx = new ParseContext();
      ctx.set(HandlerConfig.class, new HandlerConfig(BasicContentHandlerFactory.HANDLER_TYPE.XML, HandlerConfig.PARSE_MODE.CONCATENATE,
          (int) limits.maxChars(), MAX_EMBEDDED, false));
      Metadata md = new Metadata();
      md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
      String path = file.toAbsolutePath().toString();
      FetchEmitTuple t = new FetchEmitTuple(path, new FetchKey(FETCHER, path), EmitKey.NO_EMIT, md, ctx,
          FetchEmitTuple.ON_PARSE_EXCEPTION.SKIP);
      return toDocument(client.process(t));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reusable = false;
      return ExtractedDocument.failed(Outcome.UNREADABLE, "interrupted", null);
    } catch (IOException | RuntimeException e) {
      // the child could not be started or spoke nonsense: drop it; the next file gets a fresh one
      reusable = false;
      return ExtractedDocument.failed(Outcome.CRASHED, "the extraction process failed: " + TikaResults.describe(e), null);
    } finally {
      if (reusable && !closed) idle.add(client);
      else closeQuietly(client);
    }
  }

  private ExtractedDocument toDocument(PipesResult r) {
    String heap = limits.childHeap();
    return switch (r.getStatus()) {
      case TIMEOUT -> ExtractedDocument.failed(Outcome.TIMEOUT,
          "extraction took longer than " + timeoutSeconds + " s; the parser was stopped (" + (timeoutSeconds == limits.timeoutSeconds() ? "--timeout" : "--ocr-timeout") + ")", null);
      case OOM -> ExtractedDocument.failed(Outcome.OUT_OF_MEMORY,
          "the parser needed more than " + heap + " of memory and was stopped (--extract-heap)", null);
      case UNSPECIFIED_CRASH -> ExtractedDocument.failed(Outcome.CRASHED, "the parser process crashed; it was restarted", null);
      case FETCH_EXCEPTION, FETCHER_INITIALIZATION_EXCEPTION -> ExtractedDocument.failed(Outcome.UNREADABLE,
          "cannot read: " + firstLine(r.getMessage()), null);
      case PARSE_EXCEPTION_NO_EMIT, EMIT_SUCCESS_PARSE_EXCEPTION -> fromException(r.getMessage(), null);
      case PARSE_SUCCESS, PARSE_SUCCESS_WITH_EXCEPTION, PARSE_EXCEPTION_EMIT, EMIT_SUCCESS -> fromMetadata(r);
      default -> ExtractedDocument.failed(Outcome.CRASHED, "the extraction process answered " + r.getStatus(), null);
    };
  }

  private ExtractedDocument fromMetadata(PipesResult r) {
    List<Metadata> list = r.getEmitData() == null ? List.of() : r.getEmitData().getMetadataList();
    if (list == null || list.isEmpty()) return ExtractedDocument.failed(Outcome.CRASHED, "the extraction process returned nothing", null);
    Metadata md = list.get(0);
    String type = md.get(Metadata.CONTENT_TYPE);
    String exception = md.get(TikaCoreProperties.CONTAINER_EXCEPTION);
    if (exception != null) return fromException(exception, type);
    String xhtml = md.get(TikaCoreProperties.TIKA_CONTENT);
    BlockHandler handler = new BlockHandler(TikaResults.lineLayout(type), limits.maxChars());
    if (xhtml != null && !xhtml.isEmpty()) {
      try {
        XMLReaderUtils.parseSAX(new StringReader(xhtml), handler, new ParseContext());
      } catch (Exception e) {
        return ExtractedDocument.failed(Outcome.CORRUPT, "the extracted text is not well-formed XHTML: " + TikaResults.describe(e), type);
      }
    }
    return TikaResults.document(handler, md, type, limits.maxChars(), "true".equals(md.get(TikaCoreProperties.WRITE_LIMIT_REACHED)));
  }

  /** Maps the stack trace the child reports to the outcomes of the in-process path. */
  static ExtractedDocument fromException(String trace, String type) {
    String t = trace == null ? "" : trace;
    String what = type == null ? "file" : type;
    if (t.contains("EncryptedDocumentException")) return ExtractedDocument.failed(Outcome.ENCRYPTED, "encrypted (password-protected)", type);
    if (t.contains("ZeroByteFileException")) return ExtractedDocument.failed(Outcome.EMPTY, "empty file (0 bytes)", type);
    if (t.contains("UnsupportedFormatException")) return ExtractedDocument.failed(Outcome.UNSUPPORTED, "unsupported format: " + rootCause(t), type);
    if (t.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
      return ExtractedDocument.failed(Outcome.CORRUPT, "decompression bomb refused (" + what + "): " + rootCause(t), type);
    }
    if (t.contains("java.lang.OutOfMemoryError")) {
      return ExtractedDocument.failed(Outcome.OUT_OF_MEMORY, "the parser ran out of memory on " + what, type);
    }
    return ExtractedDocument.failed(Outcome.CORRUPT, "cannot parse " + what + ": " + rootCause(t), type);
  }

  /** "SimpleName: message" of the innermost exception of a printed stack trace. */
  static String rootCause(String trace) {
    String line = firstLine(trace);
    for (String l : trace.split("\n")) if (l.startsWith("Caused by: ")) line = l.substring("Caused by: ".length());
    line = line.strip();
    int colon = line.indexOf(':');
    String cls = colon < 0 ? line : line.substring(0, colon);
    if (!cls.contains(" ") && cls.contains(".")) line = cls.substring(cls.lastIndexOf('.') + 1) + (colon < 0 ? "" : line.substring(colon));
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private static void closeQuietly(PipesClient c) {
    try {
      c.close();
    } catch (IOException | RuntimeException ignored) {
      // the child is being destroyed anyway
    }
  }

  private static String xmlText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() {
    closed = true;
    for (PipesClient c; (c = idle.poll()) != null; ) closeQuietly(c);
    try (var s = Files.walk(configDir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temporary folder
    }
  }
}

