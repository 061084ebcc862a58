package org.computecap.engine.command;

/**
 * How an order meets the book. {@code LIMIT} matches up to its price and rests the remainder (good
 * till cancelled); {@code IOC} matches up to its price and drops the remainder; {@code MARKET} has
 * no price: it walks the book as far as its quantity (and, for a buy, the buyer's cash budget)
 * allows and drops the remainder.
 */
public enum OrderType {
  LIMIT,
  MARKET,
  IOC;

  /** Whether an unfilled remainder stays on the book. */
  boolean rests() {
    return this == LIMIT;
  }
}
