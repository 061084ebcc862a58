package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.Harness.expect;
import static org.computecap.server.HeadlessChromium.CHROMIUM;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in page in real headless Chromium (issue 16): a person types name, password and the
 * current code of their authenticator (keyboard only: tab and enter), a wrong password is shown
 * next to the password field, and the right ones land on /office/, which shows /api/me's content;
 * sign-out goes back to the sign-in page. No console errors beyond the refused sign-in's own 401.
 * Leaves {@code target/signin.png} and {@code target/office-landing.png}.
 */
class SignInBrowserTest {
  private Path dir;
  private Server server;
  private String base;
  private WebDriver browser;
  private SignInFixture.Person ann;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "SKIPPED: "
            + CHROMIUM
            + " is not installed, so sign-in cannot be tested in a browser (CI installs it with"
            + " apt-get install -y chromium chromium-driver)");
    dir = Files.createTempDirectory("computecap-signin-browser");
    server =
        Server.start(
            new Server.Options(
                dir.resolve("data"), null, SignInFixture.program(dir), 7, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
    base = "http://127.0.0.1:" + server.port();
    ApiClient regulator = new ApiClient(URI.create(base), server.newRegulatorToken());
    expect(regulator.openAccount(1, "alice", "PARTICIPANT"), 201);
    expect(regulator.openAccount(2, "bob", "PARTICIPANT"), 201);
    ann = SignInFixture.person(regulator, 10, "ann", 1, "BOTH");
    expect(
        regulator.post(
            "/api/accounts/2/representatives", Map.of("personId", 10, "rights", "APPROVER")),
        200);
    ChromeOptions options = HeadlessChromium.options(dir.resolve("chromium-profile"), 1100, 800);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = HeadlessChromium.start(options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_person_signs_in_with_password_and_totp_by_keyboard_and_sees_who_they_are()
      throws Exception {
    browser.get(base + "/office/");
    await(
        "the office sends a signed-out browser to sign in",
        d -> d.getCurrentUrl().endsWith("/office/signin.html"));
    assertThat(label("name")).isEqualTo("Name");
    assertThat(label("password")).isEqualTo("Password");
    assertThat(label("totp")).isEqualTo("Authenticator code");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("name");

    // A wrong password: the API's message appears next to the password field, which gets focus.
    browser
        .switchTo()
        .activeElement()
        .sendKeys("ann", Keys.TAB, "not-her-password", Keys.TAB, ann.nextCode(), Keys.ENTER);
    await("the password error", d -> d.findElement(By.id("password-error")).isDisplayed());
    assertThat(browser.findElement(By.id("password-error")).getText())
        .isEqualTo("the name or the password is wrong");
    assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("name-error")).isDisplayed()).isFalse();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
    shot("signin-error.png");
    // The refused sign-in's 401 is the one line the console may show so far.
    for (String line : consoleProblems()) {
      assertThat(line).contains("/api/session").contains("401");
    }

    // The right password and a fresh code, by keyboard: the office shows /api/me.
    WebElement password = browser.findElement(By.id("password"));
    password.clear();
    password.sendKeys(ann.password, Keys.TAB);
    WebElement totp = browser.switchTo().activeElement();
    assertThat(totp.getAttribute("id")).isEqualTo("totp");
    totp.clear();
    totp.sendKeys(ann.nextCode(), Keys.ENTER);
    await(
        "the office landing page",
        d ->
            d.getCurrentUrl().endsWith("/office/")
                && d.findElement(By.id("me-accounts")).isDisplayed());
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("ann");
    assertThat(browser.findElement(By.id("me-summary")).getText())
        .isEqualTo("ann, person 10: acting for account 1 as PARTICIPANT.");
    assertThat(browser.findElement(By.id("me-accounts-body")).getText())
        .isEqualTo("alice (1) PARTICIPANT yes yes\nbob (2) PARTICIPANT no yes");
    byte[] png = shot("office-landing.png");
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(consoleProblems()).as("the browser console after signing in").isEmpty();

    // The cookie is HttpOnly: the page's script cannot read it.
    assertThat(
            (String)
                ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.cookie"))
        .doesNotContain(Sessions.COOKIE);

    browser.findElement(By.id("signout")).click();
    await("back to sign-in", d -> d.getCurrentUrl().endsWith("/office/signin.html"));
    browser.get(base + "/office/");
    await("signed out for good", d -> d.getCurrentUrl().endsWith("/office/signin.html"));
    List<String> after = consoleProblems();
    assertThat(after).as("the browser console after signing out").isEmpty();
    shot("signin.png");
  }

  private String label(String id) {
    return browser.findElement(By.cssSelector("label[for='" + id + "']")).getText();
  }

  private void await(String what, java.util.function.Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("signin-failure.png");
      throw new AssertionError(
          "timed out waiting for "
              + what
              + " at "
              + browser.getCurrentUrl()
              + "; page: "
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /** Warnings and errors logged by the browser since the last call. */
  private List<String> consoleProblems() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        out.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return out;
  }

  private byte[] shot(String name) {
    try {
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Path file = Path.of("target", name);
      Files.createDirectories(file.getParent());
      Files.write(file, png);
      return png;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
