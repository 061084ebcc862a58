package org.computecap.sim.run;

import java.util.SplittableRandom;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * Evaluation signals drawn before trading (pre-deployment evaluations): each active developer is
 * truly high-risk with probability {@code riskType·(1-e)}, and one rated high pays to be rated low
 * when P2 Prop 9 says it pays at the expected price.
 */
final class Signals {
  final boolean[] trulyHigh;
  final boolean[] manipulated;
  final double[] effort;

  private Signals(int n) {
    trulyHigh = new boolean[n];
    manipulated = new boolean[n];
    effort = new double[n];
  }

  static Signals draw(Agents a, ProgramTerms terms, double expectedCents, SplittableRandom random) {
    Signals s = new Signals(a.size());
    for (int i = 0; i < a.size(); i++) {
      s.effort[i] = a.effort[i];
      if (!a.active[i]) {
        continue;
      }
      Developer d = a.developers.get(i);
      s.trulyHigh[i] = random.nextDouble() < d.riskType() * (1.0 - a.effort[i]);
      double base = d.permitsPerUnit() * a.valuation[i].computeAt(expectedCents);
      s.manipulated[i] =
          s.trulyHigh[i]
              && Decisions.manipulates(
                  d.manipulationCost(),
                  expectedCents,
                  terms.alpha(),
                  base,
                  terms.insured(),
                  terms.premiumDelta());
    }
    return s;
  }

  /** Whether the regulator's recorded rating is H. */
  boolean ratedHigh(int i) {
    return trulyHigh[i] && !manipulated[i];
  }
}
