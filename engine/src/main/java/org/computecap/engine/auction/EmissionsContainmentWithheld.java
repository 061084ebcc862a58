package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An auction that would not have sold its supply at or above the emissions containment trigger
 * withheld {@code permits} of {@code vintage}: moved from the auction reserve account to the
 * cancellation account, never to be offered again (RGGI's ECR).
 */
public record EmissionsContainmentWithheld(
    long auctionId, int period, long triggerPriceCents, int vintage, long permits)
    implements Event {}
