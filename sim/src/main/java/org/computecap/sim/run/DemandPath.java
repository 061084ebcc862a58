package org.computecap.sim.run;

import java.util.List;
import java.util.SplittableRandom;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.DemandShocks;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.Scenario;

/**
 * Each developer type's demand multiplier over the periods ({@link DemandShocks}): 1 in the first
 * period, then a seeded random walk in logs. It draws from its own generator, seeded from the
 * scenario's seed, so a scenario whose demand never moves draws nothing and runs exactly as before,
 * and the same seed always gives the same path.
 */
final class DemandPath {
  private final DemandShocks shocks;
  private final SplittableRandom random;
  private final double[] logMultiplier;
  private final int[] typeOf;

  DemandPath(Scenario scenario, List<Developer> developers) {
    this.shocks = scenario.demand();
    this.random = new SplittableRandom(scenario.seed() ^ 0x6A09E667F3BCC909L);
    List<DeveloperType> types = scenario.developers();
    this.logMultiplier = new double[types.size()];
    this.typeOf = new int[developers.size()];
    int j = 0;
    for (int t = 0; t < types.size(); t++) {
      for (int c = 0; c < types.get(t).count(); c++) {
        typeOf[j++] = t;
      }
    }
  }

  /**
   * Moves every type's multiplier one period on and each developer's benefit with it (the ratio of
   * its type's new multiplier to the old); nothing when demand never moves.
   */
  void advance(Accounts accounts) {
    if (!shocks.moves()) {
      return;
    }
    double sigma = shocks.sigma();
    double rho = shocks.correlation();
    double common = random.nextGaussian();
    double trend = Math.log1p(shocks.growthPpm() / 1e6);
    double[] step = new double[logMultiplier.length];
    for (int t = 0; t < step.length; t++) {
      double z = Math.sqrt(rho) * common + Math.sqrt(1.0 - rho) * random.nextGaussian();
      step[t] = trend + sigma * z - 0.5 * sigma * sigma;
      logMultiplier[t] += step[t];
    }
    for (int i = 0; i < accounts.size(); i++) {
      accounts.replace(i, accounts.developer(i).withDemandScale(Math.exp(step[typeOf[i]])));
    }
  }

  /** The mean of the types' multipliers this period (1 while demand has not moved). */
  double meanMultiplier() {
    double sum = 0;
    for (double m : logMultiplier) {
      sum += Math.exp(m);
    }
    return sum / logMultiplier.length;
  }

  /** Type t's multiplier this period. */
  double multiplier(int t) {
    return Math.exp(logMultiplier[t]);
  }
}
