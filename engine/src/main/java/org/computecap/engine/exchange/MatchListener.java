package org.computecap.engine.exchange;

import org.computecap.engine.command.Side;

/**
 * Receives what a book does while it matches, with primitive arguments so that a fill costs no
 * allocation. The exchange settles each call at once (delivery versus payment), so the book itself
 * never touches cash or permits.
 *
 * <p>The sell side's vintage travels with every fill because, with one book for all vintages, the
 * permits delivered are those the sell order reserved.
 */
interface MatchListener {

  /**
   * A continuous-trading fill at the resting (maker) order's price.
   *
   * @param takerBuys whether the incoming order is the buyer (then the maker is the seller)
   */
  void traded(
      long makerOrderId,
      long makerAccount,
      long takerOrderId,
      long takerAccount,
      boolean takerBuys,
      int sellVintage,
      long priceCents,
      long quantity);

  /**
   * A call-auction fill at the uniform price; both orders were resting, so the buyer's limit price
   * tells how much of its reserved cash the fill releases.
   */
  void auctionTraded(
      long buyOrderId,
      long buyAccount,
      long buyLimitCents,
      long sellOrderId,
      long sellAccount,
      int sellVintage,
      long priceCents,
      long quantity);

  /**
   * A resting order removed by self-trade prevention, with the quantity it still had, so the
   * exchange can release its reservation.
   */
  void selfTradeCancelled(
      long orderId, long account, Side side, long priceCents, long remaining, int vintage);
}
