package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/** Issue 5: with nothing indexed, the pages say how to add documents instead of showing "no results". */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyIndexBrowserTest {
  UiServer server;
  Browser browser;

  @BeforeAll
  void start() {
    server = UiServer.empty();
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

  @Test
  void searchPageSaysHowToAddDocuments() {
    browser.open("/");
    WebElement m = browser.await("#message.message-empty").get(0);
    assertTrue(m.getText().contains("No documents indexed yet"), m.getText());
    assertTrue(m.getText().contains("corpus") && m.getText().contains("policy-search index"), m.getText());
    browser.screenshots("empty-index", "#message.message-empty", null);

    browser.open("/?q=security");
    WebElement again = browser.await("#message.message-empty").get(0);
    assertTrue(again.getText().contains("No documents indexed yet"), "a search on an empty index: " + again.getText());
  }

  @Test
  void termExplorerSaysHowToAddDocuments() {
    browser.open("/terms");
    WebElement m = browser.await("#message:not([hidden])").get(0);
    assertTrue(m.getText().contains("No documents indexed yet"), m.getText());
    browser.screenshots("empty-terms", "#message:not([hidden])", null);
  }
}
