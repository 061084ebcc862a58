package org.computecap.engine.command;

/** Withdraws an open bid before clearing and releases its reserved cash. */
public record WithdrawBid(long auctionId, long bidId) implements AuctionCommand {
  public WithdrawBid {
    Fields.positive("auctionId", auctionId);
    Fields.positive("bidId", bidId);
  }
}
