package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    volatile long now = 1_700_000_000_000L;

    @Override
    public long millis() {
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final MutableClock clock = new MutableClock();
  private final Sessions sessions =
      new Sessions(clock, SignInOptions.DEFAULT.withLifetimes(1_000, 5_000));

  @Test
  void a_session_ends_after_its_idle_time_without_a_request() {
    sessions.create("id-a", 10, -1, "password");
    clock.now += 999;
    assertThat(sessions.find("id-a")).isNotNull();
    clock.now += 999;
    assertThat(sessions.find("id-a")).as("touched 999 ms ago").isNotNull();
    clock.now += 1_000;
    assertThat(sessions.find("id-a")).isNull();
    clock.now -= 1_000;
    assertThat(sessions.find("id-a")).as("an expired session is dropped, not revived").isNull();
  }

  @Test
  void a_session_ends_at_its_absolute_expiry_however_busy() {
    sessions.create("id-b", 10, -1, "password");
    for (int i = 0; i < 9; i++) {
      clock.now += 500;
      assertThat(sessions.find("id-b")).as("at " + (i + 1) * 500 + " ms").isNotNull();
    }
    clock.now += 500;
    assertThat(sessions.find("id-b")).isNull();
  }

  @Test
  void only_the_exact_id_finds_a_session_and_each_has_its_own_csrf_token() {
    Sessions.Session a = sessions.create("id-c", 10, -1, "password");
    Sessions.Session b = sessions.create("id-d", 10, -1, "password");
    assertThat(sessions.find("id-C")).isNull();
    assertThat(sessions.find("")).isNull();
    assertThat(sessions.find(null)).isNull();
    assertThat(sessions.find("id-c")).isSameAs(a);
    assertThat(a.csrfToken).isNotEqualTo(b.csrfToken).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void ending_a_persons_sessions_ends_every_one_of_theirs_and_no_one_elses() {
    sessions.create("ann-1", 10, -1, "password");
    sessions.create("ann-2", 10, -1, "password");
    sessions.create("al-1", 11, -1, "password");
    sessions.endAll(10);
    assertThat(sessions.find("ann-1")).isNull();
    assertThat(sessions.find("ann-2")).isNull();
    assertThat(sessions.find("al-1")).isNotNull();
  }

  @Test
  void a_totp_step_is_used_once_per_person() {
    assertThat(sessions.useTotpStep(10, 100)).isTrue();
    assertThat(sessions.useTotpStep(10, 100)).isFalse();
    assertThat(sessions.useTotpStep(10, 99)).isFalse();
    assertThat(sessions.useTotpStep(11, 100)).isTrue();
    assertThat(sessions.useTotpStep(10, 101)).isTrue();
    assertThat(sessions.lastTotpStep(10)).isEqualTo(101);
  }
}
