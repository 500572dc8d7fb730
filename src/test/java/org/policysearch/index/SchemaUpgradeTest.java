package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import org.policysearch.testing.Fixtures;

/**
 * An index written before schema 6 kept each file's stored extraction in its document record. Opening
 * one re-tags every file from there (the schema changed), extracts nothing again, answers as before,
 * and leaves the current layout behind.
 */
class SchemaUpgradeTest {
  @TempDir Path tmp;

  @Test
  void indexWithExtractionsInDocumentRecordsIsRetaggedWithoutExtracting() throws Exception {
    Path corpus = tmp.resolve("c"), idx = tmp.resolve("i");
    Fixtures.text(corpus.resolve("a.txt"), "Firms must buy secure and controllable products.\n\n国家推进安全可控的信息技术。");
    Fixtures.text(corpus.resolve("b.md"), "# Safe systems\n\nBanks need secure and controllable systems.");
    Glossary glossary = GlossaryLoader.parse("id\tenglish\tchinese\tenglish_variants\tchinese_variants\n"
        + "sc\tsecure and controllable\t安全可控\t\t\n", "test glossary");
    SearchRequest phrase = SearchRequest.of("\"secure and controllable\"");
    try (Extractor ex = new Extractor(Extractor.Limits.DEFAULT)) {
      new Indexer(idx, ex, glossary, 1).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      assertEquals(2, ex.extractions());
      long before;
      try (SearchService s = new SearchService(idx, Glossary.empty())) {
        before = s.search(phrase).total();
      }
      assertEquals(3, before, "two English passages, and 安全可控 through the glossary expansion");

      toSchema5Layout(idx);

      IndexReport r = new Indexer(idx, ex, glossary, 1).run(new CorpusScanner(corpus, Set.of()).scan(), false, IndexListener.NONE);
      assertEquals(2, r.retagged(), "the schema changed: every file is re-tagged");
      assertEquals(0, r.failures().size(), r.failures().toString());
      assertEquals(2, ex.extractions(), "from the extractions in the document records, no file extracted again");
      try (SearchService s = new SearchService(idx, Glossary.empty())) {
        assertEquals(before, s.search(phrase).total());
      }
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(idx))) {
        assertEquals(Fields.SCHEMA_VERSION, reader.getIndexCommit().getUserData().get(Fields.COMMIT_SCHEMA));
        assertEquals(2, new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_EXTRACTION))),
            "extraction records written again");
      }
    }
  }

  /** Moves every extraction back into its document record and marks the commit as schema 5. */
  private static void toSchema5Layout(Path idx) throws Exception {
    try (FSDirectory dir = FSDirectory.open(idx); DirectoryReader reader = DirectoryReader.open(dir);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer()))) {
      IndexSearcher s = new IndexSearcher(reader);
      for (ScoreDoc sd : s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), 100).scoreDocs) {
        Document stored = s.storedFields().document(sd.doc);
        String id = stored.get(Fields.DOC);
        ScoreDoc ext = s.search(new TermQuery(new Term(Fields.ID, PassageDocuments.extractionId(id))), 1).scoreDocs[0];
        BytesRef blob = s.storedFields().document(ext.doc).getBinaryValue(Fields.EXTRACTED);
        assertNotNull(blob);
        Document old = new Document();
        old.add(new StringField(Fields.KIND, Fields.KIND_DOCUMENT, Field.Store.NO));
        old.add(new StringField(Fields.ID, "doc:" + id, Field.Store.NO));
        old.add(new StringField(Fields.DOC, id, Field.Store.YES));
        old.add(new StringField(Fields.SOURCE, stored.get(Fields.SOURCE), Field.Store.YES));
        old.add(new StringField(Fields.LANG, stored.get(Fields.LANG), Field.Store.YES));
        for (IndexableField f : stored.getFields()) {
          if (Set.of(Fields.DOC, Fields.SOURCE, Fields.LANG).contains(f.name())) continue;
          old.add(f.numericValue() != null ? new StoredField(f.name(), f.numericValue().intValue()) : new StoredField(f.name(), f.stringValue()));
        }
        old.add(new StoredField(Fields.EXTRACTED, BytesRef.deepCopyOf(blob)));
        w.deleteDocuments(new Term(Fields.ID, PassageDocuments.extractionId(id)));
        w.updateDocument(new Term(Fields.ID, "doc:" + id), old);
      }
      Map<String, String> data = new HashMap<>(reader.getIndexCommit().getUserData());
      data.put(Fields.COMMIT_SCHEMA, "5");
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }
}
