package org.policysearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The plain-Lucene floor: StandardAnalyzer, one stored text field, one Lucene document per passage
 * (the same passages), no tagging, no facets; same writer buffer and threads as ours.
 *
 * <p>Usage: {@code LuceneTextIndexer PASSAGES.bin INDEXDIR THREADS}
 */
public final class LuceneTextIndexer {
  private LuceneTextIndexer() {}

  public static void main(String[] args) {
    ChildMain.run(args, LuceneTextIndexer::run);
  }

  private static void run(String[] args) throws Exception {
    List<PassageFile.Doc> docs = PassageFile.read(Path.of(args[0]));
    Path indexDir = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    Files.createDirectories(indexDir);
    long t0 = System.nanoTime();
    IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCommitOnClose(false).setRAMBufferSizeMB(64);
    try (FSDirectory dir = FSDirectory.open(indexDir); IndexWriter w = new IndexWriter(dir, cfg)) {
      PassageFile.inParallel(docs, threads, () -> d -> {
        List<Document> lds = new ArrayList<>();
        for (PassageFile.Psg p : d.passages()) {
          Document ld = new Document();
          ld.add(new TextField("text", p.text(), Field.Store.YES));
          lds.add(ld);
        }
        w.addDocuments(lds);
      });
      w.commit();
    }
    PassageFile.result("lucene", docs, t0, indexDir);
  }
}
