package org.computecap.engine.exchange;

import org.computecap.engine.Event;

/**
 * A call auction ended: {@code volume} permits traded at the uniform {@code priceCents} (0 and 0
 * when the book did not cross); the book trades continuously again.
 */
public record CallAuctionRan(int vintage, long priceCents, long volume) implements Event {}
