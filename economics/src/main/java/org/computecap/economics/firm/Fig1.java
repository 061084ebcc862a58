package org.computecap.economics.firm;

import java.util.ArrayList;
import java.util.List;

/**
 * The data behind P1 Fig. 1: optimal compute with and without the cap as the cost per FLOP a sweeps
 * a log grid over [1e-4, 1e-1], under a fixed permit price b = 0.01 and under a cost-scaled price b
 * = sqrt(a). Built from {@link P1Firm} only, so the figure is the closed form and nothing else.
 */
public final class Fig1 {

  /** The fixed permit price of the first Fig. 1 scenario. */
  public static final double B_FIXED = 1e-2;

  /** Lower end of the cost-per-FLOP grid. */
  public static final double A_MIN = 1e-4;

  /** Upper end of the cost-per-FLOP grid. */
  public static final double A_MAX = 1e-1;

  /** One grid point: the no-cap optimum and the capped optimum under both price rules. */
  public record Row(
      double a, double xNoCap, double bFixed, double xCapFixed, double bSqrt, double xCapSqrt) {}

  private Fig1() {}

  /**
   * Rows for {@code points} values of a, log-spaced, both ends included.
   *
   * @param k curvature of the performance term, > 0 (P1 uses 1)
   * @param points number of grid points, >= 2
   */
  public static List<Row> rows(double k, int points) {
    P1Firm.requirePositive("k", k);
    if (points < 2) {
      throw new IllegalArgumentException("points must be >= 2, was " + points);
    }
    double lo = Math.log10(A_MIN);
    double hi = Math.log10(A_MAX);
    List<Row> rows = new ArrayList<>(points);
    for (int j = 0; j < points; j++) {
      double a =
          j == points - 1
              ? A_MAX
              : j == 0 ? A_MIN : Math.pow(10.0, lo + (hi - lo) * j / (points - 1));
      double bSqrt = Math.sqrt(a);
      rows.add(
          new Row(
              a,
              P1Firm.noCapCompute(a, k),
              B_FIXED,
              P1Firm.capCompute(a, B_FIXED, k),
              bSqrt,
              P1Firm.capCompute(a, bSqrt, k)));
    }
    return List.copyOf(rows);
  }
}
