package org.computecap.engine.command;

/**
 * Pays as much of a participant's unpaid penalties as its free cash covers. Penalties are charged
 * up to the cash an account holds (no balance goes negative); the rest is a debt.
 */
public record PayOutstandingPenalty(long accountId) implements ComplianceCommand {
  public PayOutstandingPenalty {
    Fields.accountId("accountId", accountId);
  }
}
