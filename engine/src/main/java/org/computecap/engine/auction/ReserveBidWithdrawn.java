package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** A reserve bid was withdrawn while its sale was open, and the cash it reserved released. */
public record ReserveBidWithdrawn(long saleId, long bidId, long accountId, long releasedCents)
    implements Event {}
