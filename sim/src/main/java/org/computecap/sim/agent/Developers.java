package org.computecap.sim.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Scope;
import org.computecap.engine.program.Workload;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.Strategy;
import org.computecap.sim.scenario.TrainingWorkload;

/**
 * Expands a scenario's developer types into individual agents. A type's strategy mix is split into
 * whole counts by largest remainder (ties in enum order), and its {@code spread} draws each
 * developer's benefit scale and intensity uniformly within +-spread of the type's value from a
 * generator seeded by the scenario seed, so the population is reproducible.
 */
public final class Developers {

  private Developers() {}

  /** The developers of {@code scenario}, in type order. */
  public static List<Developer> expand(Scenario scenario) {
    SplittableRandom random = new SplittableRandom(scenario.seed() ^ 0x5DEECE66DL);
    Scope scope = scenario.program().scope();
    List<Developer> out = new ArrayList<>();
    for (DeveloperType t : scenario.developers()) {
      Strategy[] strategies = strategies(t.strategyMix(), t.count());
      for (int j = 0; j < t.count(); j++) {
        double scale = jitter(random, t.spread());
        double intensityJitter = jitter(random, t.spread());
        double intensity = Math.max(1.0, t.permitsPerUnit() * intensityJitter);
        double energy = t.energyPerUnit() * intensity / t.permitsPerUnit();
        Part own =
            part(
                Workload.INFERENCE,
                t.benefit(),
                t.theta(),
                t.beta(),
                t.k(),
                t.a(),
                scale,
                intensity,
                energy);
        Part first = own;
        Part second = null;
        Workload workload = scenario.program().workload();
        boolean invests = t.efficiency() != null;
        TrainingWorkload tw = t.training();
        if (tw != null) {
          // Both workloads share the developer's draws: one scale for its benefits and one
          // jitter for its intensities, so adding a workload changes no other draw.
          double ti = Math.max(1.0, tw.permitsPerUnit() * intensityJitter);
          Part training =
              part(
                  Workload.TRAINING,
                  tw.benefit(),
                  tw.theta(),
                  tw.beta(),
                  tw.k(),
                  tw.a(),
                  scale,
                  ti,
                  tw.energyPerUnit() * ti / tw.permitsPerUnit());
          // The first workload is one the program covers; efficiency effort is on inference, so
          // a training-only program leaves it without a price to respond to: effort 0, the
          // economics' optimum at p = 0, so it is not simulated at all.
          first = scope == Scope.TRAINING ? training : own;
          second = scope == Scope.TRAINING ? own : training;
          workload = first.workload();
          invests &= scope != Scope.TRAINING;
        }
        String name = t.count() == 1 ? t.name() : t.name() + "-" + (j + 1);
        out.add(
            new Developer(
                out.size(),
                name,
                t.name(),
                t.sizeClass(),
                strategies[j],
                first.family(),
                first.theta(),
                first.beta(),
                first.k(),
                first.a(),
                first.permitsPerUnit(),
                first.energyPerUnit(),
                t.outputPerUnit(),
                t.history(),
                t.riskType(),
                t.effortCost(),
                t.manipulationCost(),
                t.relocationCost(),
                t.assistanceFactor(),
                invests
                    ? Investment.none(t.efficiency(), first.permitsPerUnit(), first.energyPerUnit())
                    : null,
                workload,
                second,
                second != null && scope == Scope.ALL,
                t.trueRisk()));
      }
    }
    return out;
  }

  // A workload of a developer: the benefit scaled by its draw (theta, or P1's a), unused
  // parameters 0.
  private static Part part(
      Workload w,
      BenefitFamily family,
      double theta,
      double beta,
      double k,
      double a,
      double scale,
      double intensity,
      double energy) {
    boolean p1 = family == BenefitFamily.P1;
    return new Part(
        w, family, p1 ? 0 : theta * scale, beta, k, p1 ? a * scale : 0, intensity, energy);
  }

  /** Whole counts per strategy by largest remainder, spread evenly over the type. */
  static Strategy[] strategies(Map<Strategy, Double> mix, int count) {
    double total = 0;
    for (double share : mix.values()) {
      total += share;
    }
    Strategy[] all = Strategy.values();
    int[] counts = new int[all.length];
    double[] remainder = new double[all.length];
    int assigned = 0;
    for (Strategy s : all) {
      double exact = mix.getOrDefault(s, 0.0) / total * count;
      counts[s.ordinal()] = (int) Math.floor(exact);
      remainder[s.ordinal()] = exact - Math.floor(exact);
      assigned += counts[s.ordinal()];
    }
    while (assigned < count) {
      int best = -1;
      for (int i = 0; i < all.length; i++) {
        if (mix.containsKey(all[i]) && (best < 0 || remainder[i] > remainder[best])) {
          best = i;
        }
      }
      counts[best]++;
      remainder[best] = -1;
      assigned++;
    }
    // Interleave so a type's first developers are not all of one strategy.
    Strategy[] out = new Strategy[count];
    int[] used = new int[all.length];
    for (int j = 0; j < count; j++) {
      int pick = -1;
      double lag = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < all.length; i++) {
        if (used[i] < counts[i]) {
          double behind = (double) counts[i] * (j + 1) / count - used[i];
          if (behind > lag) {
            lag = behind;
            pick = i;
          }
        }
      }
      out[j] = all[pick];
      used[pick]++;
    }
    return out;
  }

  private static double jitter(SplittableRandom random, double spread) {
    return spread == 0 ? 1.0 : 1.0 + spread * (2.0 * random.nextDouble() - 1.0);
  }
}
