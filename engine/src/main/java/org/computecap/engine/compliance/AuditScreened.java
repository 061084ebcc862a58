package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * Two-stage audits (issue 17): the first-stage screen of the account's report for {@code period}
 * flagged it (a full audit follows and charges) or did not (nothing is charged).
 */
public record AuditScreened(long accountId, int period, boolean flagged) implements Event {}
