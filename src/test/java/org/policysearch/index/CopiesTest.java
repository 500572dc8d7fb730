package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.metadata.TextFingerprint;

/** Which files hold the same document, and which of them leads. */
class CopiesTest {
  /** Real opening lines of the U.S. Chamber report, as its text export holds them (line wraps kept). */
  static final String REPORT = """
      Message from the U.S. Chamber of Commerce

      The U.S. Chamber of Commerce is pleased to share this report that reflects on China’s
      implementation of the Made in China 2025 (MIC 2025) plan nearly two years after its issuance.
      The U.S. Chamber of Commerce has been at the forefront of tracking and analyzing China’s
      state-led economic development policies for more than a decade.  On the basis of informed
      research and an abiding commitment to market-based economic principles, the Chamber has
      educated and advocated constructively before U.S. and Chinese policy makers regarding the
      intended and unintended consequences of those policies, including through a series of reports:
      """;

  private static DocumentInfo doc(String id, String format, String text) {
    return new DocumentInfo(id, id, "t", null, "en", null, null, null, null, null, format, 0, 10, "sha-" + id,
        TextFingerprint.of(text));
  }

  @Test
  void pdfAndItsTextExportAreCopiesAndThePdfLeads() {
    // the PDF's extraction: other line breaks, hyphen-free, a page number and spaces of its own
    String pdfText = REPORT.replace("\n", " \n\n").replace("  ", " ") + "\n1\n";
    Copies c = Copies.of(List.of(doc("report-txt", "text/plain; charset=UTF-8", REPORT),
        doc("report-pdf", "application/pdf", pdfText), doc("other-md", "text/x-web-markdown", "# Other\n\nA different text altogether.")));
    assertEquals(Map.of("report-txt", "report-pdf"), c.leaderOf());
    assertEquals(Map.of("report-pdf", List.of("report-txt")), c.copiesOf());
    assertTrue(c.isCopy("report-txt"));
    assertFalse(c.isCopy("other-md"));
  }

  @Test
  void nearlyTheSameTextIsACopyButAnotherEditionIsNot() {
    String longer = REPORT.repeat(3);
    String nearly = longer + "Page 2 of 40";
    String revised = longer.replace("Chamber", "Council").replace("China", "Vietnam").replace("policies", "laws")
        .replace("reports", "studies").replace("economic", "fiscal").replace("market", "state");
    Copies near = Copies.of(List.of(doc("a-html", "text/html", longer), doc("b-docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", nearly)));
    assertEquals(Map.of("a-html", "b-docx"), near.leaderOf(), "a Word file leads an HTML page");
    assertTrue(Copies.of(List.of(doc("a", "text/html", longer), doc("b", "text/html", revised))).leaderOf().isEmpty());
  }

  @Test
  void shortTextsAreCopiesOnlyWhenIdentical() {
    assertEquals(1, Copies.of(List.of(doc("a", "text/plain", "Short notice."), doc("b", "text/html", "Short  notice!")))
        .leaderOf().size());
    assertTrue(Copies.of(List.of(doc("a", "text/plain", "Short notice."), doc("b", "text/plain", "Short notices.")))
        .leaderOf().isEmpty());
  }

  @Test
  void theGroupingReadsBackFromItsText() {
    Copies c = Copies.of(List.of(doc("report-txt", "text/plain; charset=UTF-8", REPORT), doc("report-pdf", "application/pdf", REPORT),
        doc("report-html", "text/html", REPORT), doc("other", "text/plain", "Another text altogether, long enough to count.")));
    assertEquals(2, c.leaderOf().size());
    assertEquals(c, Copies.fromText(c.toText()));
    assertEquals(Copies.NONE, Copies.fromText(Copies.NONE.toText()));
    assertEquals(Copies.NONE, Copies.fromText(null));
  }
}
