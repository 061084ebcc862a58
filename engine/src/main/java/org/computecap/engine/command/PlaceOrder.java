package org.computecap.engine.command;

/**
 * Places an order on the secondary exchange (§6). The exchange assigns the order its id (one more
 * than the last id it assigned) when it accepts the order, and reports it in {@code OrderAccepted};
 * later commands ({@code CancelOrder}) and events name the order by that id. A sell order offers
 * permits of {@code vintage}; a buy order bids for that vintage's book (with one book for all
 * vintages the buyer takes whatever vintage the matched sell orders offer). A {@code MARKET} order
 * has no price ({@code priceCents} must be 0); {@code LIMIT} and {@code IOC} orders need one.
 *
 * <p>Price and quantity are each at most 10^9, so price times quantity never overflows a long.
 */
public record PlaceOrder(
    long accountId, Side side, OrderType type, long priceCents, long quantity, int vintage)
    implements ExchangeCommand {
  /** The largest price in cents and the largest quantity an order may carry. */
  public static final long MAX_PRICE_OR_QUANTITY = 1_000_000_000L;

  public PlaceOrder {
    Fields.accountId("accountId", accountId);
    Fields.required("side", side);
    Fields.required("type", type);
    if (type == OrderType.MARKET) {
      if (priceCents != 0) {
        throw new InvalidFieldException(
            "priceCents", "priceCents must be 0 for a MARKET order, got " + priceCents);
      }
    } else if (priceCents < 1 || priceCents > MAX_PRICE_OR_QUANTITY) {
      throw new InvalidFieldException(
          "priceCents",
          "priceCents must be in [1, "
              + MAX_PRICE_OR_QUANTITY
              + "] for a "
              + type
              + " order, got "
              + priceCents);
    }
    if (quantity < 1 || quantity > MAX_PRICE_OR_QUANTITY) {
      throw new InvalidFieldException(
          "quantity", "quantity must be in [1, " + MAX_PRICE_OR_QUANTITY + "], got " + quantity);
    }
    Fields.period("vintage", vintage);
  }
}
