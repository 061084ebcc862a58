package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its own chromedriver
 * (never a downloaded one), against a real server on loopback. A small market is built through the
 * HTTP API (accounts, permits, cash, trades, a closed period); the page must show every panel's
 * data, then show a new trade that arrives as a server-sent event, and it leaves a screenshot in
 * {@code target/dashboard.png}. A browser without server-sent events gets the same updates by
 * polling. Skipped only where Chromium is not installed.
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = HeadlessChromium.CHROMIUM;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;
  private String base;
  private String regulator;
  private WebDriver browser;

  @BeforeEach
  void startServerAndBrowser() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "SKIPPED: "
            + CHROMIUM
            + " is not"
            + " installed, so the dashboard cannot be tested in a browser (CI installs it with"
            + " apt-get install -y chromium chromium-driver)");
    startServer("data", "p1-energy.yaml");
    String env = System.getenv("COMPUTECAP_REGULATOR_TOKEN");
    regulator = server.newRegulatorToken() != null ? server.newRegulatorToken() : env.trim();
    browser = chromium();
  }

  /** A server over the example {@code program} in the data directory {@code name}. */
  private void startServer(String name, String program) {
    server =
        Server.start(
            new Server.Options(
                dir.resolve(name),
                null,
                Path.of("../examples/programs/" + program),
                1,
                "127.0.0.1",
                0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
    base = "http://127.0.0.1:" + server.port();
  }

  private WebDriver chromium() {
    ChromeOptions options = HeadlessChromium.options(dir.resolve("chromium-profile"), 1680, 1300);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return HeadlessChromium.start(options);
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

  // ------------------------------------------------------------------ HTTP

  private JsonNode call(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode())
        .as(method + " " + path + " " + body + " -> " + r.body())
        .isBetween(200, 299);
    return json.readTree(r.body());
  }

  /** Opens a participant's account and enrols it (code from the regulator); its token. */
  private String openEnrolled(int id, String name) throws Exception {
    post(
        "/api/accounts",
        regulator,
        "{\"accountId\":" + id + ",\"name\":\"" + name + "\",\"role\":\"PARTICIPANT\"}");
    String code = post("/api/accounts/" + id + "/enrolments", regulator, null).get("code").asText();
    return post("/api/enrolments", null, "{\"code\":\"" + code + "\"}").get("token").asText();
  }

  /** The journal head once the writer has hashed the state at it (it does so when idle). */
  private JsonNode settledHead() throws Exception {
    for (int i = 0; i < 500; i++) {
      JsonNode h = call("GET", "/api/journal/head", null, null);
      if (h.get("seq").asLong() == h.get("stateHashSeq").asLong()) {
        return h;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the state hash did not catch up with the journal head");
  }

  private JsonNode post(String path, String token, String body) throws Exception {
    return call("POST", path, token, body);
  }

  private void order(String token, long account, String side, long priceCents, long quantity)
      throws Exception {
    post(
        "/api/orders",
        token,
        "{\"accountId\":"
            + account
            + ",\"side\":\""
            + side
            + "\",\"type\":\"LIMIT\",\"priceCents\":"
            + priceCents
            + ",\"quantity\":"
            + quantity
            + ",\"vintage\":1}");
  }

  /** Four participants with permits and cash, a day of trades, and period 1 closed. */
  private String[] buildMarket() throws Exception {
    List<String> names = List.of("Aurora-Compute", "Borealis-AI", "Cirrus-Labs", "Delta-Inference");
    String[] tokens = new String[names.size() + 1];
    for (int i = 1; i <= names.size(); i++) {
      tokens[i] = openEnrolled(i, names.get(i - 1));
      post(
          "/api/issuances",
          regulator,
          "{\"accountId\":" + i + ",\"vintage\":1," + "\"quantity\":" + (4_000 + 1_500 * i) + "}");
      post("/api/accounts/" + i + "/deposits", regulator, "{\"amountCents\":50000000}");
    }
    long[] prices = {
      2_150, 2_180, 2_160, 2_210, 2_240, 2_225, 2_270, 2_300, 2_285, 2_320, 2_350, 2_335, 2_380,
      2_360, 2_410
    };
    for (int k = 0; k < prices.length; k++) {
      long seller = 1 + k % 2;
      long buyer = 3 + k % 2;
      order(tokens[(int) seller], seller, "SELL", prices[k], 40 + 7 * k);
      order(tokens[(int) buyer], buyer, "BUY", prices[k], 40 + 7 * k);
    }
    for (int i = 1; i <= 4; i++) {
      post(
          "/api/reports",
          tokens[i],
          "{\"accountId\":"
              + i
              + ",\"period\":1,"
              + "\"workload\":\"INFERENCE\",\"quantity\":"
              + (3_000 + 500 * i)
              + "}");
      long surrender = i == 2 ? 1_000 : 3_000 + 500 * i;
      post(
          "/api/accounts/" + i + "/surrenders",
          tokens[i],
          "{\"period\":1,\"quantity\":" + surrender + "}");
    }
    post("/api/periods/1/close", regulator, null);
    for (int k = 0; k < 6; k++) {
      order(tokens[1], 1, "SELL", 2_450 + 15 * k, 30 + 5 * k);
      order(tokens[3], 3, "BUY", 2_390 - 20 * k, 25 + 10 * k);
    }
    order(tokens[4], 4, "BUY", 2_450, 30);
    return tokens;
  }

  // ------------------------------------------------------------------ the test

  /** Waits for {@code condition}; on timeout keeps a screenshot and reports the page text. */
  private void await(String what, java.util.function.Function<WebDriver, Boolean> condition)
      throws IOException {
    try {
      // The page re-renders its tables on every update, so an element may go stale mid-read.
      new WebDriverWait(browser, WAIT)
          .ignoring(StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      Path png = Path.of("target", "dashboard-failure.png");
      Files.createDirectories(png.getParent());
      Files.write(
          png, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      throw new AssertionError(
          "the dashboard did not show "
              + what
              + " within "
              + WAIT
              + " (screenshot "
              + png
              + "); the page reads:\n"
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  private List<WebElement> rows(String tableId) {
    return browser.findElements(By.cssSelector("#" + tableId + " tbody tr"));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  @Test
  void the_dashboard_shows_every_panel_and_updates_live() throws Exception {
    String[] tokens = buildMarket();
    browser.get(base + "/#token=" + regulator);

    await("four participants", d -> rows("participants").size() == 4);
    await("fifteen trades", d -> rows("trades").size() >= 15);
    await(
        "the live event stream connected",
        d -> "sse".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
    JsonNode head = settledHead();
    await("the journal head hash", d -> text("journal-head").equals(head.get("headHash").asText()));

    assertThat(browser.getTitle()).contains("ComputeCap");
    assertThat(browser.getCurrentUrl()).doesNotContain(regulator);
    assertThat(browser.findElement(By.cssSelector("#price-chart canvas")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("chart-empty")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("participants-note")).isDisplayed()).isFalse();
    assertThat(text("last-price")).isEqualTo("24.50");
    assertThat(text("current-period")).isEqualTo("Period 2");
    assertThat(rows("depth")).hasSizeGreaterThanOrEqualTo(6);
    // Vintage 1 traded in period 1 and, banked, in period 2 (newest first).
    assertThat(rows("ohlc")).hasSize(2);
    assertThat(text("ohlc"))
        .containsSubsequence("\n2 24.50 24.50 24.50 24.50", "\n1 21.50 24.10 21.50 24.10");
    assertThat(text("depth")).contains("23.90").contains("24.65");
    assertThat(text("participants"))
        .contains("Aurora-Compute")
        .contains("Delta-Inference")
        .contains("Compliant")
        .contains("Shortfall");
    assertThat(
            browser
                .findElement(By.cssSelector("#periods [data-period='1']"))
                .getText()
                .replaceAll("\\s+", " "))
        .contains("Closed")
        .contains("Assessed 4")
        .contains("Short 1")
        .contains("Penalties 300,000.00");
    assertThat(browser.findElement(By.cssSelector("#periods [data-period='2']")).getText())
        .contains("Current");
    assertThat(text("state-hash")).isEqualTo(head.get("stateHash").asText());
    JsonNode checkpoint = call("GET", "/api/journal/checkpoint", null, null);
    await(
        "the signed checkpoint",
        d -> text("checkpoint-head").equals(checkpoint.get("headHash").asText()));
    assertThat(text("checkpoint-key")).isEqualTo(checkpoint.get("keyFingerprint").asText());
    assertThat(text("checkpoint-seq"))
        .startsWith(
            String.format(java.util.Locale.US, "entry %,d at ", checkpoint.get("seq").asLong()))
        .endsWith(" UTC");

    int updatesBefore =
        Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-updates"));
    // Inside the spread (best bid 23.90, best ask 24.65), so the two orders trade together.
    order(tokens[2], 2, "SELL", 2_410, 12);
    order(tokens[4], 4, "BUY", 2_410, 12);
    JsonNode after = settledHead();
    await(
        "the new trade at the top of the list",
        d -> rows("trades").get(0).getText().contains("24.10"));
    await(
        "the new journal seq",
        d ->
            text("journal-seq")
                .equals(String.format(java.util.Locale.US, "%,d", after.get("seq").asLong())));
    assertThat(
            Integer.parseInt(
                browser.findElement(By.tagName("body")).getDomAttribute("data-updates")))
        .isGreaterThan(updatesBefore);
    await("the new last price", d -> text("last-price").equals("24.10"));
    // The slower views follow the event within a moment: the state hash after the trade.
    await(
        "the state hash after the live trade",
        d -> text("state-hash").equals(after.get("stateHash").asText()));

    Path png = Path.of("target", "dashboard.png");
    Files.createDirectories(png.getParent());
    byte[] shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(png, shot);
    assertThat(shot.length).isGreaterThan(20_000);

    List<String> errors = new java.util.ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("the browser console").isEmpty();

    // The API's own documentation: Swagger UI from its webjar renders every operation.
    browser.get(base + "/docs/");
    await(
        "Swagger UI's operations",
        d -> d.findElements(By.cssSelector(".opblock")).size() >= server.routeNames().size());
    assertThat(text("swagger-ui")).contains("ComputeCap").contains("/api/orders");
    shot("swagger-ui.png");
  }

  /**
   * The defects of issue 10 item 8, at 1400 px: trades that all happened at one instant (a call
   * auction) are drawn against their real time, not an axis of 00:00:00; a closed period's card
   * counts the penalties its audits charged after the close; and no panel is cut or scrolls
   * sideways.
   */
  @Test
  void at_1400_px_one_instant_audit_penalties_and_every_column_show() throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1300));
    String[] tokens = new String[5];
    for (int i = 1; i <= 4; i++) {
      tokens[i] = openEnrolled(i, "Participant-with-a-long-name-" + i);
      post(
          "/api/issuances",
          regulator,
          "{\"accountId\":" + i + ",\"vintage\":1,\"quantity\":20000}");
      post("/api/accounts/" + i + "/deposits", regulator, "{\"amountCents\":9999999999999}");
    }
    post("/api/books/1/call-auction/start", regulator, null);
    order(tokens[1], 1, "SELL", 2_100, 50);
    order(tokens[2], 2, "SELL", 2_150, 50);
    order(tokens[3], 3, "BUY", 2_200, 60);
    order(tokens[4], 4, "BUY", 2_180, 30);
    post("/api/books/1/call-auction/run", regulator, null);
    long tradeTick =
        call("GET", "/api/trades", null, null).get("items").get(0).get("tick").asLong();
    String hhmm =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.ofEpochMilli(tradeTick));

    browser.get(base + "/#token=" + regulator);
    await("the call auction's trades", d -> rows("trades").size() >= 2);
    await(
        "x ticks drawn",
        d -> d.findElement(By.id("price-chart")).getDomAttribute("data-x-ticks") != null);
    String ticks = browser.findElement(By.id("price-chart")).getDomAttribute("data-x-ticks");
    assertThat(ticks).contains(hhmm);
    if (!hhmm.equals("00:00")) {
      assertThat(ticks).doesNotContain("00:00:00");
    }
    shot("dashboard-one-instant-1400.png");

    // Period 1: reports, meters 20% above them (so audits are likely), surrender, close; then
    // the drawn participants' audits find more than they reported.
    for (int i = 1; i <= 4; i++) {
      post(
          "/api/reports",
          tokens[i],
          "{\"accountId\":" + i + ",\"period\":1,\"workload\":\"INFERENCE\",\"quantity\":1000}");
      post(
          "/api/meter-readings",
          regulator,
          "{\"accountId\":" + i + ",\"period\":1,\"quantity\":1200}");
      post("/api/accounts/" + i + "/surrenders", tokens[i], "{\"period\":1,\"quantity\":1000}");
    }
    post("/api/periods/1/close", regulator, null);
    JsonNode audited = call("GET", "/api/audits", regulator, null).get(0).get("audited");
    assertThat(audited.size()).as("the seeded lottery audits someone").isPositive();
    for (JsonNode a : audited) {
      post(
          "/api/audit-findings",
          regulator,
          "{\"accountId\":" + a.asLong() + ",\"period\":1,\"measuredQuantity\":1300}");
    }
    JsonNode period = call("GET", "/api/periods", null, null).get(0);
    long total =
        period.get("closed").get("penaltiesChargedCents").asLong()
            + period.get("auditPenaltiesCents").asLong();
    assertThat(period.get("auditPenaltiesCents").asLong()).isPositive();
    String penalties = String.format(java.util.Locale.US, "%,.2f", total / 100.0);

    browser.navigate().refresh();
    await(
        "period 1's audit penalties",
        d ->
            d.findElement(By.cssSelector("#periods [data-period='1']"))
                .getText()
                .replaceAll("\\s+", " ")
                .contains("Penalties " + penalties));
    assertThat(browser.findElement(By.cssSelector("#periods [data-period='1']")).getText())
        .contains("Audits\n" + audited.size());
    await("four participants", d -> rows("participants").size() == 4);
    @SuppressWarnings("unchecked")
    List<String> overflowing =
        (List<String>)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return [...document.querySelectorAll('.panel, .panel .scroll')]"
                        + ".filter(e => e.scrollWidth > e.clientWidth + 1)"
                        + ".map(e => e.className + ' ' + e.scrollWidth + '>' + e.clientWidth);");
    shot("dashboard-1400.png");
    assertThat(overflowing).as("panels cut or scrolling sideways at 1400 px").isEmpty();
  }

  private void shot(String name) throws IOException {
    Path png = Path.of("target", name);
    Files.createDirectories(png.getParent());
    Files.write(
        png, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void without_server_sent_events_the_public_view_polls_for_updates() throws Exception {
    String[] tokens = buildMarket();
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            java.util.Map.of("source", "delete window.EventSource;"));
    browser.get(base + "/");

    await(
        "polling mode",
        d -> "polling".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
    await("the trades", d -> rows("trades").size() >= 15);
    assertThat(rows("participants")).isEmpty();
    assertThat(text("participants-note")).contains("Sign in with a regulator or auditor token");
    assertThat(text("signin-button")).isEqualTo("Sign in");

    order(tokens[2], 2, "SELL", 2_420, 5);
    order(tokens[4], 4, "BUY", 2_420, 5);
    await("the new trade, polled", d -> rows("trades").get(0).getText().contains("24.20"));
    await("the new last price, polled", d -> text("last-price").equals("24.20"));
  }

  /**
   * Issue 14: the market stability panel. Hidden for a program without a stability rule whose
   * reserves hold nothing; for the market stability example it shows the mechanisms, the reserves
   * now, and per period the escalated prices, what each mechanism moved and the balances at close,
   * updated live as auctions clear, and each period's actions as the row's tooltip.
   */
  @Test
  void the_market_stability_panel_shows_each_periods_actions_and_reserve_balances()
      throws Exception {
    browser.get(base + "/");
    await("the journal head", d -> !text("journal-seq").equals("—"));
    assertThat(browser.findElement(By.id("stability-panel")).isDisplayed()).isFalse();

    server.close();
    startServer("stability", "market-stability.yaml");
    regulator = server.newRegulatorToken();
    browser.get(base + "/");
    await("the stability panel", d -> rows("stability").size() == 4);
    assertThat(text("stability-mechanisms"))
        .contains("Escalating reserve price", "Cost containment (CCR)", "Stability reserve (MSR)");
    assertThat(rows("stability").get(3).getText()).startsWith("4 2.69 15.92 7.35");

    String[] tokens = {null, openEnrolled(1, "Aurora-Compute"), openEnrolled(2, "Borealis-AI")};
    for (int i = 1; i <= 2; i++) {
      post("/api/accounts/" + i + "/deposits", regulator, "{\"amountCents\":50000000}");
    }
    // Period 1 as in StabilityApiTest: the ECR withholds 8,000 then 2,000; 5,000 stay unsold.
    auction(1, 1, 10_000, tokens, new long[][] {{1, 2_000, 700}, {2, 2_000, 500}});
    auction(2, 1, 10_000, tokens, new long[][] {{1, 2_000, 300}, {2, 1_000, 260}});
    post("/api/periods/1/close", regulator, null);
    // Period 2: 400 plus 100 re-offered; 200 bid above the ECR trigger of 6.42, 300 withheld.
    auction(3, 2, 400, tokens, new long[][] {{1, 100, 700}, {2, 100, 700}});

    // TNAC at period 1's close is the 5,000 sold: the stability reserve's release band, with
    // nothing in the reserve to release. Read inside the wait: the panel redraws on every update,
    // so a row read after the wait may already be a stale element.
    await(
        "period 1's balances at close, live",
        d ->
            rows("stability")
                .get(0)
                .getText()
                .equals("1 2.50 13.00 6.00 2 20,000 5,000 5,000 0 0 0 10,000 0 5,000 0 10,000"));
    await(
        "period 2's actions",
        d ->
            rows("stability")
                .get(1)
                .getText()
                .equals("2 2.56 13.91 6.42 1 500 200 — 0 0 0 300 100 — — —"));
    assertThat(text("stability-now"))
        .isEqualTo("Now: Auction reserve 4,900 · Stability reserve 0 · Cancelled 10,300");
    // The reserves' balances at each close, charted (uPlot) from the same /api/stability.
    org.openqa.selenium.WebElement chart = browser.findElement(By.id("stability-chart"));
    assertThat(chart.isDisplayed()).isTrue();
    assertThat(chart.getDomAttribute("data-series"))
        .isEqualTo("Auction reserve|Stability reserve|Cancelled");
    assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
    await(
        "period 2's actions in its row's title",
        d -> {
          String title = rows("stability").get(1).getDomAttribute("title");
          return title != null
              && title.contains("auction 3: re-offered 100 of vintage 1")
              && title.contains("auction 3: ECR withheld 300 (vintage 2) at trigger 6.42");
        });

    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('stability-panel').scrollIntoView()");
    shot("dashboard-stability.png");
    List<String> errors = new java.util.ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("the browser console").isEmpty();
  }

  /** Opens auction {@code id} of {@code quantity}, places the bids {account, quantity, limit}. */
  private void auction(long id, int period, long quantity, String[] tokens, long[][] bids)
      throws Exception {
    post(
        "/api/auctions",
        regulator,
        "{\"auctionId\":" + id + ",\"period\":" + period + ",\"quantity\":" + quantity + "}");
    for (int k = 0; k < bids.length; k++) {
      long[] b = bids[k];
      post(
          "/api/auctions/" + id + "/bids",
          tokens[(int) b[0]],
          "{\"bidId\":"
              + (id * 10 + k)
              + ",\"accountId\":"
              + b[0]
              + ",\"quantity\":"
              + b[1]
              + ",\"limitPriceCents\":"
              + b[2]
              + "}");
    }
    post("/api/auctions/" + id + "/clear", regulator, null);
  }
}
