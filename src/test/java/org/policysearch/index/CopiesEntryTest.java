package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.testing.Fixtures;

/**
 * The copies entry each run writes is the grouping of that commit's documents, as grouping them
 * from their stored fingerprints gives it: after the first run, after a copy is added, after one is
 * deleted.
 */
class CopiesEntryTest {
  @TempDir Path tmp;

  @Test
  void everyCommitCarriesTheGroupingOfItsDocuments() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Fixtures.text(corpus.resolve("report.txt"), CopiesTest.REPORT);
    Fixtures.text(corpus.resolve("report.md"), "# Message from the U.S. Chamber of Commerce\n\n" + CopiesTest.REPORT);
    Fixtures.text(corpus.resolve("notice.txt"), "A notice on something else entirely, with enough words to have a fingerprint of its own.\n");
    index(corpus, index);
    Copies first = entry(index);
    assertEquals(1, first.leaderOf().size(), first.toText());
    assertEquals(grouped(index), first);

    Fixtures.text(corpus.resolve("notice copy.txt"), "A notice on something else entirely, with enough words to have a fingerprint of its own.\n");
    index(corpus, index);
    Copies added = entry(index);
    assertEquals(2, added.leaderOf().size(), added.toText());
    assertEquals(grouped(index), added);

    Files.delete(corpus.resolve("report.md"));
    index(corpus, index);
    Copies deleted = entry(index);
    assertEquals(1, deleted.leaderOf().size(), deleted.toText());
    assertEquals(grouped(index), deleted);
  }

  private static void index(Path corpus, Path index) {
    assertEquals(ExitCodes.OK, Main.run("index", "--extract-in-process", "--corpus", corpus.toString(), "--index", index.toString()));
  }

  private static Copies entry(Path index) throws Exception {
    try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      TopDocs top = s.search(new TermQuery(new Term(Fields.ID, FieldMapping.COPIES_ID)), 2);
      assertEquals(1, top.totalHits.value, "one copies entry");
      return Copies.fromText(s.storedFields().document(top.scoreDocs[0].doc).get(Fields.COPIES));
    }
  }

  /** The brute force: every live file entry's stored record, fingerprint text included, grouped. */
  private static Copies grouped(Path index) throws Exception {
    List<DocumentInfo> docs = new ArrayList<>();
    try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : r.leaves()) {
        PostingsEnum entries = leaf.reader().postings(new Term(Fields.KIND, Fields.KIND_DOCUMENT), PostingsEnum.NONE);
        if (entries == null) continue;
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int d = entries.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = entries.nextDoc()) {
          if (live == null || live.get(d)) docs.add(IndexReading.documentInfo(stored.document(d)));
        }
      }
    }
    assertTrue(docs.size() >= 3, docs.size() + " documents");
    return Copies.of(docs);
  }
}
