package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An auction cleared at one uniform price ({@code 0} when nothing sold); unsold permits were
 * issued into the auction reserve account.
 */
public record AuctionCleared(long auctionId, int period, long clearingPriceCents,
    long soldPermits, long unsoldPermits, long revenueCents) implements Event {}
