package org.computecap.sim.scenario;

/**
 * How the secondary market runs each period. {@code CALL_AUCTION}: every agent posts its demand or
 * supply schedule into one uniform-price call auction on the engine's book. {@code CONTINUOUS}:
 * rounds of a continuous double auction. {@code CALL_THEN_CONTINUOUS}: a call auction for price
 * discovery, then continuous rounds for what is left.
 */
public enum TradingMode {
  CALL_AUCTION,
  CONTINUOUS,
  CALL_THEN_CONTINUOUS;

  public boolean call() {
    return this != CONTINUOUS;
  }

  public boolean continuous() {
    return this != CALL_AUCTION;
  }
}
