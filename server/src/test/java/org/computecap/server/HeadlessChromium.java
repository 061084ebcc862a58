package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded one), as the
 * browser tests start it: quiet (no network of its own, no first-run pages), a fresh profile, one
 * device pixel per CSS pixel and a fixed window, so screenshots compare across machines.
 */
final class HeadlessChromium {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** The options every browser test starts from, with its profile in {@code profile}. */
  static ChromeOptions options(Path profile, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height,
        "--force-device-scale-factor=1",
        "--lang=en-US");
    return options;
  }

  /** Starts the browser with {@code options}; chromedriver must be installed beside Chromium. */
  static ChromeDriver start(ChromeOptions options) {
    assertThat(CHROMEDRIVER)
        .as("chromium is installed but chromedriver is not: apt-get install -y chromium-driver")
        .isExecutable();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build(),
        options);
  }
}
