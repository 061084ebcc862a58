package org.computecap.engine.command;

/**
 * A sealed bid for up to {@code quantity} permits at no more than {@code limitPriceCents} each; the
 * bidder's cash for {@code quantity · limitPriceCents} is reserved until clearing.
 */
public record SubmitBid(
    long auctionId, long bidId, long accountId, long quantity, long limitPriceCents)
    implements AuctionCommand {
  public SubmitBid {
    Fields.positive("auctionId", auctionId);
    Fields.positive("bidId", bidId);
    Fields.accountId("accountId", accountId);
    RulesFields.quantity("quantity", quantity, 1);
    RulesFields.price("limitPriceCents", limitPriceCents);
  }
}
