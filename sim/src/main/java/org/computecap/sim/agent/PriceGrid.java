package org.computecap.sim.agent;

import java.util.Arrays;

/**
 * The prices (whole ticks, ascending, distinct) on which agents post their demand and supply
 * schedules: geometric with one ratio {@code 1 + step} over the whole span [expected/band,
 * expected·band], widened to hold every anchor price (the auction's reserve, the price at which
 * permits are banked) with the same fine steps, and holding each anchor exactly. With every agent
 * on one grid, a uniform-price auction clears at a grid price next to the competitive one wherever
 * that lies in the span, so the step alone bounds the price error (the grid once doubled its step
 * beyond 8% of the expected price, and prices snapped about 3% off).
 *
 * <p>A price below one tick cannot be quoted; steps finer than a tick collapse to whole ticks.
 */
public final class PriceGrid {
  /** The highest price the grid reaches, in cents (the engine accepts up to 10^12). */
  static final long MAX_CENTS = 1_000_000_000L;

  private final long[] prices;

  private PriceGrid(long[] prices) {
    if (prices.length == 0) {
      throw new IllegalArgumentException("a price grid needs at least one price");
    }
    this.prices = prices;
  }

  /**
   * A grid of step {@code stepPpm} around {@code expectedCents} (&gt; 0) over [expected/band,
   * expected·band], widened to cover each positive anchor, every price a multiple of {@code
   * tickCents}.
   */
  public static PriceGrid around(
      double expectedCents, double band, long stepPpm, long tickCents, double... anchors) {
    if (tickCents < 1) {
      throw new IllegalArgumentException("tickCents must be >= 1, was " + tickCents);
    }
    if (!(expectedCents > 0) || !Double.isFinite(expectedCents)) {
      throw new IllegalArgumentException(
          "expectedCents must be finite and > 0, was " + expectedCents);
    }
    if (!(band > 1.0) || stepPpm < 1) {
      throw new IllegalArgumentException("band must be > 1 and stepPpm >= 1");
    }
    double lo = expectedCents / band;
    double hi = expectedCents * band;
    for (double a : anchors) {
      if (a > 0 && Double.isFinite(a)) {
        lo = Math.min(lo, a);
        hi = Math.max(hi, a);
      }
    }
    lo = Math.max(lo, tickCents);
    hi = Math.min(Math.max(hi, lo + tickCents), MAX_CENTS);
    double ratio = 1.0 + stepPpm / 1e6;
    int points = (int) Math.ceil(Math.log(hi / lo) / Math.log(ratio)) + 1;
    long[] raw = new long[points + anchors.length + 1];
    int n = 0;
    for (int j = 0; j < points; j++) {
      raw[n++] = toTick(Math.min(hi, lo * Math.pow(ratio, j)), tickCents);
    }
    raw[n++] = toTick(expectedCents, tickCents);
    for (double a : anchors) {
      if (a > 0 && Double.isFinite(a)) {
        raw[n++] = toTick(a, tickCents);
      }
    }
    return new PriceGrid(distinctSorted(Arrays.copyOf(raw, n)));
  }

  /** A grid of the given prices (for tests and sub-grids); must be positive. */
  public static PriceGrid of(long... prices) {
    for (long p : prices) {
      if (p < 1) {
        throw new IllegalArgumentException("grid prices must be >= 1, was " + p);
      }
    }
    return new PriceGrid(distinctSorted(prices.clone()));
  }

  private static long toTick(double cents, long tick) {
    long p = Math.round(cents / tick) * tick;
    return Math.max(tick, Math.min(p, MAX_CENTS / tick * tick));
  }

  private static long[] distinctSorted(long[] values) {
    Arrays.sort(values);
    int size = 0;
    for (long v : values) {
      if (size == 0 || v > values[size - 1]) {
        values[size++] = v;
      }
    }
    return Arrays.copyOf(values, size);
  }

  public int size() {
    return prices.length;
  }

  public long price(int j) {
    return prices[j];
  }

  public long lowest() {
    return prices[0];
  }

  public long highest() {
    return prices[prices.length - 1];
  }

  /** Index of the highest grid price at or below {@code cents}, or 0 when all are above it. */
  public int indexAtOrBelow(double cents) {
    int j = Arrays.binarySearch(prices, (long) Math.floor(cents));
    return j >= 0 ? j : Math.max(0, -j - 2);
  }

  /** The grid's prices at or below {@code cents}; null when none is. */
  public PriceGrid atOrBelow(double cents) {
    if (prices[0] > cents) {
      return null;
    }
    return new PriceGrid(Arrays.copyOf(prices, indexAtOrBelow(cents) + 1));
  }

  /**
   * The grid's prices within [lo, hi], or the one price nearest that range when none lies in it.
   */
  public PriceGrid within(double lo, double hi) {
    int from = indexAtOrBelow(lo);
    if (prices[from] < lo && from + 1 < prices.length) {
      from++;
    }
    int to = Math.max(from, indexAtOrBelow(hi));
    return slice(from, to);
  }

  /** The grid's prices from index {@code from} to {@code to}, both included and clamped. */
  public PriceGrid slice(int from, int to) {
    int a = Math.max(0, Math.min(from, prices.length - 1));
    int b = Math.max(a, Math.min(to, prices.length - 1));
    return new PriceGrid(Arrays.copyOfRange(prices, a, b + 1));
  }
}
