package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** A primary auction of {@code supplyPermits} permits of {@code period}'s vintage opened. */
public record AuctionOpened(
    long auctionId,
    int period,
    long supplyPermits,
    long reservePriceCents,
    long purchaseLimitPermits)
    implements Event {}
