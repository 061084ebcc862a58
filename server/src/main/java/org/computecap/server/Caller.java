package org.computecap.server;

import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.Role;

/**
 * Who sent a request: the principal its token acts for (an account id, or {@link
 * AccessCommand#MARKET_REGULATOR} for the market's own regulator), that principal's role, and the
 * token's id (so that a holder can see and revoke the token it used). A person's token (issue 15)
 * acts for one account the person represents and names the person; its {@code tokenId} is 0, as the
 * person's tokens are numbered apart.
 */
record Caller(long principal, Role role, long tokenId, long personId) {
  /** A caller with an account's own token (no person). */
  Caller(long principal, Role role, long tokenId) {
    this(principal, role, tokenId, 0);
  }

  /** Whether a person's token sent the request (issue 15): then commands go as theirs. */
  boolean isPerson() {
    return personId != 0;
  }

  boolean isRegulator() {
    return role == Role.REGULATOR;
  }

  /** Regulators and auditors read every account; the others read only their own. */
  boolean readsEverything() {
    return role == Role.REGULATOR || role == Role.AUDITOR;
  }

  boolean mayRead(long account) {
    return readsEverything() || principal == account;
  }

  boolean isMarketRegulator() {
    return principal == AccessCommand.MARKET_REGULATOR;
  }
}
