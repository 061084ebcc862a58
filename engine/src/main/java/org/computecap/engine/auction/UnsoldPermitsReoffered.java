package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An opening auction re-offers {@code permits} unsold permits of {@code vintage} from earlier
 * auctions (policy REOFFER). They stay in the auction reserve account, now part of this auction's
 * supply.
 */
public record UnsoldPermitsReoffered(long auctionId, int vintage, long permits) implements Event {}
