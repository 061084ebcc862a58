package org.computecap.engine.auction;

import org.computecap.engine.Event;

/**
 * An auction cleared at one uniform price ({@code 0} when nothing sold). {@code unsoldPermits} is
 * its supply (plus any cost containment permits released, less any emissions containment permits
 * withheld) not sold; they stay in the auction reserve account unless the program's unsold policy
 * moves them ({@link UnsoldPermitsMoved}).
 */
public record AuctionCleared(
    long auctionId,
    int period,
    long clearingPriceCents,
    long soldPermits,
    long unsoldPermits,
    long revenueCents)
    implements Event {}
