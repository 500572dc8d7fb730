/** Corpus: walks a folder of documents in a stable order and reads the metadata a {@code SOURCES.tsv} beside them supplies. */
package org.policysearch.corpus;
