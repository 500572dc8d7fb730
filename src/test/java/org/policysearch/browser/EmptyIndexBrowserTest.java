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
    // the folder the server watches, by its path, and no command to run: dropped files are indexed by themselves
    String folder = server.corpus.toAbsolutePath().normalize().toString();
    browser.until(d -> browser.find("#message .watched-folder").getText().equals(folder));
    assertTrue(m.getText().contains("indexes what you add there by itself"), m.getText());
    assertTrue(!m.getText().contains("policy-search index"), "no index command to run: " + m.getText());
    assertTrue(!browser.find(".results-tools").isDisplayed(), "no result tools without results");
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
    String folder = server.corpus.toAbsolutePath().normalize().toString();
    browser.until(d -> browser.find("#message .watched-folder").getText().equals(folder));
    browser.screenshots("empty-terms", "#message:not([hidden])", null);
  }
}
