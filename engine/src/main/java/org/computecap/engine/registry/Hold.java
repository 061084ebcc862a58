package org.computecap.engine.registry;

/**
 * Who put a reservation on permits or cash. Reservations are counted per holder so that each holder
 * can check its own books against the registry (the order book's resting sell quantity equals the
 * account's {@code EXCHANGE} permit reservation; open bids equal its {@code AUCTION} cash
 * reservation).
 */
public enum Hold {
  /** Resting orders on the secondary exchange (§6). */
  EXCHANGE,
  /** Bids in a primary auction (§5). */
  AUCTION;

  static final int COUNT = values().length;
}
