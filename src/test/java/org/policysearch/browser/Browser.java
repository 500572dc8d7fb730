package org.policysearch.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policysearch.testing.DemoCorpus;

/**
 * Debian's Chromium driven through Debian's chromedriver, headless, offline: the driver path is
 * given explicitly so Selenium Manager never runs, every host name but 127.0.0.1 resolves to
 * nothing, and each browser gets a new empty profile. One per test class.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final String base;
  private final Path profile;
  private final ChromeDriverService service;

  Browser(String base) {
    assumeTrue(Files.isExecutable(CHROMIUM), "browser tests skipped: " + CHROMIUM + " is missing (apt-get install chromium)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "browser tests skipped: " + CHROMEDRIVER + " is missing (apt-get install chromium-driver)");
    this.base = base;
    try {
      this.profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--lang=en-US");
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    // before any page script: record CSP violations and uncaught errors for the whole tab session
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBLEM_RECORDER));
  }

  private static final String PROBLEM_RECORDER = "(() => {"
      + "const note = (m) => { try { const k = '__problems'; const a = JSON.parse(sessionStorage.getItem(k) || '[]');"
      + "a.push(location.pathname + location.search + ': ' + m); sessionStorage.setItem(k, JSON.stringify(a)); } catch (_) {} };"
      + "addEventListener('securitypolicyviolation', (e) => note('CSP blocked ' + e.violatedDirective + ' ' + e.blockedURI));"
      + "addEventListener('error', (e) => note('error ' + (e.message || (e.target && (e.target.src || e.target.href)) || e)), true);"
      + "addEventListener('unhandledrejection', (e) => note('unhandled rejection ' + (e.reason && e.reason.message || e.reason)));"
      + "})();";

  /**
   * Fails on any CSP violation, uncaught error or unhandled rejection recorded in this tab since the
   * last call, on any page of the server (the record survives navigation through sessionStorage).
   */
  void assertNoPageProblems() {
    List<Object> problems = takePageProblems();
    assertTrue(problems.isEmpty(), "page problems: " + problems);
  }

  /** The problems recorded since the last call (and forgets them). */
  List<Object> takePageProblems() {
    if (!String.valueOf(driver.getCurrentUrl()).startsWith(base)) return List.of();
    return js("const a = JSON.parse(sessionStorage.getItem('__problems') || '[]');"
        + "sessionStorage.removeItem('__problems'); return a;");
  }

  void open(String pathAndQuery) {
    driver.get(base + pathAndQuery);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
  }

  <T> T until(Function<WebDriver, T> condition) {
    return waiting().until(condition);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until a selector matches at least one element and returns them all. */
  List<WebElement> await(String css) {
    return until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() ? null : found;
    });
  }

  @SuppressWarnings("unchecked")
  <T> T js(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The path and query of the current page (no origin, no fragment). */
  String pathAndQuery() {
    return js("return location.pathname + location.search");
  }

  /** Sizes the window so that the viewport (what pages lay out in) is d. */
  void size(Dimension d) {
    driver.manage().window().setSize(d);
    Long w = js("return window.innerWidth");
    Long h = js("return window.innerHeight");
    if (w != d.width || h != d.height) {
      driver.manage().window().setSize(new Dimension(2 * d.width - w.intValue(), 2 * d.height - h.intValue()));
    }
  }

  /**
   * Saves the current page, loaded afresh at desktop (1280x900) and at phone (390x844) width, as
   * target/screenshots/{name}-desktop.png and -phone.png (what a user sees; keepInView, when not
   * null, scrolled to the middle first), and the whole page (up to 3000 px tall) as
   * -desktop-full.png and -phone-full.png. Checks that nothing makes the page wider than the
   * phone's viewport. Ends with the page reloaded at desktop size and ready again.
   */
  void screenshots(String name, String readyCss, String keepInViewCss) {
    try {
      Files.createDirectories(SCREENSHOTS);
      for (Dimension d : List.of(DESKTOP, PHONE)) {
        size(d);
        driver.navigate().refresh();
        await(readyCss);
        settle();
        if (d == PHONE) {
          Long sw = js("return document.documentElement.scrollWidth");
          Long iw = js("return window.innerWidth");
          assertTrue(sw <= iw, name + " overflows at phone width: page is " + sw + " px wide, viewport " + iw + " px; widest: "
              + js(WIDEST));
        }
        String file = name + "-" + (d == DESKTOP ? "desktop" : "phone");
        Files.write(SCREENSHOTS.resolve(file + "-full.png"), fullPage());
        settle();
        if (keepInViewCss != null) {
          js("arguments[0].scrollIntoView({block: 'center'})", find(keepInViewCss));
        } else {
          js("window.scrollTo(0, 0)");
        }
        settle();
        Files.write(SCREENSHOTS.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      }
      size(DESKTOP);
      driver.navigate().refresh();
      await(readyCss);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String WIDEST = "let w=null,m=0;for(const e of document.querySelectorAll('body *')){const r=e.getBoundingClientRect();"
      + "if(r.right>m&&getComputedStyle(e).position!=='fixed'){m=r.right;w=e;}}"
      + "return w?(w.tagName+'#'+w.id+'.'+w.className+' right='+Math.round(m)):'none'";

  private byte[] fullPage() {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    Long vw = js("return window.innerWidth");
    double height = Math.min(3000, ((Number) content.get("height")).doubleValue());
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", vw, "height", height, "scale", 1)));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  /** Two animation frames: layout and paint after a resize or a DOM change. */
  void settle() {
    driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()))");
  }

  /** True when the element's top edge is inside the viewport and below any sticky bar covering it. */
  boolean inView(WebElement e) {
    return js("const r = arguments[0].getBoundingClientRect();"
        + "if (!(r.top >= 0 && r.top < innerHeight && r.bottom > 0 && r.left >= 0 && r.left < innerWidth)) return false;"
        + "const x = Math.min(innerWidth - 1, r.left + Math.min(r.width / 2, 40)), y = Math.min(innerHeight - 1, r.top + Math.min(r.height / 2, 12));"
        + "const hit = document.elementFromPoint(x, y);"
        + "return !!hit && (arguments[0].contains(hit) || hit.contains(arguments[0]));", e);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      DemoCorpus.delete(profile);
    }
  }
}
