package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * Permits an auction left unsold moved from the auction reserve account to {@code toAccountId} (the
 * stability reserve, policy TO_STABILITY_RESERVE).
 */
public record UnsoldPermitsMoved(long auctionId, long toAccountId, int vintage, long permits)
    implements Event {}
