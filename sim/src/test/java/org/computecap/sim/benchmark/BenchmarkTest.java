package org.computecap.sim.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.Population;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

  @Test
  void the_baseline_of_p1_firms_is_their_no_cap_optimum() {
    // (k/a)^(1/(k+1)) with k = 1: 1/sqrt(0.01) + 1/sqrt(0.04) = 10 + 5.
    Population pop = Population.builder().addP1(1, 0.01, 2).addP1(1, 0.04, 3).build();
    assertThat(Benchmark.baseline(pop)).isCloseTo(15.0, within(1e-12));
  }

  @Test
  void power_and_log_developers_have_no_finite_baseline() {
    Population pop = Population.builder().addLog(2, 1).addP1(1, 0.01, 1).build();
    assertThat(Benchmark.baseline(pop)).isNaN();
  }
}
