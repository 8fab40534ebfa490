package dev.tangram.runtime.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/**
 * Headless Chromium from the Debian packages ({@code chromium}, {@code chromium-driver}; .ci/run
 * installs them), driven through its chromedriver — nothing is downloaded. Every step can be
 * saved as a screenshot under {@code target/screenshots/<test>/}.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path screenshots;
  private final Path profile;
  private int step;

  private Browser(ChromeDriver driver, String baseUrl, Path screenshots, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    this.profile = profile;
  }

  /** A fresh browser (own profile) for the app at {@code baseUrl}; the test is skipped without Chromium. */
  public static Browser open(String baseUrl, String testName) {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests need the Debian packages chromium and chromium-driver (.ci/run installs them)");
    try {
      Path profile = Files.createTempDirectory("tangram-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
          "--lang=en-US", "--user-data-dir=" + profile, "--window-size=1280,860");
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      Path screenshots = Path.of("target", "screenshots", testName);
      Files.createDirectories(screenshots);
      return new Browser(driver, baseUrl, screenshots, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(baseUrl + path);
    waitForVaadin();
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    waitForVaadin();
  }

  /** Waits until the page has loaded and Vaadin has no request under way. */
  public void waitForVaadin() {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "if (document.readyState !== 'complete') return false;"
            + "const f = window.Vaadin && window.Vaadin.Flow;"
            + "if (!f || !f.clients) return true;"
            + "return Object.values(f.clients).every(c => !c.isActive || !c.isActive());")));
  }

  public WebElement find(String css) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("element " + css).until(d -> {
        List<WebElement> found = d.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst();
      });
    } catch (RuntimeException e) {
      screenshot("failed-finding");
      throw e;
    }
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public void waitFor(String description, java.util.function.BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(description).until(d -> condition.getAsBoolean());
    } catch (RuntimeException e) {
      screenshot("failed-waiting");
      throw e;
    }
  }

  /** Gives {@code file} to the file input of the Vaadin upload {@code css} (in its light DOM or shadow root). */
  public void upload(String css, Path file) {
    WebElement upload = find(css);
    List<WebElement> inputs = upload.findElements(By.cssSelector("input[type=file]"));
    WebElement input = inputs.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : inputs.getFirst();
    input.sendKeys(file.toAbsolutePath().toString());
    waitForVaadin();
    // chromedriver adds to a multiple file input's list: without this the next upload would send
    // this file again alongside the next one, in either order
    script("arguments[0].value = '';", input);
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Types into the native input inside a Vaadin field. */
  public void type(String fieldCss, String text) {
    WebElement input = find(fieldCss + " input, " + fieldCss + " textarea");
    input.clear();
    input.sendKeys(text);
    waitForVaadin();
  }

  public void click(String css) {
    WebElement element = find(css);
    script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
    waitForVaadin();
  }

  public String text(String css) {
    return find(css).getText();
  }

  /**
   * Drags {@code sourceCss} onto {@code targetCss} with HTML5 drag events dispatched in the page
   * (chromedriver cannot drive native HTML5 drag and drop).
   */
  public void dragAndDrop(String sourceCss, String targetCss) {
    WebElement source = find(sourceCss);
    WebElement target = find(targetCss);
    script("const [s, t] = arguments; const dt = new DataTransfer();"
        + "const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));"
        + "t.scrollIntoView({block: 'center'});"
        + "fire(s, 'dragstart'); fire(t, 'dragenter'); fire(t, 'dragover'); fire(t, 'drop'); fire(s, 'dragend');", source, target);
    waitForVaadin();
  }

  /** A property of a Vaadin component (e.g. {@code value}), read in the page. */
  public String property(String css, String name) {
    Object value = script("const e = document.querySelector(arguments[0]); return e == null ? null : e[arguments[1]];", css, name);
    return value == null ? "" : value.toString();
  }

  /** Logs in through the login page. */
  public void logIn(String username, String password) {
    go("/login");
    type("vaadin-text-field[name='username']", username);
    type("vaadin-password-field[name='password']", password);
    click("vaadin-button[slot='submit']");
    waitFor("logged in", () -> !driver.getCurrentUrl().contains("/login"));
    waitForVaadin();
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves the current page as {@code target/screenshots/<test>/NN-name.png}. */
  public Path screenshot(String name) {
    try {
      waitForVaadin();
    } catch (RuntimeException e) {
      // a screenshot of a busy page still helps
    }
    try {
      Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp profile is harmless
    }
  }
}
