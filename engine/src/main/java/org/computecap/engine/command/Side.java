package org.computecap.engine.command;

/**
 * The side of an order. A buy order reserves cash, a sell order reserves permits (delivery versus
 * payment), so the side decides which ledger the exchange touches.
 */
public enum Side {
  BUY,
  SELL;

  /** The side a crossing order rests on. */
  Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}
