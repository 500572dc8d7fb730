package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policysearch.cli.ExitCodes;
import org.policysearch.cli.Main;
import org.policysearch.testing.Fixtures;

/**
 * Issue 18: a saved search says what is new since it was last run after documents are added to the
 * corpus and indexed (here by the index command on the server's index, as the watcher would), and
 * forgets it once run again.
 */
class SavedSearchNewDocumentsBrowserTest extends BrowserTestBase {
  @Override
  UiServer startServer() {
    try {
      Path corpus = Files.createTempDirectory("ui-saved-corpus");
      Fixtures.text(corpus.resolve("2019-notice.en.txt"), "A notice on walrus tariffs and steel.\n\nA second paragraph on walrus quotas.\n");
      Fixtures.text(corpus.resolve("2020-rules.en.txt"), "Rules for walrus imports.\n");
      return UiServer.over(corpus);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSavedSearchCountsTheDocumentsAddedSinceItsLastRun() throws IOException {
    browser.open("/");
    browser.js("localStorage.clear()");
    browser.open("/?q=walrus");
    browser.await("#results li.hit");
    browser.js("window.prompt = () => 'walrus'");
    browser.find("#save-search").click();
    browser.await("#saved-list a.saved-item");
    browser.open("/");
    browser.await("#saved-list .new-count[data-checked]");
    Boolean hidden = browser.js("return document.querySelector('#saved-list .new-count').hidden");
    assertEquals(Boolean.TRUE, hidden, "nothing new yet");

    Fixtures.text(server.corpus.resolve("2021-order.en.txt"), "An order on walrus exports.\n");
    int code = Main.run("index", "--corpus", server.corpus.toString(), "--index", server.index.toString());
    assertEquals(ExitCodes.OK, code);
    server.search.refresh();

    browser.open("/");
    browser.until(d -> browser.find("#saved-list .new-count").getText().equals("1 new document"));
    browser.screenshots("search-saved-new", "#saved-list .new-count:not([hidden])", null);
    browser.find("#saved-list a.saved-item").click();
    browser.await("#results li.hit");
    browser.until(d -> browser.all("#results > li.hit").size() == 4);
    browser.open("/");
    browser.await("#saved-list .new-count[data-checked]");
    browser.until(d -> Boolean.TRUE.equals(browser.js("return document.querySelector('#saved-list .new-count').hidden")));
    browser.js("localStorage.clear()");
  }
}
