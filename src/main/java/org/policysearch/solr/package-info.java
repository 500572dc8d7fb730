/** The SolrCloud search backend (issue 8): {@link org.policysearch.solr.SolrSearchBackend} with its reader and suggestions, the translation of the shared Lucene queries into Solr syntax and the reading of Solr's answers; it stands above search and index (it uses both; neither uses it), so nothing else depends on SolrJ's query side. */
package org.policysearch.solr;
