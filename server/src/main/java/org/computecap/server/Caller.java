package org.computecap.server;

import org.computecap.engine.command.Role;

/**
 * Who sent a request: the account its token was issued for and that account's role. The market
 * regulator (the first token) is account {@link Tokens#MARKET_REGULATOR} with role REGULATOR.
 */
record Caller(long accountId, Role role) {
  boolean isRegulator() {
    return role == Role.REGULATOR;
  }

  /** Regulators and auditors read every account; the others read only their own. */
  boolean readsEverything() {
    return role == Role.REGULATOR || role == Role.AUDITOR;
  }

  boolean mayRead(long account) {
    return readsEverything() || accountId == account;
  }
}
