package org.policysearch.index;

import java.io.IOException;
import java.util.List;

/**
 * Where the per-file pipeline ({@link FilePipeline}) writes a prepared, tagged document: the
 * embedded index ({@link PassageDocuments#into}) or a SolrCloud collection
 * ({@code org.policysearch.solr.SolrIndexer}). Both turn it into fields with the one
 * {@link FieldMapping}. Called from the run's threads at once.
 */
@FunctionalInterface
public interface DocumentWriter {
  /**
   * Writes one file's entries (its passages, its document, its stored extraction), replacing every
   * entry of its document id and, when replacedDocId is not null, of that earlier id of the same file.
   */
  void write(DocumentInfo info, List<TaggedPassage> passages, byte[] extraction, String replacedDocId) throws IOException;
}
