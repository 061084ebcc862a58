package org.computecap.sim.run;

import java.util.List;
import java.util.SplittableRandom;
import org.computecap.economics.market.RiskClasses;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RiskSignal;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.TrueRisk;

/**
 * The program's risk classes as the agents use them (issue 18): class k's signal and multiplier,
 * lowest first. A developer with a {@link TrueRisk} is scored with noise and placed in a class by
 * {@link RiskClasses}; one of P2's two-signal model is in the lowest class, or the highest when it
 * is truly high-risk (L and H in P2's two-class program, so its signals, multipliers and random
 * draws are what they were before classes existed).
 */
final class RiskClassTable {
  final RiskSignal[] signals;
  final long[] multiplierPpm;
  final double[] multipliers;

  private RiskClassTable(List<Program.RiskClass> classes) {
    int n = classes.size();
    signals = new RiskSignal[n];
    multiplierPpm = new long[n];
    multipliers = new double[n];
    for (int k = 0; k < n; k++) {
      signals[k] = classes.get(k).signal();
      multiplierPpm[k] = classes.get(k).multiplierPpm();
      multipliers[k] = multiplierPpm[k] / 1e6;
    }
  }

  static RiskClassTable of(ProgramTerms terms) {
    return new RiskClassTable(terms.program().risk().classes());
  }

  /** The highest class (H in the two-class program). */
  int top() {
    return signals.length - 1;
  }

  /**
   * The multiplier developer d expects at safety effort e: {@code RiskClasses.expectedMultiplier}
   * for a true risk, P2's {@code 1 + (alpha-1)·riskType·(1-e)} otherwise.
   */
  double expected(Developer d, double alpha, double effort) {
    TrueRisk t = d.trueRisk();
    if (t == null) {
      return Decisions.expectedMultiplier(alpha, d.riskType(), effort);
    }
    return RiskClasses.expectedMultiplier(multipliers, t.risk(), t.evaluationNoise());
  }

  /** The class of d's true risk without noise (needs a true risk). */
  int trueClass(Developer d) {
    return RiskClasses.classOf(multipliers, d.trueRisk().risk());
  }

  /** The evaluator's class for d: its score with noise (no draw when the noise is 0). */
  int draw(Developer d, SplittableRandom random) {
    TrueRisk t = d.trueRisk();
    double score = t.risk();
    if (t.evaluationNoise() > 0) {
      score += t.evaluationNoise() * random.nextGaussian();
    }
    return RiskClasses.classOf(multipliers, score);
  }

  /** {@code mu(r)}, the multiplier a planner who saw d's true risk would charge. */
  double trueMultiplier(Developer d) {
    return RiskClasses.trueMultiplier(multipliers, d.trueRisk().risk());
  }
}
