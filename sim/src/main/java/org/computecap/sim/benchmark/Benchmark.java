package org.computecap.sim.benchmark;

import org.computecap.economics.firm.P1Firm;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Planner;
import org.computecap.economics.market.PlannerSolution;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.UniformAllocation;
import org.computecap.economics.market.Welfare;

/**
 * The theory a simulated period is checked against, computed by the economics library on the same
 * developers (with the permit weights they planned with) and the same supply of permits: the
 * competitive price (P2 Eq. 6), the planner's welfare (Prop 5), the welfare of uniform
 * command-and-control (Prop 6) and the no-cap compute (P1 Sec 5). Prices are converted to cents
 * with the scenario's money scale.
 *
 * @param baselineCompute total no-cap compute; NaN when a developer's benefit has no finite no-cap
 *     optimum (POWER and LOG, whose marginal benefit never reaches zero)
 */
public record Benchmark(
    double theoreticalPriceCents,
    double[] competitiveCompute,
    double plannerWelfare,
    double uniformWelfare,
    double baselineCompute) {

  /** Benchmarks for {@code pop} (lambdaBar = permits per unit of compute) and Q permits. */
  public static Benchmark of(Population pop, double capPermits, double centsPerUtil) {
    Equilibrium eq = MarketClearing.solve(pop, capPermits);
    PlannerSolution planner = Planner.solve(pop, capPermits);
    double[] uniform = UniformAllocation.compute(pop, capPermits);
    return new Benchmark(
        eq.price() * centsPerUtil,
        eq.compute(),
        Welfare.total(pop, planner.compute()),
        Welfare.total(pop, uniform),
        baseline(pop));
  }

  /** Total no-cap compute, {@code sum (k/a)^(1/(k+1))}, or NaN (see the record comment). */
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
