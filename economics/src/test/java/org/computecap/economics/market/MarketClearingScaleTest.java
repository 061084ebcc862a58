package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Clearing a market of 10^6 mixed developers: checks the residual at that size (where naive
 * summation alone would lose digits) and prints the solve time for the record. Timings are printed,
 * never asserted; JMH benchmarks own performance claims.
 */
class MarketClearingScaleTest {

  @Test
  void a_million_mixed_developers_clear_to_the_cap() {
    int n = 1_000_000;
    Random random = new Random(20261122L);
    Population.Builder builder = Population.builder(n);
    for (int i = 0; i < n; i++) {
      double lambda = 1 + 9 * random.nextDouble();
      double theta = Math.pow(10, -6 + 12 * random.nextDouble());
      switch (random.nextInt(3)) {
        case 0 -> builder.addPower(theta, 0.05 + 0.9 * random.nextDouble(), lambda);
        case 1 -> builder.addLog(theta, lambda);
        default -> builder.addP1(1 + random.nextDouble(), 1e-3 * random.nextDouble(), lambda);
      }
    }
    Population pop = builder.build();
    double capQ = 1e12;
    long start = System.nanoTime();
    Equilibrium eq = MarketClearing.solve(pop, capQ);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "MarketClearing.solve: " + n + " developers in " + elapsedMs + " ms, price " + eq.price());
    double used = 0;
    for (int i = 0; i < n; i++) {
      used += pop.lambdaBar(i) * eq.compute()[i];
    }
    assertThat(eq.capBinding()).isTrue();
    assertThat(Math.abs(used - capQ) / capQ).isLessThanOrEqualTo(1e-9);
  }
}
