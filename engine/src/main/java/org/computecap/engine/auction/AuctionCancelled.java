package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An auction was cancelled at clearing because the bids at or above the reserve price ({@code
 * demandPermits}, after purchase limits) did not cover its supply: nothing was sold, every
 * reservation was released, and the whole supply is unsold (then follows the unsold policy).
 */
public record AuctionCancelled(long auctionId, int period, long demandPermits, long supplyPermits)
    implements Event {}
