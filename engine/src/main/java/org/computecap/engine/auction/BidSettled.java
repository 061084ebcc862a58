package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * A bid's settlement at clearing: permits won and paid at the clearing price, the rest of its
 * reservation released.
 */
public record BidSettled(
    long auctionId, long bidId, long accountId, long wonPermits, long paidCents, long releasedCents)
    implements Event {}
