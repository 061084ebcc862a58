package org.computecap.engine.command;

/**
 * A participant posts the collateral its program requires (issue 17): the program's amount of cash,
 * or of permits (oldest vintage first), moves into the collateral hold, where it stays until a
 * detected under-report forfeits it or a regulator returns it.
 */
public record PostCollateral(long accountId) implements ComplianceCommand {
  public PostCollateral {
    Fields.accountId("accountId", accountId);
  }
}
