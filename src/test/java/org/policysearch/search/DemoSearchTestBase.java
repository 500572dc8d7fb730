package org.policysearch.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.DemoCorpus;

/** A search service over the shared demo-corpus index, opened once per test class. */
abstract class DemoSearchTestBase {
  static SearchService search;

  @BeforeAll
  static void openDemoSearch() throws Exception {
    search = new SearchService(DemoCorpus.index(), Glossary.empty());
  }

  @AfterAll
  static void closeDemoSearch() throws Exception {
    search.close();
  }
}
