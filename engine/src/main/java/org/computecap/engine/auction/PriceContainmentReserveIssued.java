package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * The price containment reserve's permits, issued into its account within the first cap when the
 * market opened.
 */
public record PriceContainmentReserveIssued(int vintage, long permits) implements Event {}
