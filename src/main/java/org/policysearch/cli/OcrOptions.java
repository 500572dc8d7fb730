package org.policysearch.cli;

import java.io.PrintStream;
import org.policysearch.extraction.Extractor;
import org.policysearch.extraction.Ocr;
import picocli.CommandLine.Option;

/** When scanned PDFs and images are read with OCR ({@code index} and {@code serve}). */
public final class OcrOptions {
  @Option(names = "--ocr", paramLabel = "auto|off|force",
      description = "OCR (Tesseract: Simplified and Traditional Chinese, English): auto reads images and the PDF pages that have no text; "
          + "off never; force every PDF page, ignoring its text layer (default: ${DEFAULT-VALUE}).", defaultValue = "auto")
  String ocr;

  @Option(names = "--ocr-timeout", paramLabel = "SECONDS",
      description = "Give up on a file whose OCR takes longer (4.5 to 6 s a page; default: ${DEFAULT-VALUE}).", defaultValue = "1800")
  int ocrTimeout;

  Extractor.Limits apply(Extractor.Limits limits) {
    try {
      return limits.withOcr(Ocr.Mode.parse(ocr), ocrTimeout);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** One line on what OCR did, and once, why some files could not have it (they are listed as failures). */
  static void printSummary(PrintStream out, Extractor ex) {
    if (ex.ocrFiles() > 0) {
      out.printf("OCR: %d %s, %d %s read from images (marked \"ocr\" in results)%n", ex.ocrFiles(), ex.ocrFiles() == 1 ? "file" : "files",
          ex.ocrPages(), ex.ocrPages() == 1 ? "page" : "pages");
    }
    String problem = ex.ocrProblem();
    if (problem != null) {
      out.println("OCR: " + problem);
      for (String f : ex.ocrMissed()) out.println("  not OCR'd: " + f);
    }
    for (String f : ex.ocrFailed()) out.println("  OCR failed, only the text layer is indexed: " + f);
  }
}
