package org.computecap.engine.auction;

import org.computecap.engine.Event;

/** A price containment reserve sale opened, triggered by the last auction's clearing price. */
public record ReserveSaleOpened(long saleId, int period, long lastClearingPriceCents)
    implements Event {}
