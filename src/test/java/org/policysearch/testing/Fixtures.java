package org.policysearch.testing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Test documents generated on the fly (PDFBox for PDFs), so no binary fixture is committed. */
public final class Fixtures {
  private Fixtures() {}

  /** A PDF with one page per string (Latin text, standard font). */
  public static void pdf(Path file, String... pages) throws IOException {
    titledPdf(file, null, pages);
  }

  /** As {@link #pdf}, with a title in the document information (metadata), or none when title is null. */
  public static void titledPdf(Path file, String title, String... pages) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (PDDocument doc = new PDDocument()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          cs.newLineAtOffset(72, 700);
          for (String line : text.split("\n")) {
            cs.showText(line);
            cs.newLineAtOffset(0, -16);
          }
          cs.endText();
        }
      }
      if (title != null) doc.getDocumentInformation().setTitle(title);
      doc.save(file.toFile());
    }
  }

  /**
   * A scan of real pages: pages [first, first + count) of a PDF rendered to grey images at dpi and
   * put, one image per page and nothing else, into a new PDF, as a scanner would make it.
   */
  public static void scannedPdf(Path out, Path source, int first, int count, int dpi) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (PDDocument in = org.apache.pdfbox.Loader.loadPDF(source.toFile()); PDDocument doc = new PDDocument()) {
      org.apache.pdfbox.rendering.PDFRenderer r = new org.apache.pdfbox.rendering.PDFRenderer(in);
      for (int i = first; i < first + count; i++) addScannedPage(doc, r, in.getPage(i), i, dpi);
      doc.save(out.toFile());
    }
  }

  /** A PDF whose first page has a text layer (Latin text) and whose second is a scan of page {@code scanned} of source. */
  public static void mixedPdf(Path out, String firstPageText, Path source, int scanned, int dpi) throws IOException {
    Path text = out.resolveSibling(out.getFileName() + ".text.pdf");
    pdf(text, firstPageText);
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(text.toFile()); PDDocument in = org.apache.pdfbox.Loader.loadPDF(source.toFile())) {
      addScannedPage(doc, new org.apache.pdfbox.rendering.PDFRenderer(in), in.getPage(scanned), scanned, dpi);
      doc.save(out.toFile());
    }
    Files.delete(text);
  }

  private static void addScannedPage(PDDocument doc, org.apache.pdfbox.rendering.PDFRenderer r, PDPage original, int index, int dpi)
      throws IOException {
    java.awt.image.BufferedImage img = r.renderImageWithDPI(index, dpi, org.apache.pdfbox.rendering.ImageType.GRAY);
    PDPage page = new PDPage(original.getMediaBox());
    doc.addPage(page);
    var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
    }
  }

  /** Page {@code index} of a PDF as an image file (format: png, jpeg, tiff), as a phone photo or a scanner would save it. */
  public static void pageImage(Path out, Path source, int index, int dpi, String format) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (PDDocument in = org.apache.pdfbox.Loader.loadPDF(source.toFile())) {
      java.awt.image.BufferedImage img = new org.apache.pdfbox.rendering.PDFRenderer(in).renderImageWithDPI(index, dpi,
          format.equals("jpeg") ? org.apache.pdfbox.rendering.ImageType.RGB : org.apache.pdfbox.rendering.ImageType.GRAY);
      if (!javax.imageio.ImageIO.write(img, format, out.toFile())) throw new IOException("no ImageIO writer for " + format);
    }
  }

  /** A password-protected PDF. */
  public static void encryptedPdf(Path file) throws IOException {
    Path plain = file.resolveSibling(file.getFileName() + ".tmp");
    pdf(plain, "Confidential text that needs a password.");
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
      StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      p.setEncryptionKeyLength(128);
      doc.protect(p);
      doc.save(file.toFile());
    }
    Files.delete(plain);
  }

  /** The first half of a valid PDF: a truncated, corrupt file. */
  public static void truncatedPdf(Path file) throws IOException {
    Path whole = file.resolveSibling(file.getFileName() + ".tmp");
    pdf(whole, "This PDF will be cut in half.");
    byte[] b = Files.readAllBytes(whole);
    Files.write(file, java.util.Arrays.copyOf(b, b.length / 3));
    Files.delete(whole);
  }

  public static void text(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  public static void gbk(Path file, String content) throws IOException {
    Files.write(file, content.getBytes(Charset.forName("GBK")));
  }
}
