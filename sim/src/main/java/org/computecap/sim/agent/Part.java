package org.computecap.sim.agent;

import org.computecap.economics.firm.P1Firm;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Workload;

/**
 * One workload of a developer (issue 13): which it is, its benefit function of the compute it runs
 * (unused parameters of the family are 0), and its permits and energy per unit of compute.
 *
 * @param permitsPerUnit permits per unit of compute before the risk multiplier
 * @param energyPerUnit MWh per unit of compute
 */
public record Part(
    Workload workload,
    BenefitFamily family,
    double theta,
    double beta,
    double k,
    double a,
    double permitsPerUnit,
    double energyPerUnit) {

  /**
   * What the workload runs when no permit covers it: its no-cap optimum {@code (k/a)^(1/(k+1))} (P1
   * Sec 3); the scenario loader refuses an uncovered workload of another family.
   */
  public double noCapCompute() {
    if (family != BenefitFamily.P1) {
      throw new IllegalStateException(
          workload + " workload of family " + family + " has no no-cap optimum");
    }
    return P1Firm.noCapCompute(a, k);
  }

  /**
   * The same workload with its demand multiplied by {@code m} ({@code DemandShocks}): POWER theta
   * times m^(1-beta), LOG theta times m, P1 a divided by m^(k+1).
   */
  public Part scaled(double m) {
    double[] b = Part.scale(family, theta, beta, k, a, m);
    return new Part(workload, family, b[0], beta, k, b[1], permitsPerUnit, energyPerUnit);
  }

  /** {theta, a} of a benefit whose demand is multiplied by {@code m}. */
  static double[] scale(
      BenefitFamily family, double theta, double beta, double k, double a, double m) {
    return switch (family) {
      case POWER -> new double[] {theta * Math.pow(m, 1.0 - beta), a};
      case LOG -> new double[] {theta * m, a};
      case P1 -> new double[] {theta, a / Math.pow(m, k + 1.0)};
    };
  }
}
