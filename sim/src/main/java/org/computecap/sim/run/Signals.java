package org.computecap.sim.run;

import java.util.SplittableRandom;
import org.computecap.engine.program.RiskSignal;
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

  /** Issue 18: the class of each developer's true risk and the class the evaluator recorded. */
  final int[] trueClass;

  final int[] ratedClass;
  final RiskClassTable classes;

  private Signals(int n, RiskClassTable classes) {
    trulyHigh = new boolean[n];
    manipulated = new boolean[n];
    trueClass = new int[n];
    ratedClass = new int[n];
    this.classes = classes;
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
    Signals s = new Signals(accounts.size(), RiskClassTable.of(terms));
    for (int i = 0; i < accounts.size(); i++) {
      if (!active[i]) {
        continue;
      }
      Developer d = accounts.developer(i);
      if (d.trueRisk() != null) {
        // Issue 18: a true risk scored with noise into one of the program's classes; no
        // effort, no manipulation (and no draw for the two-signal model).
        s.trueClass[i] = s.classes.trueClass(d);
        s.ratedClass[i] = s.classes.draw(d, random);
        continue;
      }
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
      s.trueClass[i] = s.trulyHigh[i] ? s.classes.top() : 0;
      s.ratedClass[i] = s.ratedHigh(i) ? s.classes.top() : 0;
    }
    return s;
  }

  /** The signal the regulator records for developer i. */
  RiskSignal ratedSignal(int i) {
    return classes.signals[ratedClass[i]];
  }

  /** Its multiplier in parts per million, as the engine computes the obligation. */
  long ratedMultiplierPpm(int i) {
    return classes.multiplierPpm[ratedClass[i]];
  }

  /** The same as a number (1 for L, alpha for H). */
  double ratedMultiplier(int i) {
    return classes.multipliers[ratedClass[i]];
  }

  /** The signal of developer i's true class, which the insurer records. */
  RiskSignal trueSignal(int i) {
    return classes.signals[trueClass[i]];
  }

  /** Whether the regulator's recorded rating of developer i is H. */
  boolean ratedHigh(int i) {
    return trulyHigh[i] && !manipulated[i];
  }
}
