package org.computecap.engine.exchange;

import org.computecap.engine.Event;

/**
 * Permits of {@code vintage} moved from seller to buyer and {@code priceCents · quantity} moved
 * from buyer to seller, in one step (delivery versus payment).
 */
public record TradeExecuted(
    long buyOrderId,
    long buyAccountId,
    long sellOrderId,
    long sellAccountId,
    int vintage,
    long priceCents,
    long quantity)
    implements Event {}
