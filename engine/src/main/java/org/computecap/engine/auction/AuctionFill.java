package org.computecap.engine.auction;

/** Permits one bid won at the clearing price (zero when it lost). */
public record AuctionFill(long bidId, long account, long quantity) {}
