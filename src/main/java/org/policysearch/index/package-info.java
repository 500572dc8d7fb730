/** Index: every field name once ({@link org.policysearch.index.Fields}), passages to Lucene documents, the incremental indexer with its one atomic commit per run. */
package org.policysearch.index;
