package org.computecap.sim.agent;

import org.computecap.economics.insurance.ManipulationIncentive;
import org.computecap.economics.insurance.SafetyEffort;

/**
 * The agents' side decisions, each a pure function of the economics library's result for it, so
 * that what the simulation shows is exactly what the papers predict for one agent: evaluation
 * manipulation (P2 Prop 9), safety effort (SPEC §8 extension) and relocation ("AI leakage", P1 Sec
 * 5). Compute, trading and evasion are the developer's {@link Plan}.
 */
public final class Decisions {

  private Decisions() {}

  /**
   * Whether a developer whose true evaluation is high-risk pays gamma to be rated low: iff gamma is
   * below P2 Prop 9's threshold, with the insurer's premium gap delta when insured.
   *
   * @param basePermits permits owed before the multiplier (compute times intensity)
   */
  public static boolean manipulates(
      double gammaCents,
      double priceCents,
      double alpha,
      double basePermits,
      boolean insured,
      double deltaCents) {
    if (!Double.isFinite(gammaCents)) {
      return false;
    }
    double threshold =
        insured
            ? ManipulationIncentive.thresholdWith(priceCents, alpha, basePermits, deltaCents)
            : ManipulationIncentive.thresholdWithout(priceCents, alpha, basePermits);
    return ManipulationIncentive.pays(gammaCents, threshold);
  }

  /** Safety effort e* in [0, 1] (0 when effort has no cost scale or there is no risk). */
  public static double effort(
      double priceCents, double alpha, double riskType, double basePermits, double kappaCents) {
    if (!(kappaCents > 0) || riskType == 0.0) {
      return 0.0;
    }
    return SafetyEffort.optimal(priceCents, alpha, riskType, basePermits, kappaCents);
  }

  /** Expected permits per unit of base quantity: {@code 1 + (alpha-1)·riskType·(1-e)}. */
  public static double expectedMultiplier(double alpha, double riskType, double effort) {
    return org.computecap.economics.market.RiskMultiplier.expected(alpha, riskType, effort);
  }

  /**
   * Whether a developer relocates out of the program's jurisdiction: iff what compliance costs it a
   * period (permits it must buy beyond its free allocation, premiums) exceeds its relocation cost.
   */
  public static boolean relocates(double complianceCostCents, double relocationCostCents) {
    return Double.isFinite(relocationCostCents) && complianceCostCents > relocationCostCents;
  }
}
