package org.computecap.engine.exchange;

import org.computecap.engine.Event;

/**
 * The unfilled quantity of a limit order now rests on the book, with its cash (buy) or permits
 * (sell) reserved.
 */
public record OrderRested(long orderId, long accountId, long quantity) implements Event {}
