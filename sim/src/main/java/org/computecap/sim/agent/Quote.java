package org.computecap.sim.agent;

/**
 * One limit order an agent wants to place: buy or sell {@code quantity} permits at {@code
 * priceCents}. Adapters turn it into the engine's {@code PlaceOrder}.
 */
public record Quote(boolean buy, long priceCents, long quantity) {
  public Quote {
    if (priceCents < 1) {
      throw new IllegalArgumentException("priceCents must be >= 1, was " + priceCents);
    }
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be >= 1, was " + quantity);
    }
  }
}
