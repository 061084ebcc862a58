package org.computecap.sim.scenario;

/**
 * A developer type's efficiency investment (issue 13; the economics is {@code
 * org.computecap.economics.efficiency}, docs/efficiency.md): each period the developer chooses a
 * durable effort e that cuts its energy per unit of compute to {@code E0·(1 - e)} at a cost of
 * {@code K(e) = (kappa·e^2 + phi·e)/(1 - e)} cents every period, where E0 is its energy per unit
 * before any effort. An optional exogenous technology trend lowers E0 itself by a fixed share every
 * period, investment or not: in the program's t-th period (t = 1 the first) energy per unit is
 * {@code E0·(1 - trend)^(t-1)·(1 - e)}.
 *
 * @param kappaCents scale of the quadratic part of the effort cost, cents per period, &gt;= 0
 * @param phiCents marginal cost of the first unit of effort, cents per period, &gt;= 0; kappa + phi
 *     &gt; 0
 * @param maxEffort the most effort the developer can reach (a technological limit), in [0, 1]; 1 is
 *     no limit (the cost alone keeps effort below 1), 0 turns investment off
 * @param trendPpm the share by which E0 falls each period whatever the developer does, in parts per
 *     million, in [0, 1000000); 0 is no trend
 */
public record Efficiency(double kappaCents, double phiCents, double maxEffort, long trendPpm) {

  /** Without a technology trend. */
  public Efficiency(double kappaCents, double phiCents, double maxEffort) {
    this(kappaCents, phiCents, maxEffort, 0);
  }

  /** Checks the invariant the loader enforces field by field. */
  public Efficiency {
    if (!(kappaCents >= 0 && phiCents >= 0 && kappaCents + phiCents > 0)) {
      throw new IllegalArgumentException(
          "kappa and phi must be >= 0 with kappa + phi > 0, were " + kappaCents + ", " + phiCents);
    }
    if (!(maxEffort >= 0 && maxEffort <= 1)) {
      throw new IllegalArgumentException("maxEffort must be in [0, 1], was " + maxEffort);
    }
    if (trendPpm < 0 || trendPpm >= 1_000_000) {
      throw new IllegalArgumentException("trendPpm must be in [0, 1000000), was " + trendPpm);
    }
  }

  /**
   * What the trend leaves of E0 after {@code steps} periods, {@code (1 - trend)^steps}; exactly 1
   * without a trend, so a run without one is the run before trends existed.
   */
  public double trendFactor(int steps) {
    return trendPpm == 0 ? 1.0 : Math.pow(1.0 - trendPpm / 1e6, steps);
  }
}
