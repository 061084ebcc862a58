package org.computecap.engine.command;

/**
 * The bidder withdraws its bid from a reserve sale that is still open (issue 14), releasing the
 * cash the bid reserved; {@code accountId} is the bidder's, and only the bidder may withdraw.
 */
public record WithdrawReserveBid(long saleId, long bidId, long accountId)
    implements AuctionCommand {
  public WithdrawReserveBid {
    Fields.positive("saleId", saleId);
    Fields.positive("bidId", bidId);
    Fields.accountId("accountId", accountId);
  }
}
