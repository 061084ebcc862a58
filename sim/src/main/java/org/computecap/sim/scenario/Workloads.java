package org.computecap.sim.scenario;

import java.util.List;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Scope;

/**
 * What a program's scope makes of a population with two workloads (issue 13), checked before a run
 * so a combination the simulator cannot solve is refused naming its field, never simulated wrongly.
 * Refused: a workload left uncovered whose benefit is not P1 (an uncovered workload runs its no-cap
 * optimum, {@code (k/a)^(1/(k+1))}, finite only with P1's cost per unit; POWER and LOG would run
 * unbounded compute), and a STRATEGIC developer with both workloads covered (P2's evasion choice,
 * Eq. 1, is solved for one covered workload).
 */
final class Workloads {
  private Workloads() {}

  static void refuseUnsolvable(String source, Scope scope, List<DeveloperType> developers) {
    for (int i = 0; i < developers.size(); i++) {
      DeveloperType d = developers.get(i);
      TrainingWorkload t = d.training();
      if (t == null) {
        continue;
      }
      String at = source + ": developers[" + i + "] (" + d.name() + ")";
      if (scope == Scope.INFERENCE && t.benefit() != BenefitFamily.P1) {
        throw new IllegalArgumentException(
            at
                + ".training.benefit must be P1 when the program's scope is INFERENCE, was "
                + t.benefit()
                + ": an uncovered workload runs its no-cap optimum (k/a)^(1/(k+1)), which is"
                + " finite only with P1's cost per unit a");
      }
      if (scope == Scope.TRAINING && d.benefit() != BenefitFamily.P1) {
        throw new IllegalArgumentException(
            at
                + ".benefit (its inference workload) must be P1 when the program's scope is"
                + " TRAINING, was "
                + d.benefit()
                + ": an uncovered workload runs its no-cap optimum (k/a)^(1/(k+1)), which is"
                + " finite only with P1's cost per unit a");
      }
      if (scope == Scope.ALL && d.strategyMix().getOrDefault(Strategy.STRATEGIC, 0.0) > 0.0) {
        throw new IllegalArgumentException(
            at
                + ".strategy cannot include STRATEGIC when the program's scope is ALL and the"
                + " type has a training workload: both its workloads are covered, and P2's"
                + " evasion choice (Eq. 1) is solved for one covered workload; make it"
                + " PRICE_TAKING or ZI_C, or drop its training workload");
      }
    }
  }
}
