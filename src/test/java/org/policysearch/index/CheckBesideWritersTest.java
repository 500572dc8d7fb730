package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.testing.IndexFiles;

/**
 * The server's start-up CheckIndex runs beside indexing runs (issue 20: a file saved after a start
 * waited 10 to 20 s for it). A writer that commits updates, deletions and merges while the index is
 * checked deletes files of the commit being read; such a check must never call the index damaged:
 * it answers clean or "unsure" (null), never a damage report. Real damage is still reported.
 */
class CheckBesideWritersTest {
  @TempDir Path tmp;

  private static Document doc(int id, Random r) {
    Document d = new Document();
    d.add(new StringField("id", "d" + id, Field.Store.YES));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) b.append("word").append(r.nextInt(500)).append(' ');
    d.add(new TextField("body", b.toString(), Field.Store.YES));
    return d;
  }

  @Test
  void aCheckBesideACommittingWriterIsCleanOrUnsureNeverDamaged() throws Exception {
    Path index = tmp.resolve("index");
    Random r = new Random(20);
    try (FSDirectory dir = FSDirectory.open(index)) {
      TieredMergePolicy mp = new TieredMergePolicy();
      mp.setSegmentsPerTier(2); // merge often: merged-away segments' files go with the next commit
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(mp).setMaxBufferedDocs(20))) {
        for (int i = 0; i < 400; i++) w.addDocument(doc(i, r));
        w.commit();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger commits = new AtomicInteger();
        Thread writer = new Thread(() -> {
          Random wr = new Random(7);
          try {
            while (!stop.get()) {
              for (int i = 0; i < 30; i++) {
                int id = wr.nextInt(600);
                w.updateDocument(new Term("id", "d" + id), doc(id, wr)); // new deletions files for older segments
              }
              w.commit();
              commits.incrementAndGet();
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        writer.start();
        List<String> answers = new ArrayList<>();
        try {
          // as many checks as it takes for the writer to commit 30 times beside them (how many depends on the machine)
          while ((answers.size() < 30 || commits.get() < 30) && answers.size() < 2000) {
            IndexHealth.Report rep = IndexHealth.fullCheckBesideWriters(index);
            answers.add(rep == null ? "unsure" : rep.clean() ? "clean" : "DAMAGED " + rep.damage());
          }
        } finally {
          stop.set(true);
          writer.join();
        }
        System.out.println("checks beside a committing writer: " + answers + ", " + commits.get() + " commits");
        assertTrue(commits.get() >= 30, "the writer committed while the index was checked: " + commits.get());
        for (String a : answers) assertFalse(a.startsWith("DAMAGED"), answers.toString());
        assertTrue(answers.contains("clean"), answers.toString());
      }
    }
  }

  @Test
  void realDamageIsStillReported() throws Exception {
    Path index = tmp.resolve("index");
    Random r = new Random(20);
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(100))) {
      for (int i = 0; i < 300; i++) w.addDocument(doc(i, r));
      w.commit();
    }
    IndexFiles.damageLargest(index, 7);
    IndexHealth.Report rep = IndexHealth.fullCheckBesideWriters(index);
    assertNotNull(rep, "nothing committed meanwhile: the answer is sure");
    assertFalse(rep.clean(), "damage found");
    assertFalse(IndexHealth.fullCheck(index).clean());
  }
}
