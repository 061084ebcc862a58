package org.computecap.engine.command;

/**
 * An auditor's measurement of a drawn participant's true quantity for a closed period (exact, or
 * noisy in the simulator); the engine charges the shortfall it reveals (§7.5).
 */
public record RecordAuditFinding(long accountId, int period, long measuredQuantity)
    implements ComplianceCommand {
  public RecordAuditFinding {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    RulesFields.quantity("measuredQuantity", measuredQuantity, 0);
  }
}
