/** Passages: splits extracted text into the units a reader recognises (headings, paragraphs, list items, law articles), each with a stable anchor. */
package org.policysearch.passages;
