package org.computecap.engine.stability;

import org.computecap.engine.Event;

/**
 * Permits of {@code vintage} released from the stability reserve into auction {@code auctionId}
 * (the first auction of {@code period}) when it opened: moved to the auction reserve and added to
 * its supply.
 */
public record StabilityPermitsReleased(long auctionId, int period, int vintage, long permits)
    implements Event {}
