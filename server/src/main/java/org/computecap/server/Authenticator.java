package org.computecap.server;

import java.time.Clock;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.Role;

/**
 * Turns an {@code Authorization} header into a {@link Caller}, or refuses it (401): the header must
 * be exactly {@code Bearer TOKEN}, and the token's SHA-256 must be that of a token the journal
 * issued, not revoked and not expired now. The token is compared through its hash only, so the
 * comparison is exact (no case folding anywhere) and takes no more time for a near miss. A
 * revocation is visible to the next request: the read model is updated before the revoking request
 * is answered.
 */
final class Authenticator {
  private static final String SCHEME = "Bearer ";

  private final ReadModel model;
  private final Clock clock;

  Authenticator(ReadModel model, Clock clock) {
    this.model = model;
    this.clock = clock;
  }

  /** The caller, null when no header was sent; ApiException 401 for any header that fails. */
  Caller authenticate(String header) {
    if (header == null) {
      return null;
    }
    if (!header.startsWith(SCHEME)) {
      throw ApiException.unauthenticated();
    }
    ReadModel.TokenEntry t = model.tokenByHash(Credentials.hash(header.substring(SCHEME.length())));
    if (t == null || t.revoked() || clock.millis() >= t.expiresTick()) {
      throw ApiException.unauthenticated();
    }
    Role role =
        t.accountId() == AccessCommand.MARKET_REGULATOR
            ? Role.REGULATOR
            : model.roleOf(t.accountId());
    if (role == null) {
      throw ApiException.unauthenticated();
    }
    return new Caller(t.accountId(), role, t.tokenId());
  }
}
