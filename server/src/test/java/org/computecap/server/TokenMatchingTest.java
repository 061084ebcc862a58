package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A bearer token matches only byte for byte, whatever the connection did before. Jetty keeps a
 * per-connection cache of header fields it has seen; if that cache compared values without regard
 * to case, a request carrying the real token would make every case variant of it pass on the same
 * keep-alive connection. Each variant is sent right after a request with the real token, on one
 * socket.
 */
class TokenMatchingTest {
  @Test
  void case_changed_tokens_get_401_on_a_connection_that_just_used_the_real_one() throws Exception {
    try (Harness h = Harness.withCast()) {
      String token = h.server.newRegulatorToken();
      List<String> variants =
          List.of(
              "bearer " + token,
              "BEARER " + token,
              "Bearer " + token.toUpperCase(Locale.ROOT),
              "Bearer " + token.toLowerCase(Locale.ROOT),
              "Bearer " + swapCase(token));
      List<String> wrong = new ArrayList<>();
      try (RawHttp c = new RawHttp(h.server.port(), 10_000)) {
        for (String variant : variants) {
          RawHttp.Response real =
              c.exchange("GET", "/api/me", "Authorization: Bearer " + token + "\r\n", null);
          assertThat(real.status()).as(real.body()).isEqualTo(200);
          RawHttp.Response changed =
              c.exchange("GET", "/api/me", "Authorization: " + variant + "\r\n", null);
          if (changed.status() != 401) {
            wrong.add(variant + " -> " + changed.status());
          }
        }
      }
      assertThat(wrong).as("variants accepted on a reused connection").isEmpty();
    }
  }

  private static String swapCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      sb.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
    }
    return sb.toString();
  }
}
