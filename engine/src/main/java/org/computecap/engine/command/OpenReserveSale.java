package org.computecap.engine.command;

/**
 * Opens sale {@code saleId} of the price containment reserve in the current {@code period}
 * (regulator; docs/rules.md "Price containment and ceiling"). It must clear before the period
 * closes, which is its surrender deadline.
 */
public record OpenReserveSale(long saleId, int period) implements AuctionCommand {
  public OpenReserveSale {
    Fields.positive("saleId", saleId);
    Fields.period("period", period);
  }
}
