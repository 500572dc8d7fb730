package org.policysearch.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Optical character recognition for files without a text layer (issue 15): scanned PDFs and images
 * (PNG, JPEG, TIFF, ...) go through Tesseract by way of Tika's {@code TesseractOCRParser}, with
 * Simplified Chinese, Traditional Chinese and English models together. PDF pages are rendered and
 * recognised one by one by Tika's PDF parser; in {@link Mode#AUTO} only pages without text are, so a
 * mixed PDF keeps its text layer where it has one.
 *
 * <p>This class finds Tesseract and its language models once per process and writes the parser
 * section of the Tika configuration the extraction children load. Tesseract is started with
 * {@code OMP_THREAD_LIMIT=1}: its OpenMP threads fight over the cores with the extraction and
 * indexing threads (measured here: 24.5 s for one page with the default, 4.2 s with one thread).
 */
public final class Ocr {
  /** When to recognise text in images. */
  public enum Mode {
    /** Images, and PDF pages that have no text layer (the default). */
    AUTO,
    /** Never: a scanned PDF or an image is reported as having no text. */
    OFF,
    /** Every PDF page and image, ignoring any text layer (for PDFs whose text layer is garbage). */
    FORCE;

    public static Mode parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("--ocr takes auto, off or force, not '" + s + "'");
      }
    }
  }

  /** The models used together, in Tesseract's names, with the Debian package of each. */
  static final List<String> LANGUAGES = List.of("chi_sim", "chi_tra", "eng");
  static final List<String> PACKAGES = List.of("tesseract-ocr-chi-sim", "tesseract-ocr-chi-tra", "tesseract-ocr-eng");
  /** Media types recognised as images (what Tika's Tesseract parser reads). */
  static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif", "image/webp",
      "image/x-ms-bmp", "image/jp2", "image/x-portable-pixmap");
  /** A PDF page with fewer letters and digits than this counts as having no text layer. */
  static final int MIN_PAGE_CHARS = 10;

  /**
   * What this machine offers.
   *
   * @param installed the tesseract command runs
   * @param languages the models of {@link #LANGUAGES} that are installed, joined with '+', or "" when none
   * @param problem null when everything is there; otherwise one sentence on what is missing and how to install it
   */
  public record Availability(boolean installed, String languages, String problem) {
    public boolean usable() {
      return installed && !languages.isEmpty();
    }
  }

  private static volatile Availability availability;

  private Ocr() {}

  /** Checks once per process for the tesseract command and its language models. */
  public static Availability availability() {
    Availability a = availability;
    if (a == null) {
      synchronized (Ocr.class) {
        if (availability == null) availability = probe(System.getProperty("policysearch.tesseract", "tesseract"));
        a = availability;
      }
    }
    return a;
  }

  static Availability probe(String command) {
    String out;
    try {
      Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Availability(false, "", "Tesseract did not answer within 30 s; OCR is off.");
      }
    } catch (IOException e) {
      return new Availability(false, "", "Tesseract is not installed, so scanned PDFs and images cannot be read; on Debian: "
          + "apt-get install tesseract-ocr " + String.join(" ", PACKAGES.subList(0, 2)) + ".");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Availability(false, "", "interrupted while looking for Tesseract");
    }
    List<String> have = new ArrayList<>(), missing = new ArrayList<>();
    Set<String> listed = Set.copyOf(out.lines().map(String::strip).toList());
    for (int i = 0; i < LANGUAGES.size(); i++) {
      if (listed.contains(LANGUAGES.get(i))) have.add(LANGUAGES.get(i));
      else missing.add(PACKAGES.get(i));
    }
    String problem = missing.isEmpty() ? null
        : have.isEmpty() ? "Tesseract has none of the Chinese and English models, so scanned PDFs and images cannot be read; on Debian: apt-get install "
            + String.join(" ", missing) + "."
        : "Tesseract lacks " + String.join(", ", missing) + " (apt-get install " + String.join(" ", missing)
            + "); OCR reads with " + String.join("+", have) + " only.";
    return new Availability(true, String.join("+", have), problem);
  }

  /**
   * A folder holding a {@code tesseract} script that runs the real one single-threaded (Tika's
   * parser takes a folder, not a command line), or null where shell scripts cannot run.
   */
  static Path wrapper(Path dir) throws IOException {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) return null;
    String real = System.getProperty("policysearch.tesseract", "tesseract");
    Path bin = Files.createDirectories(dir.resolve("ocr-bin"));
    Path script = bin.resolve("tesseract");
    // Tika points TESSDATA_PREFIX at the wrapper's folder when it is given one: Tesseract's own default is the right one
    Files.writeString(script, "#!/bin/sh\nunset TESSDATA_PREFIX\nOMP_THREAD_LIMIT=1\nexport OMP_THREAD_LIMIT\nexec '"
        + real.replace("'", "'\\''") + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    // a temporary folder mounted noexec cannot run it: then Tesseract is called directly (with its own threads)
    try {
      Process p = new ProcessBuilder(script.toString(), "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return bin;
      p.destroyForcibly();
    } catch (IOException e) {
      // not executable here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /**
   * The {@code <parsers>} section of a Tika configuration: with OCR, Tika's default parsers plus
   * Tesseract (the available models, a per-page limit of pageTimeoutSeconds) and the PDF parser
   * rendering pages without text for it; without, Tesseract excluded and PDFs never rendered.
   */
  static String parsersXml(Mode mode, Availability a, Path wrapperDir, int pageTimeoutSeconds) {
    // Tika's default parsers without the two configured here
    String defaults = """
          <parsers>
            <parser class="org.apache.tika.parser.DefaultParser">
              <parser-exclude class="org.apache.tika.parser.ocr.TesseractOCRParser"/>
              <parser-exclude class="org.apache.tika.parser.pdf.PDFParser"/>
            </parser>
        """;
    if (mode == Mode.OFF || !a.usable()) {
      return defaults + """
              <parser class="org.apache.tika.parser.pdf.PDFParser">
                <params><param name="ocrStrategy" type="string">no_ocr</param></params>
              </parser>
            </parsers>
          """;
    }
    String path = wrapperDir == null ? "" : "\n        <param name=\"tesseractPath\" type=\"string\">" + xml(wrapperDir + java.io.File.separator) + "</param>";
    return defaults + """
            <parser class="org.apache.tika.parser.ocr.TesseractOCRParser">
              <params>
                <param name="language" type="string">%s</param>
                <param name="timeout" type="int">%d</param>
                <param name="preserveInterwordSpacing" type="bool">true</param>
                <!-- images without a resolution (screenshots, photos, most PNGs) would be read as 70 dpi, which breaks
                     Tesseract's layout analysis of Chinese pages; PDF pages are rendered at 300 dpi anyway -->
                <param name="otherTesseractSettings" type="list">
                  <string>user_defined_dpi 300</string>
                </param>%s
              </params>
            </parser>
            <parser class="org.apache.tika.parser.pdf.PDFParser">
              <params>
                <param name="ocrStrategy" type="string">%s</param>
                <param name="ocrDPI" type="int">300</param>
              </params>
            </parser>
          </parsers>
        """.formatted(a.languages(), pageTimeoutSeconds, path, mode == Mode.FORCE ? "ocr_only" : "auto");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Whether a file extracted without OCR should be read again with it. */
  static boolean wanted(Mode mode, ExtractedDocument d) {
    if (mode == Mode.OFF) return false;
    String type = baseType(d.mediaType());
    if (type == null) return false;
    if (IMAGE_TYPES.contains(type)) return true;
    if (!type.equals("application/pdf")) return false;
    if (mode == Mode.FORCE) return d.outcome() != Outcome.ENCRYPTED && d.outcome() != Outcome.TOO_LARGE;
    if (d.outcome() == Outcome.EMPTY) return true;
    if (!d.outcome().indexable()) return false;
    return pagesWithText(d) < d.pages();
  }

  static String baseType(String mediaType) {
    if (mediaType == null) return null;
    int semi = mediaType.indexOf(';');
    return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** Pages of a PDF whose text layer holds at least {@link #MIN_PAGE_CHARS} letters or digits. */
  static int pagesWithText(ExtractedDocument d) {
    java.util.Map<Integer, Integer> chars = new java.util.HashMap<>();
    for (Block b : d.blocks()) {
      int n = (int) b.text().codePoints().filter(Character::isLetterOrDigit).count();
      chars.merge(b.page(), n, Integer::sum);
    }
    int pages = 0;
    for (int n : chars.values()) if (n >= MIN_PAGE_CHARS) pages++;
    return pages;
  }

  /**
   * OCR output puts a space between every two Chinese characters it reads (when the models mix
   * scripts); Chinese has no spaces between words, so they go. Line breaks stay.
   */
  static String tidy(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == ' ' || c == '\u3000') && b.length() > 0 && isHan(b.charAt(b.length() - 1))) {
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\u3000')) j++;
        if (j < text.length() && (isHan(text.charAt(j)) || isCjkPunctuation(text.charAt(j)))) {
          i = j - 1;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || isCjkPunctuation(c);
  }

  private static boolean isCjkPunctuation(char c) {
    return c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFF65;
  }
}
