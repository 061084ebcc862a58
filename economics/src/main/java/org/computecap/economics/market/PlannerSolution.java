package org.computecap.economics.market;

/**
 * The planner's optimum (P2 Prop 5): the shadow price mu of the cap and the compute allocation
 * maximising total benefit subject to {@code sum lambdaBar_i·c_i <= Q}. The array is handed over,
 * not copied; treat it as read-only.
 */
public record PlannerSolution(double shadowPrice, double[] compute) {

  /** Validates shadowPrice >= 0 and finite, compute present. */
  public PlannerSolution {
    if (!(shadowPrice >= 0.0) || Double.isInfinite(shadowPrice)) {
      throw new IllegalArgumentException("shadowPrice must be finite and >= 0, was " + shadowPrice);
    }
    if (compute == null) {
      throw new IllegalArgumentException("compute must not be null");
    }
  }
}
