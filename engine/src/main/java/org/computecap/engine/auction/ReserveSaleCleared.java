package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** A reserve sale cleared; {@code remainingPermits} stay in the reserve for later sales. */
public record ReserveSaleCleared(
    long saleId, int period, long soldPermits, long revenueCents, long remainingPermits)
    implements Event {}
