package org.policysearch.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.testing.DemoCorpus;
import org.policysearch.testing.Fixtures;

/**
 * The plain-text shortcut past Tika's magic detection (issue 20): wherever it answers, it gives the
 * type Tika's detector gives (the oracle), on the demo corpus and on generated text; a misnamed
 * binary, markup or e-mail goes through full detection and is read as what it is.
 */
class PlainTextTypeTest {
  static Detector tika;
  static Extractor extractor;
  @TempDir Path tmp;

  @BeforeAll
  static void open() {
    tika = TikaConfig.getDefaultConfig().getDetector();
    extractor = new Extractor(Extractor.Limits.DEFAULT);
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  /** The shortcut's type, and Tika's full detection of the same file. */
  private static String[] both(Path f) throws Exception {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, f.getFileName().toString());
    try (InputStream in = TikaInputStream.get(f, md)) {
      String ours = Extractor.plainTextType(f, in);
      return new String[] {ours, tika.detect(in, md).toString()};
    }
  }

  @Test
  void agreesWithTikaOnEveryTextFileOfTheDemoCorpus() throws Exception {
    List<Path> files = new ArrayList<>();
    try (var s = Files.walk(DemoCorpus.folder())) {
      s.filter(Files::isRegularFile).filter(Extractor::isPlainText).forEach(files::add);
    }
    assertTrue(files.size() >= 5, "text files in the demo corpus: " + files);
    for (Path f : files) {
      String[] t = both(f);
      assertEquals(t[1], t[0], f.toString());
    }
  }

  @Test
  void agreesWithTikaOnGeneratedTextInBothLanguagesAndEncodings() throws Exception {
    Random r = new Random(20);
    String[] starts = {"# 中国制造2025\n\n", "Made in China 2025\n", "---\ntitle: 通知\n---\n", "第一条 为了", "  \n\n- item\n", "\uFEFF国务院关于",
        "1. Goals\n", "\"Quoted\" start\n", "*emphasis*\n", "| a | b |\n|---|---|\n"};
    for (int i = 0; i < 40; i++) {
      StringBuilder b = new StringBuilder(starts[i % starts.length]);
      for (int j = 0; j < 200; j++) b.append(r.nextBoolean() ? "安全可控" : "secure and controllable ").append(j % 17 == 0 ? "\n\n" : " ");
      String ext = new String[] {".md", ".txt", ".markdown", ".TXT", ".text"}[i % 5];
      Path f = tmp.resolve("g" + i + ext);
      Files.writeString(f, b, i % 3 == 0 ? java.nio.charset.Charset.forName("GB18030") : StandardCharsets.UTF_8);
      String[] t = both(f);
      assertEquals(t[1], t[0], f + ": " + b.substring(0, 20));
    }
  }

  @Test
  void misnamedFilesGoThroughFullDetectionAndAreReadAsWhatTheyAre() throws Exception {
    Path html = tmp.resolve("page.txt");
    Files.writeString(html, "<html><body><p>Secure and controllable</p></body></html>");
    Path mail = tmp.resolve("mail.txt");
    Files.writeString(mail, "From: a@example.org\nTo: b@example.org\nSubject: Made in China 2025\n\nThe body.\n");
    Path utf16 = tmp.resolve("utf16.txt");
    Files.write(utf16, "\uFEFF安全可控 secure".getBytes(StandardCharsets.UTF_16LE));
    Path empty = tmp.resolve("empty.md");
    Files.writeString(empty, "");
    Path docx = tmp.resolve("report.txt");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
      doc.createParagraph().createRun().setText("自主知识产权 in a Word file named .txt");
      doc.write(out);
    }
    Path pdf = tmp.resolve("scan.md");
    Fixtures.pdf(pdf, "Indigenous innovation in a PDF named .md");
    for (Path f : List.of(html, mail, utf16, empty, docx, pdf)) assertNull(both(f)[0], f + " must go through full detection");
    assertEquals("text/html", both(html)[1]);
    assertEquals("message/rfc822", both(mail)[1]);
    ExtractedDocument d = extractor.extract(docx);
    assertEquals(Outcome.OK, d.outcome(), d.reason());
    assertTrue(d.mediaType().contains("wordprocessingml"), d.mediaType());
    assertTrue(d.blocks().stream().anyMatch(b -> b.text().contains("自主知识产权")));
    d = extractor.extract(pdf);
    assertEquals("application/pdf", d.mediaType());
    assertTrue(d.blocks().stream().anyMatch(b -> b.text().contains("Indigenous innovation")));
    d = extractor.extract(utf16);
    assertTrue(d.blocks().stream().anyMatch(b -> b.text().contains("安全可控")), d.blocks().toString());
  }

  @Test
  void aTextFileIsStillReadWithItsLegacyEncoding() throws Exception {
    Path f = tmp.resolve("gbk.txt");
    Files.write(f, "第二十五条 实现网络和信息核心技术的安全可控。\n".repeat(20).getBytes("GB18030"));
    ExtractedDocument d = extractor.extract(f);
    assertEquals(Outcome.OK, d.outcome(), d.reason());
    assertEquals("text/plain", d.mediaType());
    assertTrue(d.blocks().stream().anyMatch(b -> b.text().contains("安全可控")));
  }
}
