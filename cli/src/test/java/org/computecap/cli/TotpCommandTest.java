package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.computecap.server.Totp;
import org.junit.jupiter.api.Test;

class TotpCommandTest {
  @Test
  void totp_prints_the_code_an_authenticator_app_shows_now() {
    String secret = "JBSWY3DPEHPK3PXPJBSWY3DP";
    long before = System.currentTimeMillis();
    CliRun run = CliRun.of("totp", secret);
    long after = System.currentTimeMillis();
    assertThat(run.exitCode()).isZero();
    String code = run.out().substring(0, 6);
    // The step may turn during the run: the code is that of the step at its start or end.
    assertThat(code).isIn(Totp.code(secret, before), Totp.code(secret, after));
    assertThat(run.out()).contains("valid for").contains("s more");
  }

  @Test
  void a_secret_that_is_not_base32_is_refused_with_exit_2() {
    CliRun run = CliRun.of("totp", "not-a-secret!");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("SECRET must be 16 to 103 base32 characters");
  }
}
