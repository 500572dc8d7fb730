package org.policysearch.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One real server and one headless Chromium per test class; after every test, the page must show
 * no CSP violation, uncaught error or unhandled rejection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  UiServer server;
  Browser browser;

  /** The server this class runs against. */
  abstract UiServer startServer();

  @BeforeAll
  void startServerAndBrowser() {
    server = startServer();
    browser = new Browser(server.base());
  }

  @AfterEach
  void noPageProblems() {
    if (browser != null) browser.assertNoPageProblems();
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
  }
}
