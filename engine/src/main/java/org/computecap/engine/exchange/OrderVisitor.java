package org.computecap.engine.exchange;

import org.computecap.engine.command.Side;

/**
 * Visits resting orders in book order: bids best price first, then asks best price first, each
 * price level in time priority. The canonical state encoding and the book comparisons rely on this
 * order being the same for every book implementation. Time priority is order id order: the exchange
 * assigns ids in increasing order, so an order's id is also its place in arrival.
 */
interface OrderVisitor {
  void order(long orderId, long account, Side side, long priceCents, long remaining, int vintage);
}
