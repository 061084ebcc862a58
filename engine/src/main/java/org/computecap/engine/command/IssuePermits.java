package org.computecap.engine.command;

/**
 * Creates permits of the current period's vintage in an account, within what is left of that
 * period's cap. Issuance is the only way permits come into existence.
 */
public record IssuePermits(long accountId, int vintage, long quantity) implements RegistryCommand {
  public IssuePermits {
    Fields.anyAccountId("accountId", accountId);
    Fields.period("vintage", vintage);
    Fields.positive("quantity", quantity);
  }
}
