package org.computecap.engine.command;

/**
 * A hardware meter's noisy reading of a participant's quantity for the current period (P2 Sec 3.3):
 * it settles nothing but can raise the participant's audit probability.
 */
public record RecordMeterReading(long accountId, int period, long quantity)
    implements ComplianceCommand {
  public RecordMeterReading {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    RulesFields.quantity("quantity", quantity, 0);
  }
}
