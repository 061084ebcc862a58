package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Developers with a true risk under a program of several risk classes (issue 18). */
class RiskClassesSimulationTest {
  private static final Path SCENARIOS = Path.of("..", "scenarios");

  private static Scenario scenario(String from, String to) throws Exception {
    String yaml = Files.readString(SCENARIOS.resolve("risk-classes.yaml"));
    assertThat(yaml).contains(from);
    return ScenarioLoader.parse("risk-classes.yaml", yaml.replace(from, to), SCENARIOS);
  }

  @Test
  void without_noise_each_developer_owes_the_multiplier_of_the_class_nearest_its_true_risk()
      throws Exception {
    SimulationResult r =
        Simulator.run(scenario("evaluationNoise: 0.1", "evaluationNoise: 0"), null, null);
    // Classes 1, 2, 3 with thresholds 0.25 and 0.75 on the score: r = 0.1 -> 1; 0.3, 0.5,
    // 0.7 -> 2; 0.9 -> 3.
    Map<String, Long> expected =
        Map.of(
            "r10",
            1_000_000L,
            "r30",
            2_000_000L,
            "r50",
            2_000_000L,
            "r70",
            2_000_000L,
            "r90",
            3_000_000L);
    assertThat(r.developerPeriods()).isNotEmpty();
    for (DeveloperPeriodRow row : r.developerPeriods()) {
      assertThat(row.multiplierPpm())
          .as(row.developer().name() + " period " + row.period())
          .isEqualTo(expected.get(row.developer().type()));
    }
    for (PeriodResult p : r.periods()) {
      assertThat(p.targeting().misclassifiedShare()).isZero();
      assertThat(p.complianceRate()).isEqualTo(1.0);
      // 20 developers, 3 classes, $1,000 per class.
      assertThat(p.targeting().evaluationCostCents()).isEqualTo(20 * 3 * 100_000.0);
    }
  }

  @Test
  void classes_of_any_name_with_an_insurer_run_on_the_engine_without_a_rejection()
      throws Exception {
    Scenario s =
        ScenarioLoader.withProgramValues(
            scenario("evaluationNoise: 0.1", "evaluationNoise: 0.2"),
            Map.of(
                "risk.classes",
                "[{signal: low, multiplierPpm: 1000000}, {signal: mid, multiplierPpm: 2000000},"
                    + " {signal: high, multiplierPpm: 3000000}]",
                "risk.unevaluatedSignal",
                "high",
                "insurance.premiums",
                "[{signal: low, centsPerUnit: 100}, {signal: mid, centsPerUnit: 300},"
                    + " {signal: high, centsPerUnit: 900}]"));
    // The simulator stops on the engine's first rejection: an evaluation or an insurer's
    // evaluation with a signal that is no class (such as P2's L or H) would end the run.
    SimulationResult r = Simulator.run(s, null, null);
    assertThat(r.periods()).hasSize(s.periods());
    long misclassified = 0;
    for (DeveloperPeriodRow row : r.developerPeriods()) {
      assertThat(row.multiplierPpm()).isIn(1_000_000L, 2_000_000L, 3_000_000L);
    }
    for (PeriodResult p : r.periods()) {
      misclassified += Math.round(p.targeting().misclassifiedShare() * 20);
    }
    assertThat(misclassified).as("noisy evaluations misclassify someone").isPositive();
  }

  @Test
  void a_true_risk_beside_the_two_signal_model_or_out_of_range_is_refused_by_field()
      throws Exception {
    assertThatThrownBy(
            () -> scenario("    trueRisk:\n      risk: 0.1", "    trueRisk:\n      risk: 1.5"))
        .hasMessageContaining("developers[0].trueRisk.risk")
        .hasMessageContaining("1.5");
    assertThatThrownBy(
            () ->
                scenario(
                    "    spread: 0.3\n    trueRisk:\n      risk: 0.1",
                    "    spread: 0.3\n    riskType: 0.2\n    trueRisk:\n      risk: 0.1"))
        .hasMessageContaining("developers[0].trueRisk")
        .hasMessageContaining("riskType");
  }
}
