package org.computecap.sim.scenario;

/**
 * How the secondary market runs each period. {@code CALL_AUCTION}: every agent posts its demand or
 * supply schedule into one uniform-price call auction on the engine's book. {@code CONTINUOUS}:
 * rounds of a continuous double auction. {@code CALL_THEN_CONTINUOUS}: a call auction for price
 * discovery, then continuous rounds for what is left. {@code NONE}: no secondary market, so every
 * developer keeps what it was allocated: with a uniform free allocation this is P2's uniform
 * command-and-control (quotas, no trading), the regime Remark 7 compares the market with.
 */
public enum TradingMode {
  CALL_AUCTION,
  CONTINUOUS,
  CALL_THEN_CONTINUOUS,
  NONE;

  public boolean call() {
    return this == CALL_AUCTION || this == CALL_THEN_CONTINUOUS;
  }

  public boolean continuous() {
    return this == CONTINUOUS || this == CALL_THEN_CONTINUOUS;
  }
}
