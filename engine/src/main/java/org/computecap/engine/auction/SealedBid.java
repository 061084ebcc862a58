package org.computecap.engine.auction;

/**
 * One sealed bid in a primary auction: up to {@code quantity} permits at no more than {@code
 * limitPriceCents} each. The bidder's cash for {@code quantity · limitPriceCents} is reserved when
 * the bid is accepted, so the auction can always settle.
 */
public record SealedBid(long bidId, long account, long quantity, long limitPriceCents) {
  public SealedBid {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity: " + quantity + " must be above 0");
    }
    if (limitPriceCents <= 0) {
      throw new IllegalArgumentException(
          "limitPriceCents: " + limitPriceCents + " must be above 0");
    }
  }
}
