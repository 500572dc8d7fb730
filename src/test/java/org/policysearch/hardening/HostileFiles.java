package org.policysearch.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Pathological files, generated on the fly (nothing binary is committed). */
final class HostileFiles {
  private HostileFiles() {}

  /** A zip whose single text entry inflates to {@code mb} MB of the same letter (ratio about 1000:1). */
  static void zipBomb(Path file, int mb) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      z.setLevel(9);
      z.putNextEntry(new ZipEntry("bomb.txt"));
      writeRepeated(z, "a".repeat(1024).getBytes(StandardCharsets.US_ASCII), mb * 1024);
      z.closeEntry();
    }
  }

  /** A .docx made by POI whose word/document.xml is replaced by one inflating to {@code mb} MB of paragraphs. */
  static void docxBomb(Path file, int mb) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      d.createParagraph().createRun().setText("bomb");
      d.write(plain);
    }
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      out.setLevel(9);
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("word/document.xml")) {
          out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
              + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>").getBytes(StandardCharsets.UTF_8));
          byte[] para = ("<w:p><w:r><w:t>" + "bomb ".repeat(200) + "</w:t></w:r></w:p>").getBytes(StandardCharsets.UTF_8);
          writeRepeated(out, para, (int) ((long) mb * 1024 * 1024 / para.length));
          out.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  /**
   * A hand-written one-page PDF whose Flate-compressed content stream repeats a text-showing
   * operator {@code millions} million times: a few hundred kilobytes that keep a parser busy for
   * a long time (the practical equivalent of an endless content stream).
   */
  static void endlessContentPdf(Path file, int millions) throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (var z = new java.util.zip.DeflaterOutputStream(stream, new java.util.zip.Deflater(9))) {
      z.write("BT /F1 12 Tf 72 700 Td\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "(loop) Tj\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
      writeRepeated(z, chunk, millions * 1000);
      z.write("ET\n".getBytes(StandardCharsets.US_ASCII));
    }
    writePdf(file, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.size() + " /Filter /FlateDecode >>", stream.toByteArray());
  }

  /**
   * A hand-written PDF whose page dictionary holds an array nested {@code depth} deep and whose
   * content stream nests {@code depth} graphics states (q ... Q).
   */
  static void deeplyNestedPdf(Path file, int depth) throws IOException {
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String content = "q ".repeat(depth) + "BT /F1 12 Tf 72 700 Td (nested) Tj ET " + "Q ".repeat(depth);
    writePdf(file, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Deep "
        + nested + " >>", "<< /Length " + content.length() + " >>", content.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A minimal PDF: catalog, pages, the given page dictionary, its content stream, Helvetica. */
  private static void writePdf(Path file, String pageDict, String streamDict, byte[] streamBytes) throws IOException {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    String[] before = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", pageDict};
    long[] offsets = new long[5];
    pdf.write("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1));
    for (int i = 0; i < 5; i++) {
      offsets[i] = pdf.size();
      pdf.write(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
      if (i < 3) pdf.write(before[i].getBytes(StandardCharsets.ISO_8859_1));
      if (i == 3) {
        pdf.write((streamDict + "\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        pdf.write(streamBytes);
        pdf.write("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
      }
      if (i == 4) pdf.write("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".getBytes(StandardCharsets.ISO_8859_1));
      pdf.write("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    long xref = pdf.size();
    StringBuilder tail = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
    for (long o : offsets) tail.append(String.format("%010d 00000 n \n", o));
    tail.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    pdf.write(tail.toString().getBytes(StandardCharsets.ISO_8859_1));
    Files.write(file, pdf.toByteArray());
  }

  /** Text with invalid UTF-8 byte sequences between valid words. */
  static void invalidUtf8(Path file) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("Valid words before the damage: semiconductor subsidies. ".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0xe2, (byte) 0x82, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
    b.write(" Valid words after the damage: shipbuilding overcapacity.\n".getBytes(StandardCharsets.UTF_8));
    Files.write(file, b.toByteArray());
  }

  /** One line of {@code mb} MB without a line break, ending in {@code lastWord}. */
  static void longLine(Path file, int mb, String lastWord) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] chunk = "the tariff schedule lists item ".repeat(33).getBytes(StandardCharsets.US_ASCII);
      writeRepeated(out, chunk, (int) ((long) mb * 1024 * 1024 / chunk.length));
      out.write((" " + lastWord).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** A file of the given size that takes no disk space (a sparse file). */
  static void sparse(Path file, long bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
  }

  static void writeRepeated(OutputStream out, byte[] chunk, int times) throws IOException {
    for (int i = 0; i < times; i++) out.write(chunk);
  }

}
