package org.computecap.sim.run;

import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * What each developer actually runs in a period, decided after trading: the compute its permits
 * cover at its expected risk multiplier, plus (for a strategic developer that is not deterred) the
 * compute it means to leave unreported. {@code base} is the true covered quantity before the risk
 * multiplier (energy, or compute times intensity), what an audit measures.
 */
final class Usage {
  final double[] compute;
  final double[] base;
  final double[] plannedShortfall;

  private Usage(int n) {
    compute = new double[n];
    base = new double[n];
    plannedShortfall = new double[n];
  }

  static Usage of(
      Agents a, long[] holdings, long[] makeGood, ProgramTerms terms, double priceCents) {
    Usage u = new Usage(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (!a.active[i]) {
        continue;
      }
      Developer d = a.developers.get(i);
      double usable = Math.max(0.0, holdings[i] - makeGood[i]);
      double c = usable / a.weight[i];
      double evade =
          Decisions.shortfall(
              d.strategy(),
              Double.MAX_VALUE / 4,
              priceCents,
              terms.auditProbability(),
              terms.linearCentsPerPermit(),
              terms.quadraticCentsPerPermitSquared());
      if (evade > 0) {
        // An undeterred developer's marginal unreported permit costs only the expected
        // penalty rho·linear, so it never runs more than its demand at that price.
        double expectedPenalty = terms.auditProbability() * terms.linearCentsPerPermit();
        double cap = a.valuation[i].computeAt(expectedPenalty > 0 ? expectedPenalty : priceCents);
        c = Math.min((usable + evade) / a.weight[i], Math.max(cap, c));
      }
      c = Math.max(c, 1e-9);
      u.compute[i] = c;
      u.base[i] = c * d.permitsPerUnit();
      u.plannedShortfall[i] = Math.max(0.0, c * a.weight[i] - usable);
    }
    return u;
  }
}
