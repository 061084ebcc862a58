package org.computecap.engine.command;

/**
 * A regulator returns a participant's collateral, e.g. when it leaves the market (issue 17): only
 * when it owes nothing (no unpaid penalty, no make-good).
 */
public record ReturnCollateral(long accountId) implements ComplianceCommand {
  public ReturnCollateral {
    Fields.accountId("accountId", accountId);
  }
}
