package org.computecap.engine.metering;

import org.computecap.engine.Event;

/**
 * A meter's signed reading was verified and counted toward its account's attested totals for {@code
 * period} (the period current when it was accepted).
 */
public record MeterReadingAccepted(
    long meterId,
    long accountId,
    int period,
    long sequence,
    long intervalStartSeconds,
    long intervalEndSeconds,
    long counterStartJoules,
    long counterEndJoules,
    long energyJoules,
    long computeGflop,
    String method)
    implements Event {}
