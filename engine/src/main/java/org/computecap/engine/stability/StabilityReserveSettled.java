package org.computecap.engine.stability;

import org.computecap.engine.Event;

/**
 * The stability reserve's decision at {@code ClosePeriod(period)}: the TNAC read after the period's
 * surrenders and expiry, its band, the rule's intake, the permits withheld from period {@code
 * period + 1}'s auction volume (issued into the reserve as vintage {@code period + 1}), the permits
 * released into period {@code period + 1}'s first auction, the permits invalidated (cancelled) and
 * the reserve's balance net of the release.
 */
public record StabilityReserveSettled(
    int period,
    long tnacPermits,
    StabilityBand band,
    long intakePermits,
    long withheldPermits,
    long releasePermits,
    long invalidatedPermits,
    long reserveAfterPermits)
    implements Event {}
