package org.computecap.engine.exchange;

/**
 * Open, high, low and close trade prices of one book over one compliance period, with the volume
 * traded and the volume-weighted average price (rounded down to a whole cent).
 */
public record Ohlc(
    int period,
    long openCents,
    long highCents,
    long lowCents,
    long closeCents,
    long volume,
    long vwapCents) {}
