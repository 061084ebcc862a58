package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An auction whose demand at the cost containment trigger exceeded its supply sold {@code permits}
 * from the period's cost containment reserve, issued into the auction reserve account at clearing
 * and delivered to the winners.
 */
public record CostContainmentReleased(
    long auctionId, int period, long triggerPriceCents, long permits) implements Event {}
