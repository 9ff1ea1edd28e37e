package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page, checked by axe-core (the engine behind Lighthouse's accessibility audit) in headless
 * Chromium at desktop and phone sizes: WCAG 2.1 A and AA rules, no violation of any impact; each
 * page's screenshots at both sizes are kept in target/screenshots. axe-core is installed by {@code
 * .ci/install} into {@code ~/.cache/ser/axe} ({@code SER_AXE_DIR} elsewhere).
 */
class AccessibilityIT {
  private static final Path AXE =
      Path.of(
          System.getenv()
              .getOrDefault("SER_AXE_DIR", System.getProperty("user.home") + "/.cache/ser/axe"),
          "node_modules/axe-core/axe.min.js");

  private static final String PASSWORD = "a long enough password";

  @Test
  void everyPageHasNoAxeViolations() {
    String script = axe();
    List<String> problems = new ArrayList<>();
    try (Browser browser = Browser.open()) {
      for (String page :
          List.of(
              "",
              "login.xhtml",
              "register.xhtml",
              "model.xhtml",
              "api.html",
              "no-such-page.xhtml")) {
        browser.go(page);
        if (page.equals("api.html")) {
          // Swagger UI draws the operations after loading the document: check what it drew.
          browser.await("#swagger-ui[data-rendered] .opblock");
        }
        problems.addAll(atBothSizes(browser, page, script));
      }
      browser.go("");
      browser.choose("upload:file", PagesIT.WAV);
      browser.click("upload:analyse");
      browser.await("#emotion");
      problems.addAll(atBothSizes(browser, "result-anonymous", script));
    }
    // A new browser: registering in the first would claim its anonymous analysis.
    try (Browser browser = Browser.open()) {
      browser.register("axe-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
      problems.addAll(atBothSizes(browser, "history-empty", script));
      browser.go("");
      browser.choose("upload:file", PagesIT.WAV);
      browser.click("upload:analyse");
      browser.await("#emotion");
      problems.addAll(atBothSizes(browser, "result-owner", script));
      browser.submit(browser.find("#sharing\\:create"));
      String link = browser.await("#share-link").getAttribute("value");
      problems.addAll(atBothSizes(browser, "result-shared-link", script));
      browser.driver.get(link);
      browser.await("#emotion");
      problems.addAll(atBothSizes(browser, "shared", script));
      browser.go("history.xhtml");
      problems.addAll(atBothSizes(browser, "history", script));
      browser.go("account.xhtml");
      problems.addAll(atBothSizes(browser, "account", script));
    }
    try (Browser admin = Browser.open()) {
      admin.go("login.xhtml");
      admin.type("#login\\:username", "admin");
      admin.type("#login\\:password", RunningApp.ADMIN_PASSWORD);
      admin.click("login:submit");
      new WebDriverWait(admin.driver, Duration.ofSeconds(60))
          .until(d -> !admin.currentPath().equals("/login.xhtml"));
      for (String page : List.of("admin/samples.xhtml", "admin/audit.xhtml")) {
        admin.go(page);
        problems.addAll(atBothSizes(admin, page, script));
      }
    }
    assertThat(problems).as("axe-core violations").isEmpty();
  }

  /** The check itself can fail: an image without a text alternative is reported. */
  @Test
  void axeReportsAnImageWithoutAlternativeText() {
    try (Browser browser = Browser.open()) {
      browser.go("");
      ((JavascriptExecutor) browser.driver)
          .executeScript(
              "var img = document.createElement('img'); img.src = 'resources/img/logo.svg';"
                  + "document.querySelector('main').appendChild(img);");
      assertThat(violations(browser, "home with a bad image", axe()))
          .anyMatch(line -> line.contains("image-alt"));
    }
  }

  /**
   * axe's violations on the page at desktop size (1366x900) and phone size (390x844), with a
   * screenshot of each in target/screenshots ({@code a11y-PAGE-desktop.png}, {@code -phone}).
   */
  private static List<String> atBothSizes(Browser browser, String page, String axe) {
    String name = "a11y-" + (page.isEmpty() ? "home" : page.replaceAll("[^A-Za-z0-9-]+", "-"));
    List<String> problems = new ArrayList<>();
    browser.resize(1366, 900);
    problems.addAll(violations(browser, page + " (desktop)", axe));
    browser.screenshot(name + "-desktop");
    browser.resize(390, 844);
    problems.addAll(violations(browser, page + " (phone)", axe));
    browser.screenshot(name + "-phone");
    browser.resize(1366, 900);
    return problems;
  }

  /** axe's violations on the page, one line each: page, rule, impact, the elements. */
  @SuppressWarnings("unchecked")
  private static List<String> violations(Browser browser, String page, String axe) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) {"
                + "    return n.target.join(' '); }).join(', ')}; })); })"
                + ".catch(function (e) { done([{id: 'axe-error', impact: String(e), nodes: ''}]); });");
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
      lines.add(
          (page.isEmpty() ? "home" : page)
              + ": "
              + violation.get("id")
              + " ("
              + violation.get("impact")
              + ") at "
              + violation.get("nodes"));
    }
    return lines;
  }

  private static String axe() {
    if (!Files.isRegularFile(AXE)) {
      throw new IllegalStateException(
          AXE + " not found: run .ci/install (npm install axe-core@4.14.1 there)");
    }
    try {
      return Files.readString(AXE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
