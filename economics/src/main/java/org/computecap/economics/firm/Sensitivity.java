package org.computecap.economics.firm;

import java.util.ArrayList;
import java.util.List;

/**
 * The P1 ablation on the permit price b: how capped compute and the reduction ratio move as b
 * sweeps a log grid. It shows both ends the paper names: b -> 0 makes the cap toothless (x_cap ->
 * x_nocap) and a large b cuts compute hard.
 */
public final class Sensitivity {

  /** One price point: the capped optimum and its reduction against the no-cap optimum. */
  public record Row(double b, double xCap, double reductionRatio) {}

  private Sensitivity() {}

  /**
   * Rows for {@code points} prices log-spaced over [bMin, bMax], both ends included.
   *
   * @param a cost per FLOP, > 0
   * @param k curvature, > 0
   * @param bMin lowest price, > 0 (a log grid cannot start at 0)
   * @param bMax highest price, >= bMin
   * @param points number of prices, >= 2, or 1 when bMin == bMax
   */
  public static List<Row> rows(double a, double k, double bMin, double bMax, int points) {
    P1Firm.requirePositive("a", a);
    P1Firm.requirePositive("k", k);
    P1Firm.requirePositive("bMin", bMin);
    P1Firm.requirePositive("bMax", bMax);
    if (bMax < bMin) {
      throw new IllegalArgumentException("bMax must be >= bMin (" + bMin + "), was " + bMax);
    }
    if (points < 1 || (points == 1 && bMin != bMax)) {
      throw new IllegalArgumentException(
          "points must be >= 2 (or 1 when bMin == bMax), was " + points);
    }
    List<Row> rows = new ArrayList<>(points);
    double lo = Math.log(bMin);
    double hi = Math.log(bMax);
    for (int j = 0; j < points; j++) {
      double b =
          j == 0 ? bMin : j == points - 1 ? bMax : Math.exp(lo + (hi - lo) * j / (points - 1));
      rows.add(new Row(b, P1Firm.capCompute(a, b, k), P1Firm.reductionRatio(a, b, k)));
    }
    return List.copyOf(rows);
  }
}
