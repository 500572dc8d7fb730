package org.policysearch.bench;

import java.io.IOException;
import org.policysearch.terms.Glossary;

/** The built-in glossary (the one the index command uses when the corpus has none). */
public final class GlossaryAccess {
  private GlossaryAccess() {}

  public static Glossary builtIn() throws IOException {
    return Prepare.builtInGlossary();
  }
}
