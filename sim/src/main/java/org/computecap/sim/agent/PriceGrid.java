package org.computecap.sim.agent;

import java.util.Arrays;

/**
 * The prices (whole cents, ascending, distinct) on which price-taking agents post their demand and
 * supply schedules: geometric with ratio {@code 1 + step} around the expected price, over
 * [expected/band, expected·band]. With every agent on one grid, a uniform-price auction clears at a
 * grid price next to the competitive one, so the grid step bounds the price error.
 */
public final class PriceGrid {
  private final long[] prices;

  private PriceGrid(long[] prices) {
    this.prices = prices;
  }

  /**
   * A grid around {@code expectedCents} (&gt; 0): steps of {@code stepPpm} within +-{@code finePpm}
   * of it, then steps that double in size out to [expected/band, expected·band]. Quotes are dense
   * where the price is expected to land and sparse where it is not, which keeps an agent's schedule
   * to a few hundred orders.
   */
  public static PriceGrid around(double expectedCents, double band, long stepPpm, long finePpm) {
    return around(expectedCents, band, stepPpm, finePpm, 1);
  }

  /** The same grid with every price a multiple of the exchange's tick {@code tickCents}. */
  public static PriceGrid around(
      double expectedCents, double band, long stepPpm, long finePpm, long tickCents) {
    if (tickCents < 1) {
      throw new IllegalArgumentException("tickCents must be >= 1, was " + tickCents);
    }
    if (!(expectedCents > 0) || !Double.isFinite(expectedCents)) {
      throw new IllegalArgumentException(
          "expectedCents must be finite and > 0, was " + expectedCents);
    }
    double step = stepPpm / 1e6;
    double fine = Math.max(finePpm / 1e6, step);
    double lo = Math.max(1.0, expectedCents / band);
    double hi = Math.min(1e9, Math.max(expectedCents * band, lo + 1));
    java.util.TreeSet<Long> prices = new java.util.TreeSet<>();
    prices.add(Math.round(lo));
    prices.add(Math.round(hi));
    double up = 1.0;
    double grow = step;
    while (expectedCents * up < hi) {
      prices.add(Math.round(expectedCents * up));
      prices.add(Math.round(expectedCents / up));
      up *= 1.0 + grow;
      if (up - 1.0 > fine) {
        grow *= 2.0;
      }
    }
    long[] out = new long[prices.size()];
    int size = 0;
    for (long raw : prices) {
      long p = Math.max(tickCents, Math.round((double) raw / tickCents) * tickCents);
      boolean inside = raw >= Math.round(lo) && raw <= Math.round(hi) && p <= 1_000_000_000L;
      if (inside && (size == 0 || p > out[size - 1])) {
        out[size++] = p;
      }
    }
    return new PriceGrid(Arrays.copyOf(out, size));
  }

  /** A uniform geometric grid (no coarse tail). */
  public static PriceGrid around(double expectedCents, double band, long stepPpm) {
    return around(expectedCents, band, stepPpm, 1_000_000_000L);
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
}
