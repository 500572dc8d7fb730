/**
 * Index: the per-file pipeline ({@link org.policysearch.index.FilePipeline}: decide, extract, prepare, tag, write, with a
 * typed {@link org.policysearch.index.FileOutcome} and {@link org.policysearch.index.IndexCounts}), every field name once
 * ({@link org.policysearch.index.Fields}) and mapped once ({@link org.policysearch.index.FieldMapping}), the
 * {@link org.policysearch.index.DocumentWriter} seam, and the embedded backend: Lucene documents and the incremental
 * {@link org.policysearch.index.Indexer} with its one atomic commit per run. No Solr types.
 */
package org.policysearch.index;
