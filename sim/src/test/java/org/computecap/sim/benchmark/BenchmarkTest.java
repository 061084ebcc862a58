package org.computecap.sim.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.Population;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

  @Test
  void the_theoretical_price_is_the_closed_form_in_cents() {
    // LOG developers: p = sum theta / Q = (2 + 6)/4 = 2 utility = 200 cents at 100 c/util.
    Population pop = Population.builder().addLog(2, 1).addLog(6, 1).build();
    Benchmark b = Benchmark.of(pop, 4.0, 100.0);
    assertThat(b.theoreticalPriceCents()).isCloseTo(200.0, within(1e-9));
    assertThat(b.competitiveCompute()).containsExactly(new double[] {1.0, 3.0}, within(1e-9));
    assertThat(b.baselineCompute()).isNaN();
    assertThat(b.plannerWelfare()).isGreaterThan(b.uniformWelfare());
  }

  @Test
  void the_baseline_of_p1_firms_is_their_no_cap_optimum() {
    // (k/a)^(1/(k+1)) with k = 1: 1/sqrt(0.01) + 1/sqrt(0.04) = 10 + 5.
    Population pop = Population.builder().addP1(1, 0.01, 2).addP1(1, 0.04, 3).build();
    Benchmark b = Benchmark.of(pop, 10.0, 1.0);
    assertThat(b.baselineCompute()).isCloseTo(15.0, within(1e-12));
    double used = 2 * b.competitiveCompute()[0] + 3 * b.competitiveCompute()[1];
    assertThat(used).isCloseTo(10.0, within(1e-6));
  }
}
