package org.computecap.engine.command;

/**
 * Voluntarily retires permits of one vintage without counting them against any obligation, so they
 * can never be used: the way a holder takes them out of the market for good.
 */
public record CancelPermits(long accountId, int vintage, long quantity) implements RegistryCommand {
  public CancelPermits {
    Fields.accountId("accountId", accountId);
    Fields.period("vintage", vintage);
    Fields.positive("quantity", quantity);
  }
}
