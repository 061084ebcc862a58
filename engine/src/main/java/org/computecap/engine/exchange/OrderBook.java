package org.computecap.engine.exchange;

import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/**
 * A limit order book for one instrument (one vintage, or all vintages when the program keeps a
 * single book). Two implementations exist: {@link ArrayOrderBook}, the fast one the engine uses,
 * and {@link ReferenceOrderBook}, a naive one that tests compare it with after every command.
 *
 * <p>The book enforces only matching rules: price-time priority, trades at the resting order's
 * price, self-trade prevention, the market-buy cash budget and the lot when that budget cuts a
 * fill. Business checks (tick, lot, funds, ownership) happen in the exchange before the book is
 * called; a book trusts its caller and throws {@link IllegalArgumentException} only for calls that
 * would corrupt it. Order ids must increase from call to call: the exchange assigns them in arrival
 * order, so the id is an order's time priority.
 *
 * <p><b>Self-trade prevention</b> (when enabled): an incoming order that would match a resting
 * order of its own account cancels that resting order ("cancel resting", also called cancel-oldest
 * or expire-maker) and keeps matching deeper in the book. In a call auction, where both orders
 * rest, the newer of the pair is cancelled.
 *
 * <p><b>Call auction</b> ({@link #uncross}): a uniform price for all crossing orders, chosen as the
 * price that (1) maximises executed volume, then (2) minimises the imbalance between demand and
 * supply at that price, then (3) lies closest to the reference price (the last trade price), then
 * (4) is the lowest such price. Candidates are the limit prices on the book. Crossing orders then
 * trade at that price in price-time priority on both sides.
 */
interface OrderBook {

  /** A price on neither side: the book has no such order or level. */
  long NO_PRICE = 0;

  /**
   * Matches an incoming order against the book, then rests a {@code LIMIT} remainder.
   *
   * @param priceCents the limit price; ignored for {@code MARKET}
   * @param cashBudgetCents for a {@code MARKET} buy, the most the buyer may spend (fills stop at
   *     the last whole lot it affords); ignored otherwise
   * @return the quantity left unfilled: rested for {@code LIMIT}, dropped otherwise
   */
  long place(
      long orderId,
      long account,
      Side side,
      OrderType type,
      long priceCents,
      long quantity,
      int vintage,
      long cashBudgetCents,
      MatchListener listener);

  /**
   * Rests a limit order without matching, as during a call phase; the book may then be crossed
   * until {@link #uncross} runs.
   */
  void rest(long orderId, long account, Side side, long priceCents, long quantity, int vintage);

  /** Removes a resting order; returns the quantity it still had, or 0 if it is unknown. */
  long cancel(long orderId);

  /**
   * Runs a uniform-price call auction over the crossing orders (see the class comment).
   *
   * @param referenceCents the last trade price, or {@link #NO_PRICE} when there is none
   * @return the executed volume; {@link #lastUncrossPriceCents()} tells the price
   */
  long uncross(long referenceCents, MatchListener listener);

  /** The uniform price chosen by the last {@link #uncross}, or {@link #NO_PRICE}. */
  long lastUncrossPriceCents();

  boolean contains(long orderId);

  /** The account of a resting order; the order must exist. */
  long account(long orderId);

  Side side(long orderId);

  long priceCents(long orderId);

  long remaining(long orderId);

  int vintage(long orderId);

  /** The highest bid price, or {@link #NO_PRICE}. */
  long bestBidCents();

  /** The lowest ask price, or {@link #NO_PRICE}. */
  long bestAskCents();

  int orderCount();

  int levelCount(Side side);

  /**
   * Copies up to {@code levels} price levels of one side, best first, into the arrays.
   *
   * @return the number of levels copied
   */
  int depth(Side side, int levels, long[] pricesCents, long[] quantities);

  /** Sum of price times remaining quantity over resting buy orders: the cash they reserve. */
  long restingBuyCents();

  /** Sum of remaining quantity over resting sell orders: the permits they reserve. */
  long restingSellQuantity();

  void forEachOrder(OrderVisitor visitor);
}
