package org.computecap.engine.exchange;

/**
 * Open, high, low and close trade prices of one book over one compliance period, with the
 * volume and notional value traded; the period's VWAP is notional over volume, rounded down to
 * a whole cent.
 */
public record Ohlc(int period, long openCents, long highCents, long lowCents, long closeCents,
    long volume, long notionalCents) {

  public long vwapCents() {
    return volume == 0 ? 0 : notionalCents / volume;
  }
}
