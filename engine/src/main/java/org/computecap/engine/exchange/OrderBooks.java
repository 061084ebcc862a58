package org.computecap.engine.exchange;

/**
 * Which order book implementation the exchange's venues use. The engine runs on {@link #FAST};
 * tests run a second engine on {@link #REFERENCE} beside it and compare the two state hashes, which
 * must be equal because both books follow the same rules ({@link OrderBook}).
 */
public enum OrderBooks {
  /** {@link ArrayOrderBook}: primitive arrays, no allocation per order after warm-up. */
  FAST,
  /** {@link ReferenceOrderBook}: naive lists and linear scans, obviously right. */
  REFERENCE;

  OrderBook create(long lotPermits, boolean selfTradePrevention) {
    return this == FAST
        ? new ArrayOrderBook(lotPermits, selfTradePrevention, 1 << 10)
        : new ReferenceOrderBook(lotPermits, selfTradePrevention);
  }
}
