package org.policysearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.corpus.SourceFile;
import org.policysearch.corpus.SourceMetadata;
import org.policysearch.extraction.Extractor;
import org.policysearch.index.IndexListener;
import org.policysearch.index.IndexReport;
import org.policysearch.index.Indexer;
import org.policysearch.solr.SolrCollection;
import org.policysearch.solr.SolrIndexer;
import org.policysearch.terms.CitationConcepts;
import org.policysearch.terms.Glossary;

/** Wires one indexing run from the options: scan the corpus, add the documents' titles to the glossary, extract, split, tag, index, commit. */
final class IndexRun {
  private IndexRun() {}

  static IndexReport run(Path corpus, Path index, Path glossaryFile, Glossary glossary, Extractor extractor, boolean full,
      int threads, IndexListener listener) {
    return run(corpus, index, null, glossaryFile, glossary, extractor, full, threads, listener);
  }

  /** As above; with solr set, into that SolrCloud collection instead of the index folder. */
  static IndexReport run(Path corpus, Path index, SolrOptions solr, Path glossaryFile, Glossary glossary, Extractor extractor,
      boolean full, int threads, IndexListener listener) {
    return run(corpus, index, solr, glossaryFile, glossary, extractor, full, threads, listener, null);
  }

  /**
   * As above, looking only at the files at or under these paths (what a watcher saw change; the
   * embedded index only, see {@link Indexer#run(CorpusScan, boolean, IndexListener, Set)}); null for every file.
   */
  static IndexReport run(Path corpus, Path index, SolrOptions solr, Path glossaryFile, Glossary glossary, Extractor extractor,
      boolean full, int threads, IndexListener listener, Set<String> only) {
    Set<Path> excluded = new HashSet<>();
    if (glossaryFile != null) excluded.add(glossaryFile);
    CorpusScan scan;
    try {
      scan = new CorpusScanner(corpus, excluded).scan();
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, e.getMessage() + " (point --corpus at a folder of documents)");
    }
    List<CitationConcepts.TitledDoc> titled = new ArrayList<>();
    for (SourceFile f : scan.files()) {
      SourceMetadata m = scan.metadataFor(f.source());
      if (m.title() != null || m.titleEnglish() != null) titled.add(new CitationConcepts.TitledDoc(f.docId(), m.title(), m.titleEnglish()));
    }
    Glossary effective = glossary.with(CitationConcepts.generate(titled));
    if (solr != null && solr.enabled()) {
      try (SolrCollection collection = solr.connect()) {
        return new SolrIndexer(collection, extractor, effective, threads).run(scan, full, listener);
      } catch (IOException e) {
        throw new CliException(ExitCodes.CANNOT_RUN, e.getMessage());
      }
    }
    try {
      return new Indexer(index, extractor, effective, threads).run(scan, full, listener, only);
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, e.getMessage());
    }
  }
}
