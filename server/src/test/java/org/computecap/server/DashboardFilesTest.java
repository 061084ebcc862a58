package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's files over real HTTP, without a browser: the page, its script and style, and
 * every file it loads from a webjar (a version bump of uPlot in the pom that the page does not
 * follow fails here, not on a regulator's screen); the same for the API's Swagger UI page at {@code
 * /docs/}.
 */
class DashboardFilesTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;

  @BeforeEach
  void start() {
    server =
        Server.start(
            new Server.Options(
                dir.resolve("data"),
                null,
                Path.of("../examples/programs/p1-energy.yaml"),
                1,
                "127.0.0.1",
                0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_page_and_everything_it_loads_are_served() throws Exception {
    List<String> loaded = loads("/");
    assertThat(loaded)
        .contains("/app.js", "/style.css", "/docs/")
        .anyMatch(p -> p.startsWith("/webjars/uplot/") && p.endsWith(".js"))
        .anyMatch(p -> p.startsWith("/webjars/uplot/") && p.endsWith(".css"));
  }

  @Test
  void the_swagger_ui_page_and_everything_it_loads_are_served() throws Exception {
    assertThat(loads("/docs/"))
        .contains("/docs/init.js")
        .anyMatch(p -> p.startsWith("/webjars/swagger-ui/") && p.endsWith("swagger-ui-bundle.js"))
        .anyMatch(p -> p.startsWith("/webjars/swagger-ui/") && p.endsWith(".css"));
  }

  /** Fetches a page and every local file it loads (each must be there); returns their paths. */
  private List<String> loads(String pagePath) throws Exception {
    HttpResponse<String> page = get(pagePath);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<title>ComputeCap");
    List<String> loaded = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
    while (m.find()) {
      loaded.add(m.group(1));
    }
    for (String path : loaded) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isNotBlank();
    }
    return loaded;
  }
}
