package org.computecap.sim.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * What agents quote. A price-taking agent posts its whole schedule: at each grid price p it wants
 * to hold {@code target(p)} permits (its demand, less any shortfall it plans to evade), so it bids
 * for the units between its holdings and target(p) at p, or offers the units above target(p) at p.
 * Units worth more than the top of the grid are bid at the top, units worth less than the bottom
 * are offered at the bottom, so no unit is withheld. A zero-intelligence-constrained agent (Gode
 * and Sunder 1993) draws one price uniformly and never trades at a loss: a bid at most the value of
 * the lot it buys, an ask at least the value of the lot it gives up.
 */
public final class Quotes {

  private Quotes() {}

  /**
   * The schedule of an agent holding {@code holdings} free permits that wants to hold {@code
   * target.applyAsDouble(p)} permits at price p (non-increasing in p).
   */
  public static List<Quote> schedule(PriceGrid grid, long holdings, DoubleUnaryOperator target) {
    return schedule(grid, holdings, target, 1);
  }

  /**
   * The schedule with every cumulative quantity a whole number of lots of {@code lot} permits, so
   * that the exchange's lot size costs at most one lot per agent rather than one per order.
   */
  public static List<Quote> schedule(
      PriceGrid grid, long holdings, DoubleUnaryOperator target, long lot) {
    List<Quote> out = new ArrayList<>();
    int n = grid.size();
    long[] want = wants(grid, target);
    // Buys, from the top price down: cumulative bought at p is want(p) - holdings.
    long bought = 0;
    for (int j = n - 1; j >= 0; j--) {
      long cumulative = Math.max(0, want[j] - holdings) / lot * lot;
      cumulative = Math.max(cumulative, bought);
      if (cumulative > bought) {
        out.add(new Quote(true, grid.price(j), cumulative - bought));
        bought = cumulative;
      }
    }
    // Sells, from the bottom price up: cumulative sold at p is holdings - want(p).
    long sold = 0;
    for (int j = 0; j < n; j++) {
      long cumulative = Math.max(0, holdings - want[j]) / lot * lot;
      cumulative = Math.max(cumulative, sold);
      if (cumulative > sold) {
        out.add(new Quote(false, grid.price(j), cumulative - sold));
        sold = cumulative;
      }
    }
    return out;
  }

  /**
   * The whole permits wanted at each grid price, {@code floor(target(p))}. The target is
   * non-increasing in p, and so is every rounded value the floating-point arithmetic gives for it
   * (Java's pow, exp and log are semi-monotonic, and sums, products, quotients, min, max and floor
   * preserve the order), so where two grid prices want the same whole number every price between
   * them wants it too: the grid is split in halves only where the wanted quantity changes. A
   * developer whose demand barely moves over the grid (most small companies and academic labs of
   * the default scenario, whose P1 cost term dwarfs the permit price) costs two evaluations instead
   * of one per grid price, and the array is the same as evaluating every price.
   */
  static long[] wants(PriceGrid grid, DoubleUnaryOperator target) {
    int n = grid.size();
    long[] want = new long[n];
    want[0] = wantAt(grid, 0, target);
    if (n > 1) {
      want[n - 1] = wantAt(grid, n - 1, target);
      fill(grid, target, want, 0, n - 1);
    }
    return want;
  }

  // Fills want[lo+1 .. hi-1], want[lo] and want[hi] being known.
  private static void fill(
      PriceGrid grid, DoubleUnaryOperator target, long[] want, int lo, int hi) {
    while (hi - lo > 1) {
      if (want[lo] == want[hi]) {
        Arrays.fill(want, lo + 1, hi, want[lo]);
        return;
      }
      int mid = (lo + hi) >>> 1;
      want[mid] = wantAt(grid, mid, target);
      fill(grid, target, want, lo, mid);
      lo = mid;
    }
  }

  private static long wantAt(PriceGrid grid, int j, DoubleUnaryOperator target) {
    double t = target.applyAsDouble(grid.price(j));
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("target at " + grid.price(j) + " cents is NaN");
    }
    return Double.isFinite(t)
        ? (long) Math.floor(Math.max(0.0, Math.min(t, 4e18)))
        : Long.MAX_VALUE / 4;
  }

  /**
   * One zero-intelligence-constrained quote for a lot of {@code lot} permits, or null when the
   * agent has nothing it may sell and draws the sell side. The side is drawn with equal odds; bids
   * are uniform in [1, value of holdings+lot-th permit], asks uniform in [value of the
   * holdings-lot-th permit, ceiling].
   */
  public static Quote zeroIntelligence(
      SplittableRandom random, Valuation v, long holdings, long lot, long ceilingCents) {
    boolean buy = random.nextBoolean();
    if (buy) {
      long value = (long) Math.floor(Math.min(v.marginalValueCents(holdings + lot), ceilingCents));
      if (value < 1) {
        return null;
      }
      return new Quote(true, 1 + random.nextLong(value), lot);
    }
    long q = Math.min(lot, holdings);
    if (q < 1) {
      return null;
    }
    long cost = Math.max(1, (long) Math.ceil(v.marginalValueCents(holdings - q)));
    if (cost >= ceilingCents) {
      return null;
    }
    return new Quote(false, cost + random.nextLong(ceilingCents - cost + 1), q);
  }
}
