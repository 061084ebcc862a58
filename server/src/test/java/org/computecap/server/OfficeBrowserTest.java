package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.Harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The front office (issue 16) in a real browser: Debian's headless Chromium against one server for
 * the class, whose program turns on four-eyes (orders and transfers above 10 permits wait for a
 * second representative), trusted lists and the registry controls. Persons act through the pages
 * only: a participant's representative places an order that trades against another participant's
 * resting order; a transfer held by four-eyes is approved by a second representative; the regulator
 * closes the period and the participant reads its compliance code. Every page is checked for
 * console errors and leaves a screenshot in {@code target/}. The tests run in order on one market.
 * Skipped only where Chromium is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long AURORA = 1;
  private static final long BOREALIS = 2;
  private static final long MINISTRY = 5;
  private static final long ANN = 10;
  private static final long AL = 11;
  private static final long BO = 12;
  private static final long REX = 20;
  private static final long AUDIT_OFFICE = 6;
  private static final long AVA = 30;

  private static Path dir;
  private static Server server;
  private static String base;
  private static ApiClient regulator;
  private static final Map<Long, SignInFixture.Person> PEOPLE = new java.util.HashMap<>();
  private static final Map<Long, String> SESSIONS = new java.util.HashMap<>();
  private static WebDriver browser;

  /** The example program with every representative rule and the registry controls on. */
  static Path program(Path dir) throws IOException {
    Path program = dir.resolve("program.yaml");
    Files.writeString(
        program,
        Files.readString(Harness.program(), StandardCharsets.UTF_8)
            + "\nregistryControls:\n"
            + "  lateSurrender: REFUSED\n"
            + "representatives:\n"
            + "  minimumPerAccount: 1\n"
            + "  approvalExpiryTicks: 86400000\n"
            + "  regulatorFourEyes: false\n"
            + "  fourEyes:\n"
            + "    abovePermits: 10\n"
            + "  trustedList:\n"
            + "    entryDelayTicks: 0\n"
            + "    untrustedDelayTicks: 93600000\n"
            + "    untrustedMaxPermits: 1000\n",
        StandardCharsets.UTF_8);
    return program;
  }

  @BeforeAll
  static void startServerAndBrowser() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(HeadlessChromium.CHROMIUM),
        "SKIPPED: "
            + HeadlessChromium.CHROMIUM
            + " is not installed, so the front office cannot be tested in a browser (CI installs"
            + " it with apt-get install -y chromium chromium-driver)");
    dir = Files.createTempDirectory("computecap-office");
    server =
        Server.start(
            new Server.Options(dir.resolve("data"), null, program(dir), 7, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
    base = "http://127.0.0.1:" + server.port();
    ApiClient anonymous = new ApiClient(URI.create(base), null);
    regulator = anonymous.withToken(server.newRegulatorToken());
    expect(regulator.openAccount(AURORA, "Aurora-Compute", "PARTICIPANT"), 201);
    expect(regulator.openAccount(BOREALIS, "Borealis-AI", "PARTICIPANT"), 201);
    expect(regulator.openAccount(MINISTRY, "Ministry", "REGULATOR"), 201);
    expect(regulator.openAccount(AUDIT_OFFICE, "Audit-Office", "AUDITOR"), 201);
    // Each with a password and a TOTP second factor, set by the market regulator.
    PEOPLE.put(ANN, SignInFixture.person(regulator, ANN, "Ann-Archer", AURORA, "BOTH"));
    PEOPLE.put(AL, SignInFixture.person(regulator, AL, "Al-Abbot", AURORA, "BOTH"));
    PEOPLE.put(BO, SignInFixture.person(regulator, BO, "Bo-Brandt", BOREALIS, "BOTH"));
    PEOPLE.put(REX, SignInFixture.person(regulator, REX, "Rex-Regan", MINISTRY, "BOTH"));
    PEOPLE.put(AVA, SignInFixture.person(regulator, AVA, "Ava-Auditor", AUDIT_OFFICE, "BOTH"));
    SignInFixture.BrowserSession rex = SignInFixture.signIn(URI.create(base), PEOPLE.get(REX));
    for (long account : new long[] {AURORA, BOREALIS}) {
      expect(
          rex.post("/api/issuances", Map.of("accountId", account, "vintage", 1, "quantity", 1_000)),
          200);
      expect(regulator.deposit(account, 10_000_000), 200);
    }
    ChromeOptions options = HeadlessChromium.options(dir.resolve("chromium-profile"), 1400, 1800);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = HeadlessChromium.start(options);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (dir != null) {
      StateSnapshotTest.deleteTree(dir);
    }
  }

  /** No page of a test wrote a warning or an error to the browser console. */
  @AfterEach
  void theConsoleStayedClean() {
    assertThat(consoleErrors()).as("the browser console").isEmpty();
  }

  // ------------------------------------------------------------------ the tests

  @Test
  @Order(1)
  void a_representative_places_an_order_that_trades_against_another_participants_order()
      throws Exception {
    JsonNode resting =
        expect(
                SignInFixture.signIn(URI.create(base), PEOPLE.get(BO))
                    .post(
                        "/api/orders",
                        Map.of(
                            "accountId",
                            BOREALIS,
                            "side",
                            "SELL",
                            "type",
                            "LIMIT",
                            "priceCents",
                            2_150,
                            "quantity",
                            5,
                            "vintage",
                            1)),
                201)
            .body();
    assertThat(resting.path("orderId").asLong()).isPositive();

    signIn(ANN, "participant.html");
    await("Ann's holdings", d -> text("card-free-permits").equals("1,000"));
    assertThat(browser.findElement(By.id("account-title")).getText())
        .isEqualTo("Aurora-Compute (account 1)");

    select("order-side", "BUY");
    type("order-vintage", "1");
    type("order-quantity", "5");
    type("order-price", "21.50");
    browser.findElement(By.id("order-submit")).click();
    await("the order's answer", d -> formResult("order-form").contains("1 trade"));
    await("the permits bought", d -> text("card-free-permits").equals("1,005"));
    await("the cash paid", d -> text("card-free-cash").equals("99,892.50"));
    await(
        "the filled order",
        d -> rows("finished-orders-table").stream().anyMatch(r -> r.contains("FILLED")));
    assertThat(freePermits(BOREALIS)).as("the seller's permits, read over the API").isEqualTo(995);
    // The serial numbers the account holds (issue 15): its own 1,000 and the 5 bought from
    // Borealis.
    browser.findElement(By.id("serials-link")).click();
    await("the serial ranges", d -> rows("serials-table").get(0).equals("1 1,005 1–1,005"));
    assertThat(lowContrastTexts()).as("texts below WCAG AA contrast").isEmpty();
    screenshot("office-participant.png");
  }

  @Test
  @Order(2)
  void an_error_the_api_names_a_field_for_is_shown_next_to_that_field_and_in_the_summary()
      throws Exception {
    signIn(ANN, "participant.html");
    await("the order form", d -> text("card-free-permits").equals("1,005"));
    // Typed wrong: the page says so before anything is sent.
    type("order-quantity", "five");
    type("order-price", "21.50");
    browser.findElement(By.id("order-submit")).click();
    await("the typing error", d -> !fieldError("order-quantity").isEmpty());
    assertThat(fieldError("order-quantity")).contains("Quantity (permits) must be a whole number");
    // The API's own refusal: a quantity of 0 is a 400 naming the field "quantity".
    type("order-quantity", "0");
    browser.findElement(By.id("order-submit")).click();
    await(
        "the API's error next to the quantity",
        d -> fieldError("order-quantity").contains("quantity"));
    WebElement quantity = browser.findElement(By.id("order-quantity"));
    assertThat(quantity.getAttribute("aria-invalid")).isEqualTo("true");
    WebElement summary = browser.findElement(By.cssSelector("#order-form .error-summary"));
    assertThat(summary.isDisplayed()).isTrue();
    assertThat(summary.getText()).startsWith("There is a problem");
    assertThat(browser.switchTo().activeElement())
        .as("the summary has the focus")
        .isEqualTo(summary);
    // The summary links to the field; the keyboard reaches it.
    summary.findElement(By.tagName("a")).click();
    assertThat(browser.switchTo().activeElement()).isEqualTo(quantity);
    // By keyboard alone: Tab to the price (its focus ring visible), Enter submits the form.
    type("order-quantity", "1");
    quantity.sendKeys(Keys.TAB);
    WebElement price = browser.switchTo().activeElement();
    assertThat(price.getAttribute("id")).isEqualTo("order-price");
    assertThat(price.getCssValue("outline-style")).isEqualTo("solid");
    assertThat(price.getCssValue("outline-width")).isEqualTo("3px");
    price.clear();
    price.sendKeys("5.00", Keys.ENTER);
    await("the resting order", d -> formResult("order-form").startsWith("Order "));
    assertThat(quantity.getAttribute("aria-invalid")).isNull();
    assertThat(browser.findElements(By.cssSelector("#order-form .field-error"))).isEmpty();
    // The order rests; cancel it from the table.
    await("the open order", d -> rows("orders-table").size() == 1);
    browser.findElement(By.cssSelector("#orders-table button")).click();
    await("no open order", d -> rows("orders-table").get(0).contains("No open orders"));
    assertThat(consoleErrors())
        .as("the one request the API refused, and nothing else")
        .singleElement()
        .asString()
        .contains("/api/orders")
        .contains("400");
  }

  @Test
  @Order(3)
  void a_transfer_that_four_eyes_held_is_approved_by_a_second_representative() throws Exception {
    // Borealis goes on Aurora's trusted list first (a list entry needs approval too), so the
    // transfer is not delayed as one to an account off the list would be.
    signIn(ANN, "participant.html");
    await("the trusted list", d -> rows("trusted-table").get(0).contains("No trusted accounts"));
    select("trusted-account", "2 Borealis-AI");
    browser.findElement(By.cssSelector("#trusted-form button[type=submit]")).click();
    await("the list entry waiting", d -> formResult("trusted-form").contains("Waiting"));
    // Ann may not approve what she initiated: the engine refuses, the page says why.
    await("the waiting entry", d -> rows("transactions-table").size() == 1);
    browser.findElement(By.cssSelector("#transactions-table button")).click();
    await("the refusal", d -> text("status").contains("APPROVER_IS_INITIATOR"));
    assertThat(consoleErrors())
        .as("the refused approval, and nothing else")
        .singleElement()
        .asString()
        .contains("/approval")
        .contains("409");
    signIn(AL, "participant.html");
    approveTheOnlyTransaction();
    await(
        "Borealis trusted",
        d -> rows("trusted-table").get(0).matches("2 Borealis-AI .* yes Remove"));

    signIn(ANN, "participant.html");
    select("transfer-to", "2 Borealis-AI");
    type("transfer-vintage", "1");
    type("transfer-quantity", "50");
    browser.findElement(By.cssSelector("#transfer-form button[type=submit]")).click();
    await(
        "the transfer waiting", d -> formResult("transfer-form").contains("Waiting for a second"));
    assertThat(text("card-free-permits")).isEqualTo("1,005");

    signIn(AL, "participant.html");
    await(
        "the transfer to approve", d -> rows("transactions-table").get(0).contains("quantity=50"));
    scrollTo("approvals");
    screenshot("office-approvals.png");
    approveTheOnlyTransaction();
    await("the permits sent", d -> text("card-free-permits").equals("955"));
    assertThat(freePermits(BOREALIS))
        .as("the receiver's permits, read over the API")
        .isEqualTo(1_045);
  }

  private static long freePermits(long account) {
    return regulator
        .get("/api/accounts/" + account + "/holdings")
        .body()
        .path("freePermits")
        .asLong();
  }

  private void approveTheOnlyTransaction() {
    await("one waiting transaction", d -> rows("transactions-table").size() == 1);
    WebElement approve =
        browser.findElement(By.cssSelector("#transactions-table button[aria-label^=Approve]"));
    approve.click();
    await("the approval", d -> text("status").contains("approved"));
    await("nothing waiting", d -> rows("transactions-table").get(0).contains("Nothing is waiting"));
  }

  @Test
  @Order(4)
  void the_regulator_closes_the_period_and_the_participant_sees_its_compliance_code()
      throws Exception {
    signIn(ANN, "participant.html");
    // 3 PFLOP of training, unevaluated (high risk, 3 permits each): 9 permits owed.
    type("report-period", "1");
    select("report-workload", "TRAINING");
    type("report-quantity", "3");
    browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
    await("the report", d -> rows("reports-table").get(0).contains("ReportSubmitted"));
    type("surrender-period", "1");
    type("surrender-quantity", "9");
    browser.findElement(By.cssSelector("#surrender-form button[type=submit]")).click();
    await("the surrender", d -> rows("surrenders-table").get(0).contains("9"));
    assertThat(rows("compliance-table").get(0)).contains("No period has closed yet");

    signIn(REX, "registry.html");
    await("the accounts", d -> rows("accounts-table").size() == 4);
    browser.findElement(By.id("close-period-1")).click();
    browser.switchTo().alert().accept();
    await("period 1 closed", d -> rows("periods-table").get(0).contains("CLOSED"));
    await("the codes of period 1", d -> rows("codes-table").size() == 2);
    assertThat(rows("codes-table").get(0)).startsWith("1 Aurora-Compute A yes 9 9");
    assertThat(rows("codes-table").get(1)).startsWith("2 Borealis-AI C no");
    // A lifecycle change through a form whose route names the account in its path.
    type("status-form-accountId", "2");
    select("status-form-status", "SUSPENDED");
    type("status-form-reason", "late-fees");
    browser.findElement(By.cssSelector("#status-form button[type=submit]")).click();
    await("the status form's answer", d -> formResult("status-form").startsWith("Done"));
    await(
        "Borealis suspended", d -> rows("accounts-table").get(1).contains("SUSPENDED (late-fees)"));
    assertThat(regulator.get("/api/accounts/" + BOREALIS).body().path("status").asText())
        .isEqualTo("SUSPENDED");
    assertThat(lowContrastTexts()).as("texts below WCAG AA contrast").isEmpty();
    scrollTo("periods");
    screenshot("office-registry.png");

    // An auditor reads the same registry, with no form or action button but the audit finding's.
    signIn(AVA, "registry.html");
    await("the codes, read by the auditor", d -> rows("codes-table").size() == 2);
    assertThat(browser.findElements(By.cssSelector("form:not(#finding-form)")))
        .as("the registry's forms, hidden from an auditor")
        .isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.id("finding-form")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("main button:not(#finding-form button)")))
        .noneMatch(WebElement::isDisplayed);

    signIn(ANN, "participant.html");
    await("Ann's code", d -> rows("compliance-table").get(0).startsWith("1 A yes 9 9 0"));
    WebElement code = browser.findElement(By.cssSelector("#compliance-table .code"));
    assertThat(code.getAttribute("title")).contains("surrendered at least the obligation");
    scrollTo("compliance");
    screenshot("office-compliance.png");

    // Signing out ends the session: the page goes to the sign-in page, and so does a revisit.
    browser.findElement(By.id("sign-out-here")).click();
    await("the sign-in page", d -> d.getCurrentUrl().endsWith("/office/signin.html"));
    browser.get(base + "/office/participant.html");
    await("signed out for good", d -> d.getCurrentUrl().contains("/office/signin.html?next="));
  }

  // ------------------------------------------------------------------ the browser

  /**
   * Opens {@code page} signed in as {@code person}. A person's first sign-in is through the sign-in
   * page, as a person does it: the office page sends a signed-out browser there, the person types
   * their name, password and the TOTP code of the moment and presses Enter, and the sign-in page
   * sends them back to the office page with an HttpOnly session cookie. Later switches put that
   * person's cookie back.
   */
  private void signIn(long person, String page) {
    browser.get("about:blank");
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    SignInFixture.Person p = PEOPLE.get(person);
    if (!SESSIONS.containsKey(person)) {
      browser.get(base + "/office/" + page);
      await("the sign-in page", d -> d.getCurrentUrl().contains("/office/signin.html?next="));
      type("name", p.name);
      type("password", p.password);
      type("totp", p.nextCode());
      browser.findElement(By.id("totp")).sendKeys(Keys.ENTER);
      await("back on " + page, d -> d.getCurrentUrl().endsWith("/office/" + page));
      SESSIONS.put(person, browser.manage().getCookieNamed(Sessions.COOKIE).getValue());
      assertThat(browser.manage().getCookieNamed(Sessions.COOKIE).isHttpOnly()).isTrue();
    } else {
      chrome.executeCdpCommand(
          "Network.setCookie",
          Map.of(
              "name",
              Sessions.COOKIE,
              "value",
              SESSIONS.get(person),
              "url",
              base + "/",
              "httpOnly",
              true,
              "sameSite",
              "Strict"));
      browser.get(base + "/office/" + page);
    }
    await("the page of " + p.name, d -> text("who").contains(p.name));
  }

  /**
   * Every visible text on the page whose colour against its background is below WCAG AA (4.5:1, or
   * 3:1 for large text), computed in the page from the rendered colours.
   */
  private static List<String> lowContrastTexts() {
    @SuppressWarnings("unchecked")
    List<String> out =
        (List<String>)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    """
                    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
                    const lum = ([r, g, b]) => [r, g, b]
                      .map((v) => v / 255)
                      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
                    const background = (e) => {
                      for (; e; e = e.parentElement) {
                        const c = rgb(getComputedStyle(e).backgroundColor);
                        if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
                      }
                      return [255, 255, 255];
                    };
                    const bad = [];
                    for (const e of document.querySelectorAll('body *')) {
                      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                      if (!own || !e.offsetParent && getComputedStyle(e).position !== 'fixed') continue;
                      const st = getComputedStyle(e);
                      const a = lum(rgb(st.color).slice(0, 3));
                      const b = lum(background(e));
                      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                      const size = parseFloat(st.fontSize);
                      const large = size >= 24 || size >= 18.66 && Number(st.fontWeight) >= 700;
                      if (ratio < (large ? 3 : 4.5)) {
                        bad.push(e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
                      }
                    }
                    return bad;
                    """);
    return out;
  }

  private static void scrollTo(String id) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  private static void type(String id, String value) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  private static void select(String id, String visibleText) {
    new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static String formResult(String formId) {
    return browser.findElement(By.cssSelector("#" + formId + " .form-result")).getText();
  }

  /** The error shown next to input {@code id} (the element its aria-describedby names). */
  private static String fieldError(String id) {
    String described = browser.findElement(By.id(id)).getAttribute("aria-describedby");
    if (described == null || described.isBlank()) {
      return "";
    }
    List<WebElement> e = browser.findElements(By.id(described.trim().split(" ")[0]));
    return e.isEmpty() ? "" : e.get(0).getText();
  }

  private static List<String> rows(String tableId) {
    List<String> out = new ArrayList<>();
    for (WebElement r : browser.findElements(By.cssSelector("#" + tableId + " tbody tr"))) {
      out.add(r.getText().replace('\n', ' '));
    }
    return out;
  }

  private static List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return errors;
  }

  private static void screenshot(String name) throws IOException {
    Path png = Path.of("target", name);
    Files.createDirectories(png.getParent());
    Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** Waits for {@code condition}; on timeout keeps a screenshot and reports the page text. */
  private static void await(String what, Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(browser, WAIT)
          .ignoring(StaleElementReferenceException.class)
          .ignoring(IndexOutOfBoundsException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      String shot = "office-failure.png";
      try {
        screenshot(shot);
      } catch (IOException io) {
        shot = "none: " + io.getMessage();
      }
      throw new AssertionError(
          "the page did not show "
              + what
              + " within "
              + WAIT
              + " (screenshot target/"
              + shot
              + "); the page reads:\n"
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
  }
}
