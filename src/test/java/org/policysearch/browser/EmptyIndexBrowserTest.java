package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Issue 5: with nothing indexed, the pages say how to add documents instead of showing "no results". */
class EmptyIndexBrowserTest extends BrowserTestBase {

  @Override
  UiServer startServer() {
    return UiServer.empty();
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
