/** Corpus: walks a folder of documents in a stable order, reads the metadata a {@code SOURCES.tsv} beside them supplies, hashes file contents, and watches the folder for changes. */
package org.policysearch.corpus;
