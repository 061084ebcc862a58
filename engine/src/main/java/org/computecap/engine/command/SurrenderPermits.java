package org.computecap.engine.command;

/**
 * Surrenders permits against a period's obligation, oldest eligible vintage first: vintages up to
 * the period when banking is on, only the period's own vintage when it is off.
 */
public record SurrenderPermits(long accountId, int period, long quantity)
    implements RegistryCommand {
  public SurrenderPermits {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    Fields.positive("quantity", quantity);
  }
}
