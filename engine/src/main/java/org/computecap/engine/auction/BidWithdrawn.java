package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** An open bid was withdrawn and its reserved cash released. */
public record BidWithdrawn(long auctionId, long bidId, long accountId, long releasedCents)
    implements Event {}
