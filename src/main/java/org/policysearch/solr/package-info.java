/**
 * The SolrCloud backend (issue 8), above index and search (it uses both; neither uses it), so
 * nothing else depends on SolrJ. Index side: the collection and its retries
 * ({@link org.policysearch.solr.SolrCollection}), the configset generated from the same field
 * names and analysis chains ({@link org.policysearch.solr.SolrConfigset}), and the indexer that
 * runs the index package's per-file pipeline into Solr input documents through the one field
 * mapping ({@link org.policysearch.solr.SolrIndexer}). Search side, split as the embedded one:
 * {@link org.policysearch.solr.SolrSearchBackend} (search), {@link org.policysearch.solr.SolrReader}
 * (the reader), {@link org.policysearch.solr.SolrSuggester} (suggestions), with the translation of
 * the shared Lucene queries into Solr syntax ({@link org.policysearch.solr.SolrQueries}) and the
 * reading of Solr's answers ({@link org.policysearch.solr.SolrValues}).
 */
package org.policysearch.solr;
