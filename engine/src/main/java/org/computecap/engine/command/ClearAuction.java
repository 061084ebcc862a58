package org.computecap.engine.command;

/** Clears an open auction at one uniform price and settles every bid (§5). */
public record ClearAuction(long auctionId) implements AuctionCommand {
  public ClearAuction {
    Fields.positive("auctionId", auctionId);
  }
}
