package org.computecap.engine.exchange;

import org.computecap.engine.Event;

/** The book trading {@code vintage} now collects limit orders without matching them. */
public record CallAuctionStarted(int vintage) implements Event {}
