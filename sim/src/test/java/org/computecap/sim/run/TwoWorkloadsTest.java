package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.firm.P1Firm;
import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.Part;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: two workloads per developer, and programs that cap inference only, training only, or
 * both, the workload read from the parsed program. Before, a developer had one workload whose kind
 * came from the program's text, and a `training` workload was refused as an unknown field.
 */
class TwoWorkloadsTest {

  static SimulationResult run(String scope, long cap) {
    String yaml =
        RegimesTest.text("two-workloads")
            .replace("scope: INFERENCE", "scope: " + scope)
            .replace("startPermits: 40000", "startPermits: " + cap);
    return RegimesTest.run("two-workloads-" + scope, yaml);
  }

  @Test
  void an_uncovered_workload_runs_its_no_cap_optimum_every_period() {
    for (String scope : new String[] {"INFERENCE", "TRAINING"}) {
      SimulationResult r = run(scope, scope.equals("INFERENCE") ? 40000 : 60000);
      Workload uncovered = scope.equals("INFERENCE") ? Workload.TRAINING : Workload.INFERENCE;
      for (DeveloperPeriodRow x : r.developerPeriods()) {
        Developer d = x.developer();
        Part other = d.second();
        assertThat(d.workload()).isNotEqualTo(uncovered);
        assertThat(other.workload()).isEqualTo(uncovered);
        assertThat(d.secondCovered()).isFalse();
        assertThat(x.computeOf(uncovered))
            .isEqualTo(P1Firm.noCapCompute(other.a(), other.k()))
            .isGreaterThan(0);
      }
    }
  }

  @Test
  void each_scope_clears_at_the_economics_price_for_the_workloads_it_covers() {
    String[] scopes = {"INFERENCE", "TRAINING", "ALL"};
    long[] caps = {40000, 60000, 100000};
    for (int s = 0; s < scopes.length; s++) {
      SimulationResult r = run(scopes[s], caps[s]);
      for (PeriodResult p : r.periods()) {
        RegimesTest.print("two-workloads " + scopes[s], p, "");
        assertThat(p.clearingPrice())
            .isCloseTo(p.theoreticalPrice(), within(0.01 * p.theoreticalPrice()));
        assertThat(p.totalCompute())
            .isCloseTo(p.competitiveCompute(), within(0.01 * p.competitiveCompute()));
        // The covered energy is what the cap allows: within rounding of whole permits.
        assertThat(p.totalEnergy() * 100).isLessThanOrEqualTo(p.capPermits() * 1.0001);
        assertThat(p.totalEnergy() * 100).isGreaterThan(p.capPermits() * 0.99);
      }
    }
  }

  // A composite developer holds one stock of permits for two demands: its split is optimal when
  // the last permit is worth the same in both, which for P1 (k = 1) reads c_j = (a_j + w_j·p)^-1/2
  // at one price p for both workloads.
  @Test
  void capping_both_workloads_splits_each_developers_permits_at_equal_marginal_value() {
    SimulationResult r = run("ALL", 100000);
    double cpu = 1.0e7;
    for (DeveloperPeriodRow x : r.developerPeriods()) {
      Developer d = x.developer();
      assertThat(d.composite()).isTrue();
      double ci = x.computeOf(Workload.INFERENCE);
      double ct = x.computeOf(Workload.TRAINING);
      double lambda = x.weight() / d.permitsPerUnit();
      double pi = (1 / (ci * ci) - d.a()) / (lambda * d.permitsPerUnit()) * cpu;
      double pt = (1 / (ct * ct) - d.second().a()) / (lambda * d.second().permitsPerUnit()) * cpu;
      assertThat(pt).isCloseTo(pi, within(0.01 * pi));
      // One report per covered workload, adding up to the covered quantity used.
      assertThat(x.reported()).isEqualTo(x.base());
      assertThat(x.base())
          .isCloseTo(
              Math.round(ci * d.permitsPerUnit() + ct * d.second().permitsPerUnit()), within(2L));
    }
    PeriodResult first = r.periods().get(0);
    WorkloadTotals w = first.workloads();
    assertThat(w.inferenceCompute() + w.trainingCompute())
        .isCloseTo(first.totalCompute(), within(1e-9 * first.totalCompute()));
    assertThat(w.energy()).isCloseTo(first.totalEnergy(), within(1e-9 * first.totalEnergy()));
  }

  @Test
  void a_training_only_cap_leaves_inference_energy_uncapped_and_inference_only_the_reverse() {
    PeriodResult inference = run("INFERENCE", 40000).periods().get(0);
    PeriodResult training = run("TRAINING", 60000).periods().get(0);
    // Covered energy is the capped workload's; the other runs its no-cap optimum.
    assertThat(inference.workloads().inferenceEnergy())
        .isCloseTo(inference.totalEnergy(), within(1e-9 * inference.totalEnergy()));
    assertThat(training.workloads().trainingEnergy())
        .isCloseTo(training.totalEnergy(), within(1e-9 * training.totalEnergy()));
    assertThat(training.workloads().inferenceEnergy())
        .isGreaterThan(inference.workloads().inferenceEnergy());
    assertThat(inference.workloads().trainingEnergy())
        .isGreaterThan(training.workloads().trainingEnergy());
  }

  @Test
  void an_uncovered_workload_without_a_finite_no_cap_optimum_is_refused_naming_the_field() {
    String power =
        RegimesTest.text("two-workloads")
            .replace(
                "training: {benefit: P1, k: 1, a: 4.0e-2,",
                "training: {benefit: POWER, theta: 1, beta: 0.5,");
    assertThatThrownBy(() -> ScenarioLoader.parse("p.yaml", power, RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("developers[0] (firm).training.benefit must be P1")
        .hasMessageContaining("scope is INFERENCE");
    // The same population is fine when the program covers training too.
    assertThat(
            ScenarioLoader.parse(
                    "p.yaml", power.replace("scope: INFERENCE", "scope: ALL"), RegimesTest.REGIMES)
                .developers())
        .hasSize(1);
  }

  @Test
  void a_strategic_developer_with_both_workloads_covered_is_refused_naming_the_field() {
    String yaml =
        RegimesTest.text("two-workloads")
            .replace("scope: INFERENCE", "scope: ALL")
            .replace(
                "    count: 30\n",
                "    count: 30\n    strategy: {PRICE_TAKING: 0.5, STRATEGIC: 0.5}\n");
    assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", yaml, RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("developers[0] (firm).strategy cannot include STRATEGIC");
  }

  @Test
  void a_training_workload_with_a_bad_field_is_refused_naming_its_path() {
    String yaml =
        RegimesTest.text("two-workloads").replace("permitsPerUnit: 600", "permitsPerUnit: 0.5");
    assertThatThrownBy(() -> ScenarioLoader.parse("b.yaml", yaml, RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training.permitsPerUnit");
    String unknown =
        RegimesTest.text("two-workloads").replace("energyPerUnit: 6}", "energyPerUnit: 6, x: 1}");
    assertThatThrownBy(() -> ScenarioLoader.parse("u.yaml", unknown, RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training.x");
  }
}
