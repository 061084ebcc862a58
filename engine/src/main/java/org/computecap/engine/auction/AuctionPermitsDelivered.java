package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * Part of a winning bid's permits, by vintage, for an auction whose supply spans vintages (it
 * re-offered older permits): winners in clearing order take the oldest vintage first.
 */
public record AuctionPermitsDelivered(
    long auctionId, long bidId, long accountId, int vintage, long permits) implements Event {}
