package org.computecap.economics.efficiency;

import org.computecap.economics.firm.P1Firm;

/**
 * P1's firm (utility {@code -c^(-k) - a·c} over compute c) that also uses energy {@code E(e)·c},
 * where {@code E(e) = energy0·(1 - e)} is its energy per unit compute after an efficiency effort e
 * bought at {@link EffortCost}. Whoever prices energy at p (a permit price or a tax) makes the
 * marginal cost of compute {@code a + p·E(e)}, so for a given effort the compute is P1's capped
 * optimum with {@code b = p·E(e)}.
 *
 * @param a cost per unit compute other than energy, finite and &gt; 0 (P1's a)
 * @param k curvature of the performance term, finite and &gt; 0 (P1's k)
 * @param energy0 energy per unit compute before any effort, finite and &gt;= 0
 * @param cost what effort costs per period
 */
public record EfficiencyFirm(double a, double k, double energy0, EffortCost cost) {

  /** Validates every field; a null cost is rejected by name. */
  public EfficiencyFirm {
    positive("a", a);
    positive("k", k);
    nonNegative("energy0", energy0);
    if (cost == null) {
      throw new IllegalArgumentException("cost must not be null");
    }
  }

  /** The same developer with another effort cost. */
  public EfficiencyFirm withCost(EffortCost newCost) {
    return new EfficiencyFirm(a, k, energy0, newCost);
  }

  /** Energy per unit compute after effort e in [0, 1): {@code energy0·(1 - e)}. */
  public double energyPerCompute(double e) {
    EffortCost.requireEffort(e);
    return energy0 * (1.0 - e);
  }

  /**
   * The compute that maximises utility at effort e when energy costs {@code energyPrice} (&gt;= 0):
   * {@code (k/(a + energyPrice·E(e)))^(1/(k+1))}.
   */
  public double compute(double e, double energyPrice) {
    nonNegative("energyPrice", energyPrice);
    return P1Firm.capCompute(a, energyPrice * energyPerCompute(e), k);
  }

  // The same compute at s = 1 - e; s may exceed 1 while a root finder brackets the optimum.
  double computeAtShare(double s, double energyPrice) {
    return P1Firm.capCompute(a, energyPrice * energy0 * s, k);
  }

  static double positive(String field, double value) {
    if (!(value > 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    if (!(value >= 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
    }
    return value;
  }
}
