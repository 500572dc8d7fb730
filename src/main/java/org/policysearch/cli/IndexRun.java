package org.policysearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.Indexer;
import org.policysearch.terms.Glossary;

/** Wires one indexing run from the options: scan the corpus, extract, split, tag, index, commit. */
final class IndexRun {
  private IndexRun() {}

  static IndexReport run(Path corpus, Path index, Path glossaryFile, Glossary glossary, Extractor extractor, boolean full,
      int threads, IndexListener listener) {
    Set<Path> excluded = new HashSet<>();
    if (glossaryFile != null) excluded.add(glossaryFile);
    CorpusScan scan;
    try {
      scan = new CorpusScanner(corpus, excluded).scan();
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, e.getMessage() + " (point --corpus at a folder of documents)");
    }
    try {
      return new Indexer(index, extractor, glossary, threads).run(scan, full, listener);
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, e.getMessage());
    }
  }
}
