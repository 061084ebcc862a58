package org.computecap.engine.command;

import org.computecap.engine.program.Workload;

/**
 * A participant's self-reported covered quantity for the current period and one workload class
 * (§7.1); a strategic participant may under-report, which audits exist to catch.
 */
public record SubmitReport(long accountId, int period, Workload workload, long quantity)
    implements ComplianceCommand {
  public SubmitReport {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    Fields.required("workload", workload);
    RulesFields.quantity("quantity", quantity, 0);
  }
}
