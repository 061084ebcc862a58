package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Authentication compares tokens by their hash only, exactly, and refuses a token once its expiry
 * has passed or it was revoked; the scheme must be {@code Bearer} as written.
 */
class AuthenticatorTest {
  @Test
  void a_token_is_refused_at_its_expiry_and_when_revoked_and_never_matched_loosely()
      throws Exception {
    ReadModel model = new ReadModel(Files.createTempDirectory("computecap-auth"));
    String token = Credentials.newToken();
    model.tokens.put(1L, new ReadModel.TokenEntry(1, 0, 0, 0, 100, 1_000, false, 0));
    model.tokenIdsByHash.put(Credentials.hash(token), 1L);
    assertThat(at(model, 999).authenticate("Bearer " + token).principal()).isZero();
    assertThatThrownBy(() -> at(model, 1_000).authenticate("Bearer " + token))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> at(model, 999).authenticate("bearer " + token))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> at(model, 999).authenticate("Bearer " + token.toUpperCase()))
        .isInstanceOf(ApiException.class);
    model.tokens.put(1L, new ReadModel.TokenEntry(1, 0, 0, 0, 100, 1_000, true, 0));
    assertThatThrownBy(() -> at(model, 999).authenticate("Bearer " + token))
        .isInstanceOf(ApiException.class);
    assertThat(at(model, 999).authenticate(null)).isNull();
    model.close();
  }

  private static Authenticator at(ReadModel model, long millis) {
    return new Authenticator(model, Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }
}
