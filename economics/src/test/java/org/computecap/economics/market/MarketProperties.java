package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * P2 Eq. 6, Prop 5 and Prop 6 as properties over random heterogeneous populations: mixed families,
 * theta over 12 decades, caps from 1e-6 to 1e15. Each population is drawn from a seed jqwik
 * generates, so a failure reports the seed that rebuilds it.
 */
class MarketProperties {

  @Property(tries = 300)
  void market_clears_to_the_cap_within_1e_minus_9(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @DoubleRange(min = -6, max = 15) double log10Q) {
    Population pop = randomPopulation(seed, n);
    double capQ = Math.pow(10, log10Q);
    Equilibrium eq = MarketClearing.solve(pop, capQ);
    double used = riskWeighted(pop, eq.compute());
    if (eq.capBinding()) {
      assertThat(eq.price()).isPositive();
      assertThat(Math.abs(used - capQ) / capQ).isLessThanOrEqualTo(1e-9);
    } else {
      assertThat(eq.price()).isZero();
      assertThat(used).isLessThanOrEqualTo(capQ);
    }
  }

  @Property(tries = 200)
  void market_allocation_equals_the_planner_allocation(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int n,
      @ForAll @DoubleRange(min = -6, max = 15) double log10Q) {
    Population pop = randomPopulation(seed, n);
    double capQ = Math.pow(10, log10Q);
    Equilibrium eq = MarketClearing.solve(pop, capQ);
    PlannerSolution plan = Planner.solve(pop, capQ);
    assertThat(relativeGap(eq.price(), plan.shadowPrice())).isLessThanOrEqualTo(1e-6);
    for (int i = 0; i < n; i++) {
      double m = eq.compute()[i];
      double p = plan.compute()[i];
      assertThat(Math.abs(m - p)).isLessThanOrEqualTo(1e-6 * Math.max(m, p) + 1e-300);
    }
  }

  @Property(tries = 200)
  void permit_market_welfare_is_at_least_uniform_welfare(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int n,
      @ForAll @DoubleRange(min = -6, max = 15) double log10Q) {
    Population pop = randomPopulation(seed, n);
    double capQ = Math.pow(10, log10Q);
    double[] market = MarketClearing.solve(pop, capQ).compute();
    double[] uniform = UniformAllocation.compute(pop, capQ);
    assertThat(riskWeighted(pop, uniform)).isLessThanOrEqualTo(capQ * (1 + 1e-12));
    double permitWelfare = Welfare.total(pop, market);
    double uniformWelfare = Welfare.total(pop, uniform);
    double scale = absoluteBenefit(pop, market) + absoluteBenefit(pop, uniform);
    // The clearing is exact only to its stated guarantee: with one developer the two allocations
    // are the same and differ by the solver's residual alone (seed 4048498472182034293 gave
    // 3.3e-13 below against a 1e-12-relative bound, a false failure).
    assertThat(permitWelfare)
        .isGreaterThanOrEqualTo(uniformWelfare - MarketClearing.GUARANTEE * scale);
  }

  @Property(tries = 200)
  void homogeneous_population_makes_market_and_uniform_welfare_equal(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int n,
      @ForAll @DoubleRange(min = -6, max = 15) double log10Q) {
    Random random = new Random(seed);
    Population.Builder builder = Population.builder();
    byte family = (byte) random.nextInt(2);
    double theta = Math.pow(10, -6 + 12 * random.nextDouble());
    double beta = 0.05 + 0.9 * random.nextDouble();
    double lambda = 1 + 9 * random.nextDouble();
    for (int i = 0; i < n; i++) {
      builder.add(BenefitFamily.fromCode(family), theta, beta, 0, 0, lambda);
    }
    Population pop = builder.build();
    double capQ = Math.pow(10, log10Q);
    double[] market = MarketClearing.solve(pop, capQ).compute();
    double[] uniform = UniformAllocation.compute(pop, capQ);
    double permitWelfare = Welfare.total(pop, market);
    double uniformWelfare = Welfare.total(pop, uniform);
    double scale = absoluteBenefit(pop, market) + absoluteBenefit(pop, uniform);
    assertThat(Math.abs(permitWelfare - uniformWelfare)).isLessThanOrEqualTo(1e-9 * scale);
  }

  @Property(tries = 200)
  void closed_form_price_agrees_with_the_planner_for_a_shared_beta(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int n,
      @ForAll @DoubleRange(min = 0.02, max = 0.98) double beta,
      @ForAll @DoubleRange(min = -6, max = 15) double log10Q) {
    Random random = new Random(seed);
    Population.Builder builder = Population.builder();
    for (int i = 0; i < n; i++) {
      builder.addPower(
          Math.pow(10, -6 + 12 * random.nextDouble()), beta, 1 + 9 * random.nextDouble());
    }
    Population pop = builder.build();
    double capQ = Math.pow(10, log10Q);
    double closed = MarketClearing.closedFormPrice(pop, capQ).getAsDouble();
    assertThat(relativeGap(closed, Planner.solve(pop, capQ).shadowPrice()))
        .isLessThanOrEqualTo(1e-9);
  }

  @Property(tries = 300)
  void extreme_curvatures_still_clear_and_match_the_planner(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 50) int n,
      @ForAll @DoubleRange(min = -6, max = 15) double log10Q) {
    Random random = new Random(seed);
    Population.Builder builder = Population.builder();
    for (int i = 0; i < n; i++) {
      double theta = Math.pow(10, -6 + 12 * random.nextDouble());
      double lambda = random.nextBoolean() ? 1.0 : 1 + 99 * random.nextDouble();
      switch (random.nextInt(3)) {
        case 0 -> builder.addPower(theta, random.nextBoolean() ? 0.999 : 0.001, lambda);
        case 1 -> builder.addLog(theta, lambda);
        default -> builder.addP1(random.nextBoolean() ? 0.01 : 10, 0.0, lambda);
      }
    }
    Population pop = builder.build();
    double capQ = Math.pow(10, log10Q);
    Equilibrium eq = MarketClearing.solve(pop, capQ);
    assertThat(Math.abs(riskWeighted(pop, eq.compute()) - capQ) / capQ).isLessThanOrEqualTo(1e-9);
    PlannerSolution plan = Planner.solve(pop, capQ);
    for (int i = 0; i < n; i++) {
      double m = eq.compute()[i];
      double p = plan.compute()[i];
      assertThat(Math.abs(m - p)).isLessThanOrEqualTo(1e-6 * Math.max(m, p) + 1e-300);
    }
  }

  static Population randomPopulation(long seed, int n) {
    Random random = new Random(seed);
    Population.Builder builder = Population.builder();
    for (int i = 0; i < n; i++) {
      double lambda = 1 + 9 * random.nextDouble();
      double theta = Math.pow(10, -6 + 12 * random.nextDouble());
      switch (random.nextInt(3)) {
        case 0 -> builder.addPower(theta, 0.05 + 0.9 * random.nextDouble(), lambda);
        case 1 -> builder.addLog(theta, lambda);
        default ->
            builder.addP1(
                Math.pow(10, -1 + 2 * random.nextDouble()),
                random.nextInt(4) == 0 ? 0.0 : Math.pow(10, -4 + 4 * random.nextDouble()),
                lambda);
      }
    }
    return builder.build();
  }

  private static double riskWeighted(Population pop, double[] compute) {
    double sum = 0;
    for (int i = 0; i < compute.length; i++) {
      sum += pop.lambdaBar(i) * compute[i];
    }
    return sum;
  }

  private static double absoluteBenefit(Population pop, double[] compute) {
    double sum = 0;
    for (int i = 0; i < compute.length; i++) {
      sum +=
          Math.abs(pop.family(i).value(pop.theta(i), pop.beta(i), pop.k(i), pop.a(i), compute[i]));
    }
    return sum;
  }

  private static double relativeGap(double x, double y) {
    double scale = Math.max(Math.abs(x), Math.abs(y));
    return scale == 0 ? 0 : Math.abs(x - y) / scale;
  }
}
