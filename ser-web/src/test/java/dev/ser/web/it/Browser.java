package dev.ser.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by the system chromedriver (Selenium Manager never downloads
 * anything: the driver path is set). Closed after each test; screenshots land in
 * target/screenshots.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("ser.screenshots", "target/screenshots"));

  final WebDriver driver;
  private final RunningApp app;

  private Browser(WebDriver driver, RunningApp app) {
    this.driver = driver;
    this.app = app;
  }

  static Browser open() {
    return open(List.of());
  }

  /** A browser whose system asks for dark pages ({@code prefers-color-scheme: dark}). */
  static Browser inDarkMode() {
    return open(List.of("--blink-settings=preferredColorScheme=0"));
  }

  /** A browser whose microphone plays {@code wav} (Chromium's fake capture device). */
  static Browser withFakeMicrophone(Path wav) {
    return open(
        List.of(
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--use-file-for-fake-audio-capture=" + wav.toAbsolutePath()));
  }

  private static Browser open(List<String> extra) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Path.of("/usr/bin/chromium").toFile());
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000"));
    arguments.addAll(extra);
    options.addArguments(arguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), RunningApp.get());
  }

  Browser go(String path) {
    driver.get(app.uri(path).toString());
    return this;
  }

  /**
   * Registers an account with this password through the registration form, which signs it in, and
   * returns its empty history's message.
   */
  WebElement register(String username, String password) {
    submitRegistration(username, password);
    return await("#history-empty");
  }

  /** Fills in and sends the registration form, which signs the new account in. */
  void submitRegistration(String username, String password) {
    go("register.xhtml");
    type("#register\\:username", username);
    type("#register\\:password", password);
    click("register:submit");
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * The element, once it is visible and its page has finished loading. An element found while a new
   * page is still loading can belong to a document Chrome then replaces, and using it fails with
   * "Node with given id does not belong to the document"; so the element is looked up again after
   * the load.
   */
  WebElement await(String css) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    wait.until(
        page ->
            "complete"
                .equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** Chooses a file in a file input (by id, e.g. {@code upload:file}). */
  void choose(String inputId, Path file) {
    driver.findElement(By.id(inputId)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Accepts the confirmation dialog the page opened and returns its text. */
  String confirmation() {
    org.openqa.selenium.Alert alert =
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
            .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
    String text = alert.getText();
    alert.accept();
    return text;
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  /**
   * Clicks a button that posts a form and waits until the answer replaced the page, so what the
   * test does next (a request of its own, another page) cannot overtake the post.
   */
  void submit(WebElement button) {
    WebElement page = driver.findElement(By.tagName("html"));
    button.click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> replaced(page));
  }

  /**
   * Clicks a button that asks for confirmation first (a delete), accepts the dialog and waits for
   * the page the form posts to; returns the dialog's text.
   */
  String submitConfirmed(WebElement button) {
    WebElement page = driver.findElement(By.tagName("html"));
    button.click();
    String text = confirmation();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> replaced(page));
    return text;
  }

  /**
   * Whether this element's document has been replaced. Selenium's {@code stalenessOf} only knows
   * "stale element reference"; while the new document is being committed, Chrome answers a call on
   * the old one with "Node with given id does not belong to the document" instead (an AuditIT run
   * in CI failed on it), which means the same thing.
   */
  private static boolean replaced(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Whether an image loaded with real pixels (not a broken-image icon). */
  boolean imageLoaded(String css) {
    Object width =
        ((JavascriptExecutor) driver)
            .executeScript("return arguments[0].complete && arguments[0].naturalWidth", find(css));
    return width instanceof Number n && n.intValue() > 0;
  }

  void scrollTo(String css) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", find(css));
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot =
          ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response to a page's own script, seen as that page sees it. */
  record Fetched(long status, String contentType, String contentDisposition, String body) {}

  /**
   * Fetches {@code url} from the current page's script, with its session cookie, as a download link
   * would (a click only saves the file, which the test cannot read).
   */
  @SuppressWarnings("unchecked")
  Fetched fetch(String url) {
    java.util.Map<String, Object> answer =
        (java.util.Map<String, Object>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(body => done({"
                        + " status: r.status, type: r.headers.get('Content-Type'),"
                        + " disposition: r.headers.get('Content-Disposition'), body: body})))"
                        + ".catch(e => done({status: 0, body: String(e)}));",
                    url);
    return new Fetched(
        ((Number) answer.get("status")).longValue(),
        (String) answer.get("type"),
        (String) answer.get("disposition"),
        (String) answer.get("body"));
  }

  String currentPath() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
