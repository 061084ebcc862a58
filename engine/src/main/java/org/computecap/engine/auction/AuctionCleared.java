package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An auction cleared at one uniform price ({@code 0} when nothing sold); unsold permits stay in the
 * auction reserve account, where its whole supply was issued when it opened.
 */
public record AuctionCleared(
    long auctionId,
    int period,
    long clearingPriceCents,
    long soldPermits,
    long unsoldPermits,
    long revenueCents)
    implements Event {}
