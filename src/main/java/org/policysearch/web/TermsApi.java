package org.policysearch.web;

import java.io.IOException;

/**
 * The glossary's concordance as JSON ({@code /api/terms}, {@code /api/terms/{id}}); implemented
 * by the search package's concordance and wired by the CLI. Return values are serialised as they
 * are; an unknown concept throws {@link org.policysearch.search.NotFoundException}.
 */
public interface TermsApi {
  /** Every concept with its counts (and the documents, for the heatmap). */
  Object terms() throws IOException;

  /** One concept's concordance; doc, when not blank, keeps only that document. */
  Object term(String id, String doc) throws IOException;
}
