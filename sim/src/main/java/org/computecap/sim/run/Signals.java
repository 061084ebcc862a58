package org.computecap.sim.run;

import java.util.SplittableRandom;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * The period's evaluation signals: each active developer is truly high-risk with probability {@code
 * riskType·(1-e)}, and one rated high pays to be rated low when P2 Prop 9 says it pays at the
 * expected price. Drawn before trading (pre-deployment evaluations) or after usage (P2's timing),
 * from the simulation's one seeded generator.
 */
final class Signals {
  final boolean[] trulyHigh;
  final boolean[] manipulated;

  private Signals(int n) {
    trulyHigh = new boolean[n];
    manipulated = new boolean[n];
  }

  /**
   * Draws the signals of the active developers; {@code basePermits[i]} is the covered quantity
   * developer i expects to report (what manipulation would save permits on).
   */
  static Signals draw(
      Accounts accounts,
      boolean[] active,
      double[] effort,
      double[] basePermits,
      ProgramTerms terms,
      double expectedCents,
      SplittableRandom random) {
    Signals s = new Signals(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      if (!active[i]) {
        continue;
      }
      Developer d = accounts.developer(i);
      s.trulyHigh[i] = random.nextDouble() < d.riskType() * (1.0 - effort[i]);
      s.manipulated[i] =
          s.trulyHigh[i]
              && Decisions.manipulates(
                  d.manipulationCost(),
                  expectedCents,
                  terms.alpha(),
                  basePermits[i],
                  terms.insured(),
                  terms.premiumDelta());
    }
    return s;
  }

  /** Whether the regulator's recorded rating of developer i is H. */
  boolean ratedHigh(int i) {
    return trulyHigh[i] && !manipulated[i];
  }
}
