package org.computecap.engine.allocation;

import org.computecap.engine.Event;

/** The verifier's activity record for a participant and period was stored. */
public record VerifiedActivityRecorded(
    long accountId, int period, long outputUnits, long coveredQuantity) implements Event {}
