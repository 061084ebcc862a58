package org.computecap.engine.exchange;

import java.util.Arrays;

/**
 * Trade statistics of one book: last price, volume, notional value and VWAP since the market
 * opened, and OHLC per compliance period. Everything is an exact long (cents, permits); the
 * VWAP is rounded down to a whole cent. The last price is part of the engine state because
 * the call auction breaks ties by distance to it.
 *
 * <p>Periods arrive in non-decreasing order (logical time only moves forward), so the rows are
 * kept in arrival order and a trade updates the last row or appends one; no map is needed.
 */
final class MarketData {
  private long lastPriceCents = OrderBook.NO_PRICE;
  private long volume;
  private long notionalCents;
  private long tradeCount;

  private int rows;
  private int[] periods = new int[4];
  private long[] opens = new long[4];
  private long[] highs = new long[4];
  private long[] lows = new long[4];
  private long[] closes = new long[4];
  private long[] volumes = new long[4];
  private long[] notionals = new long[4];

  void record(int period, long priceCents, long quantity) {
    if (rows > 0 && period < periods[rows - 1]) {
      throw new IllegalArgumentException("period must not go back: " + period + " after "
          + periods[rows - 1]);
    }
    long notional = Math.multiplyExact(priceCents, quantity);
    if (rows == 0 || periods[rows - 1] != period) {
      if (rows == periods.length) {
        grow();
      }
      periods[rows] = period;
      opens[rows] = priceCents;
      highs[rows] = priceCents;
      lows[rows] = priceCents;
      rows++;
    }
    int r = rows - 1;
    highs[r] = Math.max(highs[r], priceCents);
    lows[r] = Math.min(lows[r], priceCents);
    closes[r] = priceCents;
    volumes[r] += quantity;
    notionals[r] = Math.addExact(notionals[r], notional);
    lastPriceCents = priceCents;
    volume += quantity;
    notionalCents = Math.addExact(notionalCents, notional);
    tradeCount++;
  }

  private void grow() {
    int n = rows * 2;
    periods = Arrays.copyOf(periods, n);
    opens = Arrays.copyOf(opens, n);
    highs = Arrays.copyOf(highs, n);
    lows = Arrays.copyOf(lows, n);
    closes = Arrays.copyOf(closes, n);
    volumes = Arrays.copyOf(volumes, n);
    notionals = Arrays.copyOf(notionals, n);
  }

  /** The last trade price, or {@link OrderBook#NO_PRICE} before the first trade. */
  long lastPriceCents() {
    return lastPriceCents;
  }

  long volume() {
    return volume;
  }

  long notionalCents() {
    return notionalCents;
  }

  long tradeCount() {
    return tradeCount;
  }

  /** Volume-weighted average price since the market opened, or 0 before the first trade. */
  long vwapCents() {
    return volume == 0 ? 0 : notionalCents / volume;
  }

  int periodCount() {
    return rows;
  }

  /** The row of the i-th period that saw a trade, in period order. */
  Ohlc row(int i) {
    if (i < 0 || i >= rows) {
      throw new IllegalArgumentException("row must be in [0, " + rows + "), was " + i);
    }
    return new Ohlc(periods[i], opens[i], highs[i], lows[i], closes[i], volumes[i],
        notionals[i]);
  }

  /** The OHLC of a period, or null when nothing traded in it. */
  Ohlc ohlc(int period) {
    for (int i = rows - 1; i >= 0; i--) {
      if (periods[i] == period) {
        return row(i);
      }
    }
    return null;
  }
}
