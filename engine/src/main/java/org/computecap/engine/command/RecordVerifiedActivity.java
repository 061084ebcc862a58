package org.computecap.engine.command;

/**
 * The verifier records a participant's verified output and covered quantity (e.g. FLOP and kWh) for
 * a period that has ended, or for a baseline period before the program; benchmark and grandfather
 * allocation read the last two periods of these records (§4).
 */
public record RecordVerifiedActivity(
    long accountId, int period, long outputUnits, long coveredQuantity)
    implements AllocationCommand {
  public RecordVerifiedActivity {
    Fields.accountId("accountId", accountId);
    RulesFields.quantity("outputUnits", outputUnits, 0);
    RulesFields.quantity("coveredQuantity", coveredQuantity, 0);
  }
}
