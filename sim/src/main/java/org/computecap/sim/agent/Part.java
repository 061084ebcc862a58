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
}
