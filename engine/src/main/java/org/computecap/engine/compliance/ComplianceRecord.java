package org.computecap.engine.compliance;

/**
 * One participant's compliance record for one period as adapters read it (issue 15): the status
 * code once the period has closed, and the figures it follows from. {@code surrenderedLatePermits}
 * are permits surrendered for the period after its close and credited against the make-good (a
 * program with {@code lateSurrender: CREDIT_MAKE_GOOD}); they do not change the code, which is
 * judged at the deadline.
 *
 * @param code the status, or null while the period is open
 */
public record ComplianceRecord(
    long accountId,
    int period,
    ComplianceCode code,
    boolean reported,
    long obligationPermits,
    long surrenderedByDeadlinePermits,
    long surrenderedLatePermits,
    long shortfallPermits,
    long penaltyCents,
    long auditShortfallPermits) {}
