/** Prepare: from an extracted file to a document's language, metadata (SOURCES.tsv, front matter, its own text) and passages, the same for every backend. */
package org.policysearch.prepare;
