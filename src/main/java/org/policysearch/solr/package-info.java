/**
 * The SolrCloud backend (issue 8), above index and search: the collection and its retries, the configset generated
 * from the same field names and analysis chains, and the indexer that runs the index package's per-file pipeline
 * into Solr input documents (the one field mapping).
 */
package org.policysearch.solr;
