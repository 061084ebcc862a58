package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front office's files (issue 16) over real HTTP, without a browser, so that CI machines
 * without Chromium still check them: every page and every script, style and module it loads is
 * served, and every page's inputs are labelled (each has a {@code <label for>} naming it, or an
 * {@code aria-label}) and every form has an error summary for the errors the API returns.
 */
class OfficeFilesTest {
  private static final List<String> PAGES =
      List.of("index.html", "signin.html", "participant.html", "registry.html");

  /** The pages whose forms use the shared module's error summary (the sign-in page has its own). */
  private static final List<String> FORM_PAGES = List.of("participant.html", "registry.html");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Path dir;
  private static Server server;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("computecap-office-files");
    server =
        Server.start(
            new Server.Options(dir.resolve("data"), null, Harness.program(), 1, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    StateSnapshotTest.deleteTree(dir);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void every_page_and_every_file_and_module_it_loads_are_served() throws Exception {
    Set<String> loaded = new HashSet<>();
    for (String page : PAGES) {
      String html = served("/office/" + page, "text/html");
      assertThat(html).contains("<title>ComputeCap").contains("<html lang=\"en\">");
      Matcher m = Pattern.compile("(?:src|href)=\"(/?[a-z/-]+\\.(?:js|css))\"").matcher(html);
      while (m.find()) {
        loaded.add(m.group(1).startsWith("/") ? m.group(1) : "/office/" + m.group(1));
      }
    }
    // The page scripts import the shared module: that must be served too.
    Set<String> modules = new HashSet<>();
    for (String file : loaded) {
      String body = served(file, file.endsWith(".js") ? "text/javascript" : "text/css");
      Matcher m = Pattern.compile("from '\\./([a-z-]+\\.js)'").matcher(body);
      while (m.find()) {
        modules.add(m.group(1));
      }
    }
    assertThat(loaded)
        .contains(
            "/office/office.css",
            "/office/index.js",
            "/office/signin.js",
            "/office/participant.js",
            "/office/registry.js");
    assertThat(modules).containsExactly("office.js");
    served("/office/office.js", "text/javascript");
  }

  @Test
  void every_input_of_every_page_has_a_label_and_every_form_an_error_summary() throws Exception {
    for (String page : PAGES) {
      String html = served("/office/" + page, "text/html");
      Set<String> labelled = new HashSet<>();
      Matcher labels = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
      while (labels.find()) {
        labelled.add(labels.group(1));
      }
      List<String> unlabelled = new ArrayList<>();
      Matcher inputs = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
      while (inputs.find()) {
        Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(inputs.group(2));
        boolean ok =
            inputs.group(2).contains("aria-label=") || id.find() && labelled.contains(id.group(1));
        if (!ok) {
          unlabelled.add(inputs.group(0));
        }
      }
      assertThat(unlabelled).as(page + ": inputs without a label").isEmpty();
      if (!FORM_PAGES.contains(page)) {
        continue;
      }
      int forms = count(html, "<form ");
      assertThat(count(html, "class=\"error-summary\" role=\"alert\""))
          .as(page + ": one error summary per form")
          .isEqualTo(forms);
    }
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static String served(String path, String contentType) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(contentType);
    assertThat(r.body()).as(path).isNotBlank();
    return r.body();
  }
}
