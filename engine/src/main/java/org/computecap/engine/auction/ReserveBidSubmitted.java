package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** A reserve sale bid; {@code reservedCents} (quantity at the highest tier price) is held. */
public record ReserveBidSubmitted(
    long saleId, long bidId, long accountId, long quantity, long reservedCents) implements Event {}
