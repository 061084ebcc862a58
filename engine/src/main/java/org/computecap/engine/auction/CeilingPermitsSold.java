package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * Permits of {@code period}'s vintage sold at the price ceiling, issued above the cap; the cash
 * went to the treasury.
 */
public record CeilingPermitsSold(
    long accountId, int period, long permits, long priceCents, long paidCents) implements Event {}
