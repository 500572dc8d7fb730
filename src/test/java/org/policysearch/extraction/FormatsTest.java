package org.policysearch.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.testing.Fixtures;

/** One code path (AutoDetectParser) for the common formats; fixtures are generated here, not committed. */
class FormatsTest {
  static Extractor extractor;
  @TempDir Path tmp;

  @BeforeAll
  static void open() {
    extractor = new Extractor(Extractor.Limits.DEFAULT);
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static String text(ExtractedDocument d) {
    StringBuilder b = new StringBuilder();
    d.blocks().forEach(bl -> b.append(bl.text()).append('\n'));
    return b.toString();
  }

  @Test
  void docxWithHeadingsAndChinese() throws Exception {
    Path f = tmp.resolve("law.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
      var h = doc.createParagraph();
      h.setStyle("Heading1");
      h.createRun().setText("中华人民共和国国家安全法");
      doc.createParagraph().createRun().setText("第二十五条 实现网络和信息核心技术的安全可控。");
      doc.write(out);
    }
    ExtractedDocument d = extractor.extract(f);
    assertEquals(Outcome.OK, d.outcome(), d.reason());
    assertTrue(text(d).contains("第二十五条 实现网络和信息核心技术的安全可控。"), text(d));
  }

  @Test
  void rtf() throws Exception {
    Path f = tmp.resolve("note.rtf");
    Files.writeString(f, "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard Secure and controllable products.\\par}", StandardCharsets.US_ASCII);
    ExtractedDocument d = extractor.extract(f);
    assertEquals(Outcome.OK, d.outcome(), d.reason());
    assertTrue(text(d).contains("Secure and controllable products."), text(d));
  }

  @Test
  void odt() throws Exception {
    Path f = tmp.resolve("memo.odt");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      stored(z, "mimetype", "application/vnd.oasis.opendocument.text");
      put(z, "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
          + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
          + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
      put(z, "content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
          + "<text:p>Indigenous innovation and 自主创新 in one memo.</text:p></office:text></office:body></office:document-content>");
    }
    ExtractedDocument d = extractor.extract(f);
    assertEquals(Outcome.OK, d.outcome(), d.reason());
    assertTrue(text(d).contains("Indigenous innovation and 自主创新 in one memo."), text(d));
  }

  @Test
  void epub() throws Exception {
    Path f = tmp.resolve("book.epub");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      stored(z, "mimetype", "application/epub+zip");
      put(z, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
          + "<rootfiles><rootfile full-path=\"content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
      put(z, "content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"id\">"
          + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Policy Book</dc:title><dc:identifier id=\"id\">x</dc:identifier></metadata>"
          + "<manifest><item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c1\"/></spine></package>");
      put(z, "c1.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>c1</title></head><body>"
          + "<h1>Chapter One</h1><p>The Made in China 2025 plan sets targets.</p></body></html>");
    }
    ExtractedDocument d = extractor.extract(f);
    assertEquals(Outcome.OK, d.outcome(), d.reason());
    assertTrue(text(d).contains("The Made in China 2025 plan sets targets."), text(d));
  }

  @Test
  void pdfPagesAreKept() throws Exception {
    Path f = tmp.resolve("three.pdf");
    Fixtures.pdf(f, "one", "two", "three");
    ExtractedDocument d = extractor.extract(f);
    assertEquals(3, d.pages());
    assertEquals(3, d.blocks().get(d.blocks().size() - 1).page());
  }

  @Test
  void truncationIsRecordedNotSilent() throws Exception {
    Path f = tmp.resolve("long.txt");
    Files.writeString(f, "word ".repeat(10_000));
    try (Extractor small = new Extractor(new Extractor.Limits(1_000, 60))) {
      ExtractedDocument d = small.extract(f);
      assertEquals(Outcome.TRUNCATED, d.outcome());
      assertTrue(d.reason().contains("1000"), d.reason());
      assertTrue(d.characters() <= 1_000);
    }
  }

  private static void put(ZipOutputStream z, String name, String content) throws Exception {
    z.putNextEntry(new ZipEntry(name));
    z.write(content.getBytes(StandardCharsets.UTF_8));
    z.closeEntry();
  }

  private static void stored(ZipOutputStream z, String name, String content) throws Exception {
    byte[] b = content.getBytes(StandardCharsets.US_ASCII);
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(b.length);
    CRC32 crc = new CRC32();
    crc.update(b);
    e.setCrc(crc.getValue());
    z.putNextEntry(e);
    z.write(b);
    z.closeEntry();
  }
}
