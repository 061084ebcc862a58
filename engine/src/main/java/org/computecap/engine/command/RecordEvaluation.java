package org.computecap.engine.command;

import org.computecap.engine.program.RiskSignal;

/**
 * The regulator's evaluation signal for a participant's current period (P2 Sec 3.1): it sets the
 * risk multiplier {@code lambda(s)} of the obligation.
 */
public record RecordEvaluation(long accountId, int period, RiskSignal signal)
    implements ComplianceCommand {
  public RecordEvaluation {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    Fields.required("signal", signal);
  }
}
