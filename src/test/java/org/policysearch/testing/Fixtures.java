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
