package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;

/**
 * The printable period report in a real browser: Debian's headless Chromium through its own
 * chromedriver, against {@link PublicReportMarket}'s scripted market. The page must show each
 * section's table with the hand-checked figures, hide its links and keep its tables on the page
 * under print media, and print to a PDF of A4 pages. It leaves {@code target/public-report.png} and
 * {@code target/public-report.pdf}. Skipped only where Chromium is not installed.
 */
class PublicReportBrowserTest {
  private static final Path CHROMIUM = HeadlessChromium.CHROMIUM;

  @TempDir Path dir;

  private PublicReportMarket market;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "SKIPPED: " + CHROMIUM + " is not installed (apt-get install -y chromium chromium-driver)");
    market = new PublicReportMarket(dir, 0);
    market.periodOne();
    browser = HeadlessChromium.start(HeadlessChromium.options(dir.resolve("profile"), 1100, 1500));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (market != null) {
      market.close();
    }
  }

  @Test
  void the_period_report_renders_its_tables_and_prints_on_a4() throws Exception {
    browser.get("http://127.0.0.1:" + market.server.port() + "/api/public/periods/1/report.html");
    assertThat(browser.getTitle()).contains("public report, period 1");
    List<WebElement> headings = browser.findElements(By.tagName("h2"));
    assertThat(headings.stream().map(WebElement::getText).toList())
        .containsExactly(
            "Holdings by account type at the close",
            "Compliance by participant",
            "Free allocation",
            "Auction results",
            "Exchange prices and volumes");
    List<WebElement> tables = browser.findElements(By.tagName("table"));
    assertThat(tables).hasSize(5);
    assertThat(rowText(tables.get(0), 1)).isEqualTo("Participants 1 3 48,000");
    assertThat(rowText(tables.get(1), 3)).isEqualTo("3 -carol 10 10 0 10 B");
    assertThat(rowText(tables.get(3), 1))
        .isEqualTo("1 CLEARED 1,000 $10.00 $12.00 250 $3,000.00 2 2 250");
    assertThat(rowText(tables.get(4), 1))
        .isEqualTo("1 3 110 $20.00 $20.00 $18.00 $18.00 $19.81 $2,180.00");
    // Every table fits the window: nothing runs off the page's right edge.
    for (WebElement t : tables) {
      assertThat(t.getRect().getX() + t.getRect().getWidth()).isLessThanOrEqualTo(1100);
    }
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("public-report.png"), browser.getScreenshotAs(OutputType.BYTES));

    // Under print media the links go and the tables stay.
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(browser.findElement(By.tagName("nav")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.tagName("table")).get(4).isDisplayed()).isTrue();
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    PrintOptions a4 = new PrintOptions();
    a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
    byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
    Files.write(target.resolve("public-report.pdf"), pdf);
    String head = new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(head).startsWith("%PDF-");
    assertThat(pdf.length).isGreaterThan(5_000);
    assertThat(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)).isNotEmpty();
  }

  /** The cells of row {@code i} of a table (0 is the header), space-separated. */
  private static String rowText(WebElement table, int i) {
    WebElement row = table.findElements(By.tagName("tr")).get(i);
    return String.join(
        " ", row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
  }
}
