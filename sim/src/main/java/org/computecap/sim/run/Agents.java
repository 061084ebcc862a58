package org.computecap.sim.run;

import java.util.List;
import org.computecap.economics.market.Population;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.Valuation;

/**
 * The agents' situation in one period: who is still in the program, what each expects a unit of
 * compute to cost in permits (intensity times expected risk multiplier) and the resulting
 * valuations. Built fresh each period because safety effort, and so the weights, respond to the
 * expected price.
 */
final class Agents {
  final List<Developer> developers;
  final boolean[] active;
  final double[] effort;
  final double[] weight;
  final Valuation[] valuation;

  Agents(
      List<Developer> developers,
      boolean[] active,
      double[] effort,
      double[] weight,
      double centsPerUtil) {
    this.developers = developers;
    this.active = active.clone();
    this.effort = effort;
    this.weight = weight;
    this.valuation = new Valuation[developers.size()];
    for (int i = 0; i < valuation.length; i++) {
      valuation[i] = new Valuation(developers.get(i), weight[i], centsPerUtil);
    }
  }

  int size() {
    return developers.size();
  }

  /** Active developers as an economics population, lambdaBar = permits per compute unit. */
  Population population() {
    Population.Builder b = Population.builder(size());
    for (int i = 0; i < size(); i++) {
      if (active[i]) {
        Developer d = developers.get(i);
        b.add(d.family(), d.theta(), d.beta(), d.k(), d.a(), weight[i]);
      }
    }
    return b.build();
  }

  /** Values of the active developers, in population order, from a per-developer array. */
  double[] activeValues(double[] all) {
    int n = 0;
    for (boolean a : active) {
      n += a ? 1 : 0;
    }
    double[] out = new double[n];
    int j = 0;
    for (int i = 0; i < size(); i++) {
      if (active[i]) {
        out[j++] = all[i];
      }
    }
    return out;
  }
}
