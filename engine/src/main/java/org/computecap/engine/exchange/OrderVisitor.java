package org.computecap.engine.exchange;

/**
 * Visits resting orders in book order: bids best price first, then asks best price first, each
 * price level in time priority. The canonical state encoding and the book comparisons rely on this
 * order being the same for every book implementation.
 */
interface OrderVisitor {
  /**
   * @param arrival the order's place in the book's arrival sequence (0 for the first order the book
   *     rested); a call auction uses it to pick the newer of two self-matching orders
   */
  void order(
      long orderId,
      long account,
      Side side,
      long priceCents,
      long remaining,
      int vintage,
      long arrival);
}
