package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * The small holes of issue 9 item 7: a malformed chunked body is a 400 in the API's error shape (no
 * framework class names); the event stream refuses an invalid token like every route; the data
 * directory is its owner's only and holds no token file; a weak {@code COMPUTECAP_REGULATOR_TOKEN}
 * is refused with a clear error, and an operator's token that replaces the printed one shuts the
 * printed one out.
 */
class RequestEdgesTest {
  @Test
  void a_malformed_chunked_body_is_a_400_without_framework_names() throws Exception {
    try (Harness h = Harness.withCast()) {
      try (RawHttp c = new RawHttp(h.server.port(), 10_000)) {
        c.send(
            "POST /api/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + h.server.newRegulatorToken()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n{}\r\n0\r\n\r\n");
        RawHttp.Response r = c.read();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body())
            .contains("\"code\":\"MALFORMED_INPUT\"")
            .doesNotContain("org.eclipse")
            .doesNotContain("Exception")
            .doesNotContain("jetty");
      }
    }
  }

  @Test
  void headers_over_8_kib_are_refused_with_431() throws Exception {
    try (Harness h = Harness.withCast()) {
      try (RawHttp c = new RawHttp(h.server.port(), 10_000)) {
        RawHttp.Response r =
            c.exchange("GET", "/api/market", "X-Big: " + "x".repeat(9 * 1024) + "\r\n", null);
        assertThat(r.status()).isEqualTo(431);
      }
    }
  }

  @Test
  void the_event_stream_refuses_an_invalid_token_like_every_route() throws Exception {
    try (Harness h = Harness.withCast()) {
      try (RawHttp c = new RawHttp(h.server.port(), 10_000)) {
        RawHttp.Response r =
            c.exchange("GET", "/api/events", "Authorization: Bearer cc_nothing\r\n", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("UNAUTHENTICATED");
      }
    }
  }

  @Test
  void the_data_directory_is_the_owners_only_and_holds_no_token_file() throws Exception {
    Path dir = Files.createTempDirectory("computecap-perms").resolve("data");
    try (Server s = Harness.startServer(dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      assertThat(Files.exists(dir.resolve("tokens"))).isFalse();
    }
  }

  @Test
  void a_weak_operator_token_is_refused_and_a_strong_one_shuts_the_printed_one_out()
      throws Exception {
    Path dir = Files.createTempDirectory("computecap-env");
    assertThatThrownBy(
            () ->
                Harness.startServer(
                    dir, Server.Limits.DEFAULT, "aaaaaaaaaaaaaaaa", new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COMPUTECAP_REGULATOR_TOKEN")
        .hasMessageContaining("at least 32 characters");
    assertThatThrownBy(
            () ->
                Harness.startServer(
                    dir,
                    Server.Limits.DEFAULT,
                    "abababababababababababababababab",
                    new ByteArrayOutputStream()))
        .hasMessageContaining("too predictable");
    String printed;
    try (Server first = Harness.startServer(dir)) {
      printed = first.newRegulatorToken();
      assertThat(client(first, printed).get("/api/me").status()).isEqualTo(200);
    }
    String operator = "J3x9Vq2mLr7TbN4kZs8WcY1fHd6GpE5uQa0o";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Server second = Harness.startServer(dir, Server.Limits.DEFAULT, operator, out)) {
      assertThat(second.newRegulatorToken()).isNull();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("replaces 1 earlier token");
      assertThat(client(second, printed).get("/api/me").status()).isEqualTo(401);
      assertThat(client(second, operator).get("/api/me").status()).isEqualTo(200);
    }
    // The same operator token again: still the one, nothing new journaled.
    try (Server third =
        Harness.startServer(dir, Server.Limits.DEFAULT, operator, new ByteArrayOutputStream())) {
      assertThat(client(third, operator).get("/api/me").body().path("accountId").asLong()).isZero();
    }
  }

  private static ApiClient client(Server s, String token) {
    return new ApiClient(URI.create("http://127.0.0.1:" + s.port()), token);
  }
}
