package org.policysearch.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.policysearch.analysis.Analyzers;
import org.policysearch.bench.PassageFile;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Outcome;
import org.policysearch.passages.Passage;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.Tagger;

/**
 * Our engine indexing already-extracted text (the benchmark's entry point; it lives in the index
 * package to reuse {@code PassageDocuments}): the same work {@code FilePipeline} does after
 * extraction and splitting: tag every passage ({@link TaggedPassage}), build the passage and
 * document entries of {@link FieldMapping} (four analysed fields, facets, the stored extraction),
 * updateDocuments by doc id, one commit; same writer settings and thread count as the index command.
 *
 * <p>Usage: {@code OursTextIndexer PASSAGES.bin INDEXDIR THREADS}
 */
public final class OursTextIndexer {
  private OursTextIndexer() {}

  public static void main(String[] args) {
    org.policysearch.bench.ChildMain.run(args, OursTextIndexer::run);
  }

  private static void run(String[] args) throws Exception {
    List<PassageFile.Doc> docs = PassageFile.read(Path.of(args[0]));
    Path indexDir = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    Files.createDirectories(indexDir);
    long t0 = System.nanoTime();
    Glossary glossary = org.policysearch.bench.GlossaryAccess.builtIn();
    Tagger tagger = new Tagger(glossary, Analyzers.exact());
    IndexWriterConfig cfg = new IndexWriterConfig(Fields.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCommitOnClose(false).setRAMBufferSizeMB(64);
    try (FSDirectory dir = FSDirectory.open(indexDir); IndexWriter w = new IndexWriter(dir, cfg)) {
      PassageFile.inParallel(docs, threads, () -> {
        PassageDocuments builder = new PassageDocuments();
        return d -> {
          List<TaggedPassage> ps = new ArrayList<>(d.passages().size());
          List<Block> blocks = new ArrayList<>(d.passages().size());
          for (PassageFile.Psg p : d.passages()) {
            ps.add(TaggedPassage.of(tagger, new Passage(d.id(), p.ordinal(), p.page(), p.lang(), p.text(), p.start(), p.end(), p.anchor())));
            blocks.add(new Block(p.text(), p.page(), Block.Kind.PARAGRAPH));
          }
          ExtractedDocument ex = new ExtractedDocument(Outcome.OK, null, d.mediaType(), d.title(), d.date(), 0, blocks);
          DocumentInfo info = new DocumentInfo(d.id(), d.source(), d.title(), null, d.lang(), d.date(), null, null, null, null,
              d.mediaType(), 0, ps.size(), "0".repeat(64), null);
          w.updateDocuments(new Term(Fields.DOC, d.id()), builder.build(info, ps, StoredExtraction.encode(ex)));
        };
      });
      w.commit();
    }
    PassageFile.result("ours", docs, t0, indexDir);
  }
}
