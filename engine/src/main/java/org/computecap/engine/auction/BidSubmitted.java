package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** A sealed bid was accepted and {@code reservedCents} of the bidder's cash set aside. */
public record BidSubmitted(
    long auctionId,
    long bidId,
    long accountId,
    long quantity,
    long limitPriceCents,
    long reservedCents)
    implements Event {}
