package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * Escalation (issue 17): a detected under-report of {@code period} raised the account's audit
 * probability by the program's step; {@code raisePpm} is its raise now.
 */
public record AuditProbabilityRaised(long accountId, int period, long raisePpm) implements Event {}
