package org.computecap.engine.exchange;

import java.math.BigInteger;
import java.util.Arrays;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;

/**
 * Trade statistics of one book: last price, volume, trade count and VWAP since the market opened,
 * and OHLC per compliance period. Everything is exact: the notional value (price times quantity,
 * summed) is kept in 128 bits, because recording a trade happens after matching has begun and must
 * not fail, and a long of cents could overflow over a long history; the VWAP is rounded down to a
 * whole cent. The last price is part of the engine state because the call auction breaks ties by
 * distance to it.
 *
 * <p>Periods arrive in non-decreasing order (logical time only moves forward), so the rows are kept
 * in arrival order and a trade updates the last row or appends one; no map is needed.
 */
final class MarketData {
  private long lastPriceCents = OrderBook.NO_PRICE;
  private long volume;
  private long notionalHigh;
  private long notionalLow;
  private long tradeCount;

  private int rows;
  private int[] periods = new int[4];
  private long[] opens = new long[4];
  private long[] highs = new long[4];
  private long[] lows = new long[4];
  private long[] closes = new long[4];
  private long[] volumes = new long[4];
  private long[] notionalHighs = new long[4];
  private long[] notionalLows = new long[4];

  /** Records one trade; price and quantity are each at most 10^9, so their product fits. */
  void record(int period, long priceCents, long quantity) {
    if (rows > 0 && period < periods[rows - 1]) {
      throw new IllegalArgumentException(
          "period must not go back: " + period + " after " + periods[rows - 1]);
    }
    long notional = priceCents * quantity;
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
    long low = notionalLows[r] + notional;
    notionalHighs[r] += Long.compareUnsigned(low, notional) < 0 ? 1 : 0;
    notionalLows[r] = low;
    lastPriceCents = priceCents;
    volume += quantity;
    low = notionalLow + notional;
    notionalHigh += Long.compareUnsigned(low, notional) < 0 ? 1 : 0;
    notionalLow = low;
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
    notionalHighs = Arrays.copyOf(notionalHighs, n);
    notionalLows = Arrays.copyOf(notionalLows, n);
  }

  /** The last trade price, or {@link OrderBook#NO_PRICE} before the first trade. */
  long lastPriceCents() {
    return lastPriceCents;
  }

  long volume() {
    return volume;
  }

  long tradeCount() {
    return tradeCount;
  }

  /** Volume-weighted average price since the market opened, or 0 before the first trade. */
  long vwapCents() {
    return vwap(notionalHigh, notionalLow, volume);
  }

  /** The 128-bit notional divided by the volume, rounded down. */
  private static long vwap(long high, long low, long volume) {
    if (volume == 0) {
      return 0;
    }
    if (high == 0 && low >= 0) {
      return low / volume;
    }
    BigInteger notional =
        BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    return notional.divide(BigInteger.valueOf(volume)).longValueExact();
  }

  int periodCount() {
    return rows;
  }

  /** The row of the i-th period that saw a trade, in period order. */
  Ohlc row(int i) {
    if (i < 0 || i >= rows) {
      throw new IllegalArgumentException("row must be in [0, " + rows + "), was " + i);
    }
    return new Ohlc(
        periods[i],
        opens[i],
        highs[i],
        lows[i],
        closes[i],
        volumes[i],
        vwap(notionalHighs[i], notionalLows[i], volumes[i]));
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

  /** Writes every field, rows in period order. */
  void writeCanonical(CanonicalWriter w) {
    w.writeLong(lastPriceCents)
        .writeLong(volume)
        .writeLong(notionalHigh)
        .writeLong(notionalLow)
        .writeLong(tradeCount)
        .writeInt(rows);
    for (int i = 0; i < rows; i++) {
      w.writeInt(periods[i])
          .writeLong(opens[i])
          .writeLong(highs[i])
          .writeLong(lows[i])
          .writeLong(closes[i])
          .writeLong(volumes[i])
          .writeLong(notionalHighs[i])
          .writeLong(notionalLows[i]);
    }
  }

  /** Market data read back from {@link #writeCanonical} (a snapshot). */
  static MarketData readCanonical(CanonicalReader r) {
    MarketData d = new MarketData();
    d.lastPriceCents = r.readLong();
    d.volume = r.readLong();
    d.notionalHigh = r.readLong();
    d.notionalLow = r.readLong();
    d.tradeCount = r.readLong();
    int n = r.readCount();
    while (d.periods.length < n) {
      d.rows = d.periods.length;
      d.grow();
    }
    d.rows = n;
    for (int i = 0; i < n; i++) {
      d.periods[i] = r.readInt();
      d.opens[i] = r.readLong();
      d.highs[i] = r.readLong();
      d.lows[i] = r.readLong();
      d.closes[i] = r.readLong();
      d.volumes[i] = r.readLong();
      d.notionalHighs[i] = r.readLong();
      d.notionalLows[i] = r.readLong();
    }
    return d;
  }
}
