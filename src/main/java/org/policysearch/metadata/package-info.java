/** Metadata a document carries in its own text: date (with the rule that gave it), title, issuer and document number, inferred when SOURCES.tsv says nothing. */
package org.policysearch.metadata;
