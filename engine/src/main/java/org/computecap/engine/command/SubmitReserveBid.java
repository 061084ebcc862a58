package org.computecap.engine.command;

/**
 * A participant's bid for up to {@code quantity} permits in an open reserve sale, at the tiers'
 * fixed prices; cash for {@code quantity} at the highest tier price is reserved until clearing.
 */
public record SubmitReserveBid(long saleId, long bidId, long accountId, long quantity)
    implements AuctionCommand {
  public SubmitReserveBid {
    Fields.positive("saleId", saleId);
    Fields.positive("bidId", bidId);
    Fields.accountId("accountId", accountId);
    RulesFields.quantity("quantity", quantity, 1);
  }
}
