package org.computecap.engine.command;

import org.computecap.engine.program.RiskSignal;

/**
 * An insurer's own, independent evaluation of a participant's current period (P2 Sec 7): it sets
 * the premium {@code pi(lambda)} and names the insurer who is paid. Only the participant's
 * appointed insurer ({@link AppointInsurer}) may record it.
 */
public record RecordInsurerEvaluation(long insurerId, long accountId, int period, RiskSignal signal)
    implements ComplianceCommand {
  public RecordInsurerEvaluation {
    Fields.accountId("insurerId", insurerId);
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    Fields.required("signal", signal);
  }
}
