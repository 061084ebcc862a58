package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * One participant's assessment at period close: obligation {@code ceil(lambda · reported)} plus the
 * make-good it owed, what it surrendered, the shortfall D and status, the penalty phi(D) (charged
 * up to its free cash, the rest unpaid) and the make-good it now owes.
 */
public record ComplianceAssessed(
    long accountId,
    int period,
    long reportedQuantity,
    long multiplierPpm,
    long obligationPermits,
    long surrenderedPermits,
    long shortfallPermits,
    ComplianceStatus status,
    long penaltyCents,
    long penaltyUnpaidCents,
    long makeGoodOwedPermits)
    implements Event {}
