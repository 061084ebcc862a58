package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * A reserve bid got {@code permits} at the tiers' prices, paid into the treasury; the rest of its
 * cash is released.
 */
public record ReserveBidSettled(
    long saleId, long bidId, long accountId, long permits, long paidCents, long releasedCents)
    implements Event {}
