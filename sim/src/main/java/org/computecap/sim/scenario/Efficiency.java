package org.computecap.sim.scenario;

/**
 * A developer type's efficiency investment (issue 13; the economics is {@code
 * org.computecap.economics.efficiency}, docs/efficiency.md): each period the developer chooses a
 * durable effort e that cuts its energy per unit of compute to {@code E0·(1 - e)} at a cost of
 * {@code K(e) = (kappa·e^2 + phi·e)/(1 - e)} cents every period, where E0 is its energy per unit
 * before any effort.
 *
 * @param kappaCents scale of the quadratic part of the effort cost, cents per period, &gt;= 0
 * @param phiCents marginal cost of the first unit of effort, cents per period, &gt;= 0; kappa + phi
 *     &gt; 0
 * @param maxEffort the most effort the developer can reach (a technological limit), in [0, 1]; 1 is
 *     no limit (the cost alone keeps effort below 1), 0 turns investment off
 */
public record Efficiency(double kappaCents, double phiCents, double maxEffort) {

  /** Checks the invariant the loader enforces field by field. */
  public Efficiency {
    if (!(kappaCents >= 0 && phiCents >= 0 && kappaCents + phiCents > 0)) {
      throw new IllegalArgumentException(
          "kappa and phi must be >= 0 with kappa + phi > 0, were " + kappaCents + ", " + phiCents);
    }
    if (!(maxEffort >= 0 && maxEffort <= 1)) {
      throw new IllegalArgumentException("maxEffort must be in [0, 1], was " + maxEffort);
    }
  }
}
