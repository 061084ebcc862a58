package org.computecap.engine.command;

/** Clears an open reserve sale: tiers in ascending price order, bids in submission order. */
public record ClearReserveSale(long saleId) implements AuctionCommand {
  public ClearReserveSale {
    Fields.positive("saleId", saleId);
  }
}
