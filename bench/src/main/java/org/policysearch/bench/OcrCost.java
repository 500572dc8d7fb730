package org.policysearch.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;

/**
 * OCR cost per page (issue 15): a PDF of the demo corpus is "scanned" (its first pages rendered to
 * 200-dpi grey images, nothing else kept) and extracted with the product's default settings, OCR
 * auto in a child process; the text-layer original is extracted the same way for scale. Each is
 * read {@code rounds} times, alternated; the figures are the median seconds per page.
 *
 * <pre>
 * mvn -B -q install -DskipTests && cd bench && mvn -B -q compile
 * java -cp ../target/policy-search.jar:target/classes:$(cat target/jmh.classpath) org.policysearch.bench.OcrCost \
 *     ../../shared/corpus/2016-cybersecurity-law.zh.pdf 6 3
 * </pre>
 */
public final class OcrCost {
  private OcrCost() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("ocr-cost");
    Path original = dir.resolve("original.pdf"), scan = dir.resolve("scan.pdf");
    try (PDDocument in = Loader.loadPDF(source.toFile()); PDDocument text = new PDDocument(); PDDocument img = new PDDocument()) {
      PDFRenderer r = new PDFRenderer(in);
      pages = Math.min(pages, in.getNumberOfPages());
      for (int i = 0; i < pages; i++) {
        text.importPage(in.getPage(i));
        BufferedImage image = r.renderImageWithDPI(i, 200, ImageType.GRAY);
        PDPage page = new PDPage(in.getPage(i).getMediaBox());
        img.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(img, page)) {
          cs.drawImage(LosslessFactory.createFromImage(img, image), 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
      }
      text.save(original.toFile());
      img.save(scan.toFile());
    }
    double[] ocr = new double[rounds], layer = new double[rounds];
    int chars = 0;
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      ex.extract(original); // start the child process outside the timing
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        ExtractedDocument d = ex.extract(scan);
        ocr[i] = (System.nanoTime() - t0) / 1e9 / pages;
        chars = d.characters();
        if (d.ocrPages().size() != pages) throw new IllegalStateException("OCR'd " + d.ocrPages() + " of " + pages + " pages: " + d.reason());
        t0 = System.nanoTime();
        ex.extract(original);
        layer[i] = (System.nanoTime() - t0) / 1e9 / pages;
      }
    }
    java.util.Arrays.sort(ocr);
    java.util.Arrays.sort(layer);
    System.out.printf("RESULT ocr-cost source=%s pages=%d rounds=%d ocr_s_per_page=%.2f text_layer_s_per_page=%.3f ratio=%.0fx ocr_chars=%d%n",
        source.getFileName(), pages, rounds, ocr[rounds / 2], layer[rounds / 2], ocr[rounds / 2] / layer[rounds / 2], chars);
  }
}
