/** Extraction: the single Tika entry point, the blocks of text it yields with their pages, and each file's outcome. */
package org.policysearch.extraction;
