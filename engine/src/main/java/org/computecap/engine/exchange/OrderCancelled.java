package org.computecap.engine.exchange;

import org.computecap.engine.Event;

/** Quantity of an order cancelled without trading; any reservation for it was released. */
public record OrderCancelled(long orderId, long accountId, long quantity, CancelReason reason)
    implements Event {}
