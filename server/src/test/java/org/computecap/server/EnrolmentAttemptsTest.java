package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Enrolment codes cannot be guessed at the server's speed: after {@value
 * AccessApi#ENROLMENT_ATTEMPTS} failed exchanges from one address within a minute, every exchange
 * from it gets 429 with {@code Retry-After}, the right code included, and nothing is journaled; the
 * address may try again once its oldest failure leaves the window, and other addresses are not
 * affected.
 */
class EnrolmentAttemptsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void too_many_failed_exchanges_get_429_with_retry_after_and_change_nothing() throws Exception {
    try (Harness h = Harness.withCast()) {
      String code = h.regulator.issueEnrolmentCode(Harness.ALICE);
      HttpClient http = HttpClient.newHttpClient();
      URI enrol = URI.create("http://127.0.0.1:" + h.server.port() + "/api/enrolments");
      for (int i = 0; i < AccessApi.ENROLMENT_ATTEMPTS; i++) {
        assertThat(post(http, enrol, "ce_wrong-guess-" + i).statusCode()).isEqualTo(404);
      }
      String head = h.regulator.get("/api/journal/head").text();
      HttpResponse<String> guess = post(http, enrol, "ce_one-guess-too-many");
      assertThat(guess.statusCode()).isEqualTo(429);
      assertThat(JSON.readTree(guess.body()).path("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
      long retryAfter = Long.parseLong(guess.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 60L);
      // The right code is refused too while the address is limited, and stays unused.
      HttpResponse<String> right = post(http, enrol, code);
      assertThat(right.statusCode()).isEqualTo(429);
      assertThat(h.regulator.get("/api/journal/head").text()).isEqualTo(head);
      JsonNode codes = h.regulator.get("/api/accounts/" + Harness.ALICE + "/enrolments").body();
      JsonNode last = codes.path("items").get(codes.path("items").size() - 1);
      assertThat(last.path("status").asText()).isEqualTo("PENDING");
    }
  }

  @Test
  void an_address_may_try_again_once_its_oldest_failure_leaves_the_window() {
    MutableClock clock = new MutableClock();
    AttemptLimiter limiter = new AttemptLimiter(3, 60_000, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
      limiter.failed("10.0.0.1");
      clock.now += 10_000;
    }
    // Failures at 0 s, 10 s and 20 s; now 30 s: the first leaves the window at 60 s.
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isEqualTo(30);
    assertThat(limiter.retryAfterSeconds("10.0.0.2")).isZero();
    clock.now = 59_999;
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isEqualTo(1);
    clock.now = 60_000;
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
  }

  @Test
  void a_flood_from_many_addresses_is_bounded_and_slows_everyone() {
    MutableClock clock = new MutableClock();
    AttemptLimiter limiter = new AttemptLimiter(3, 60_000, clock);
    for (int i = 0; i < AttemptLimiter.MAX_ADDRESSES; i++) {
      limiter.failed("a" + i);
    }
    // Every tracked address failed within the window: a new one waits rather than being tracked.
    assertThat(limiter.retryAfterSeconds("newcomer")).isEqualTo(60);
    clock.now = 60_000;
    assertThat(limiter.retryAfterSeconds("newcomer")).isZero();
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, String code) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final class MutableClock extends Clock {
    long now;

    @Override
    public long millis() {
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
