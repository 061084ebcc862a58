package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic that makes MarketClearing fast: the short Taylor series that scale held demands
 * between passes, and a population large enough to start from a sample and take those scaled
 * passes, whose returned demands must still be the closed-form demands at the price.
 */
class MarketClearingPassesTest {

  @Test
  void taylor_exp_matches_math_exp_over_its_whole_range() {
    for (int j = -1000; j <= 1000; j++) {
      double x = j / 1000.0 / 8.0;
      double exact = Math.exp(x);
      assertThat(Math.abs(MarketClearing.expSmall(x) - exact))
          .isLessThanOrEqualTo(4 * Math.ulp(exact));
    }
  }

  @Test
  void taylor_log1p_matches_math_log1p_over_its_whole_range() {
    for (int j = -1000; j <= 1000; j++) {
      double z = j / 1000.0 / 16.0;
      double exact = Math.log1p(z);
      assertThat(Math.abs(MarketClearing.log1pSmall(z) - exact))
          .isLessThanOrEqualTo(4 * Math.ulp(exact) + Double.MIN_VALUE);
    }
  }

  @Test
  void a_sampled_start_and_scaled_passes_return_the_closed_form_demands() {
    int n = 50_000;
    Random random = new Random(11);
    Population.Builder builder = Population.builder(n);
    for (int i = 0; i < n; i++) {
      double lambda = 1 + random.nextDouble();
      switch (i % 3) {
        case 0 ->
            builder.addPower(1 + 9 * random.nextDouble(), 0.3 + 0.4 * random.nextDouble(), lambda);
        case 1 -> builder.addLog(1 + 9 * random.nextDouble(), lambda);
        default ->
            builder.addP1(
                0.5 + 1.5 * random.nextDouble(), 1e-4 + 0.1 * random.nextDouble(), lambda);
      }
    }
    Population pop = builder.build();
    double capQ = MarketClearing.aggregateDemand(pop, 3.7);
    Equilibrium eq = MarketClearing.solve(pop, capQ);
    assertThat(Math.abs(eq.price() - 3.7) / 3.7).isLessThanOrEqualTo(1e-9);
    for (int i = 0; i < n; i++) {
      double closedForm = Demand.compute(pop, i, eq.price());
      assertThat(Math.abs(eq.compute()[i] - closedForm))
          .as("developer %d", i)
          .isLessThanOrEqualTo(1e-12 * closedForm);
    }
  }
}
