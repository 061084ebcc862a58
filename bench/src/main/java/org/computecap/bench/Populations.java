package org.computecap.bench;

import java.util.SplittableRandom;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;

/**
 * Seeded mixed populations for the equilibrium benchmark: a third each of POWER (theta in [1, 10),
 * beta in [0.3, 0.7)), LOG (theta in [1, 10)) and P1 (k in [0.5, 2), a in [1e-4, 1e-1)) developers,
 * lambdaBar in [1, 2). Mixed on purpose: one shared beta or an all-LOG population has a closed
 * form, which would not exercise the solver.
 */
final class Populations {
  /** The price the benchmark caps are set to clear at; not 1, the solver's cold start. */
  static final double TARGET_PRICE = 3.7;

  private Populations() {}

  static Population mixed(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Population.Builder b = Population.builder(n);
    for (int i = 0; i < n; i++) {
      double lambda = 1.0 + random.nextDouble();
      switch (i % 3) {
        case 0 ->
            b.addPower(1.0 + 9.0 * random.nextDouble(), 0.3 + 0.4 * random.nextDouble(), lambda);
        case 1 -> b.addLog(1.0 + 9.0 * random.nextDouble(), lambda);
        default ->
            b.addP1(
                0.5 + 1.5 * random.nextDouble(),
                1e-4 + (1e-1 - 1e-4) * random.nextDouble(),
                lambda);
      }
    }
    return b.build();
  }

  /** The cap that clears at {@link #TARGET_PRICE}. */
  static double capFor(Population pop) {
    return MarketClearing.aggregateDemand(pop, TARGET_PRICE);
  }
}
