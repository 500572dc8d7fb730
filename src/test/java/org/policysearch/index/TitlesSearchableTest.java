package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.search.Api;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.Fixtures;

/** Issue 16: the words of a document's title find it in every format, though the body lacks them, and the document is listed once. */
class TitlesSearchableTest {
  @TempDir Path tmp;

  @Test
  void titleWordsFindTheDocumentInEveryFormat() throws Exception {
    Path corpus = tmp.resolve("c"), idx = tmp.resolve("i");
    Fixtures.text(corpus.resolve("page.html"),
        "<html><head><title>Quarterly Zebra Review</title></head><body><p>Body text about tariffs.</p></body></html>");
    Fixtures.text(corpus.resolve("same.html"),
        "<html><head><title>Annual Giraffe Outlook</title></head><body><h1>Annual Giraffe Outlook</h1><p>Body text.</p></body></html>");
    Fixtures.text(corpus.resolve("note.md"), "---\ntitle: Penguin Procurement Memo\n---\n\nBody text about procurement.\n");
    Fixtures.text(corpus.resolve("law.html"),
        "<html><head><title>中华人民共和国河马保护法</title></head><body><p>第一条 为了保护环境，制定本法。</p></body></html>");
    Fixtures.titledPdf(corpus.resolve("notice.pdf"), "Walrus Subsidy Notice", "Body text about subsidies.");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(corpus.resolve("report.docx"))) {
      doc.createParagraph().createRun().setText("Body text about semiconductors.");
      doc.getProperties().getCoreProperties().setTitle("Otter Semiconductor Report");
      doc.write(out);
    }
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      new Indexer(idx, ex, Glossary.empty(), 1).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
    }
    try (SearchService s = new SearchService(idx, Glossary.empty())) {
      for (var e : List.of(List.of("zebra review", "page-html"), List.of("\"Quarterly Zebra Review\"", "page-html"),
          List.of("penguin", "note-md"), List.of("walrus subsidy", "notice-pdf"), List.of("otter", "report-docx"),
          List.of("河马保护法", "law-html"), List.of("\"河马保护\"", "law-html"))) {
        Api.SearchResponse r = s.search(SearchRequest.of(e.get(0)));
        assertEquals(List.of(e.get(1)), r.facets().docs().stream().map(Api.FacetCount::id).toList(), e.get(0));
        assertEquals(1, r.total(), e.get(0) + ": the title is one passage");
      }
      // a title the body already holds adds no passage: the document is listed once, with one hit
      Api.SearchResponse same = s.search(SearchRequest.of("\"Annual Giraffe Outlook\""));
      assertEquals(1, same.total());
      assertTrue(same.hits().get(0).text().contains("Annual Giraffe Outlook"));
      Api.SearchResponse body = s.search(new SearchRequest("", 10, 0, null, "same-html", null, false));
      assertEquals(2, body.total(), "heading and paragraph, no title passage");
    }
  }
}
