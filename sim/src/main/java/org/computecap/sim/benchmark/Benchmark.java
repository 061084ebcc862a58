package org.computecap.sim.benchmark;

import org.computecap.economics.firm.P1Firm;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Population;

/**
 * The no-cap baseline a period's compute is compared with (P1 Sec 5: {@code x*_cap < x*_nocap}).
 * The rest of a period's theory (equilibrium prices, the planner, uniform command-and-control) is
 * computed where the period is measured, {@code run.Measures}, from the economics library.
 */
public final class Benchmark {

  private Benchmark() {}

  /**
   * Total no-cap compute, {@code sum (k/a)^(1/(k+1))}; NaN when a developer's benefit has no finite
   * no-cap optimum (POWER and LOG, whose marginal benefit never reaches zero).
   */
  public static double baseline(Population pop) {
    double sum = 0;
    for (int i = 0; i < pop.size(); i++) {
      if (pop.family(i) != BenefitFamily.P1 || !(pop.a(i) > 0)) {
        return Double.NaN;
      }
      sum += P1Firm.noCapCompute(pop.a(i), pop.k(i));
    }
    return sum;
  }
}
