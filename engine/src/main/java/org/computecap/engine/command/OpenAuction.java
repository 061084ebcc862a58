package org.computecap.engine.command;

/** Opens a sealed-bid primary auction of {@code quantity} permits of the current vintage. */
public record OpenAuction(long auctionId, int period, long quantity) implements AuctionCommand {
  public OpenAuction {
    Fields.positive("auctionId", auctionId);
    Fields.period("period", period);
    RulesFields.quantity("quantity", quantity, 1);
  }
}
