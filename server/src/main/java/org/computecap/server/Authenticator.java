package org.computecap.server;

import java.time.Clock;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.Role;
import org.computecap.engine.representatives.RepresentativeState;

/**
 * Turns an {@code Authorization} header into a {@link Caller}, or refuses it (401): the header must
 * be exactly {@code Bearer TOKEN}, and the token's SHA-256 must be that of a token the journal
 * issued (to an account, or to a person, issue 15), not revoked and not expired now. The token is
 * compared through its hash only, so the comparison is exact (no case folding anywhere) and takes
 * no more time for a near miss. A revocation is visible to the next request: the read model is
 * updated before the revoking request is answered.
 */
final class Authenticator {
  private static final String SCHEME = "Bearer ";

  private final ReadModel model;
  private final Clock clock;

  Authenticator(ReadModel model, Clock clock) {
    this.model = model;
    this.clock = clock;
  }

  ReadModel model() {
    return model;
  }

  /** The caller, null when no header was sent; ApiException 401 for any header that fails. */
  Caller authenticate(String header) {
    if (header == null) {
      return null;
    }
    if (!header.startsWith(SCHEME)) {
      throw ApiException.unauthenticated();
    }
    String hash = Credentials.hash(header.substring(SCHEME.length()));
    ReadModel.TokenEntry t = model.tokenByHash(hash);
    if (t == null) {
      return person(hash);
    }
    if (t.revoked() || clock.millis() >= t.expiresTick()) {
      throw ApiException.unauthenticated();
    }
    return new Caller(t.accountId(), role(t.accountId()), t.tokenId());
  }

  /** A person's token (issue 15): it acts for its account, as its person. */
  private Caller person(String hash) {
    RepresentativeState.Credential t = model.representatives.tokensByHash().get(hash);
    if (t == null || t.revoked() || clock.millis() >= t.expiresTick()) {
      throw ApiException.unauthenticated();
    }
    return new Caller(t.accountId(), role(t.accountId()), 0, t.personId());
  }

  /** The role a token acts with: its account's (401 for an account that does not exist). */
  private Role role(long accountId) {
    Role role =
        accountId == AccessCommand.MARKET_REGULATOR ? Role.REGULATOR : model.roleOf(accountId);
    if (role == null) {
      throw ApiException.unauthenticated();
    }
    return role;
  }
}
