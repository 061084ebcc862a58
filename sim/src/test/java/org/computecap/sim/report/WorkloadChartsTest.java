package org.computecap.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Issue 13: the report shows compute and energy by workload when developers run two. */
class WorkloadChartsTest {

  private static List<String> titles(String scenario) {
    SimulationResult r =
        Simulator.run(
            ScenarioLoader.load(Path.of("src", "test", "resources", "regimes", scenario + ".yaml")),
            null,
            null);
    return ReportFigures.periods(r).stream().map(c -> c.figure().title()).toList();
  }

  @Test
  void a_run_with_two_workloads_charts_compute_and_energy_by_workload() {
    assertThat(titles("two-workloads"))
        .containsSubsequence("Energy", "Compute by workload", "Energy by workload");
  }

  @Test
  void a_run_with_one_workload_has_no_workload_charts() {
    assertThat(titles("binding-cap")).doesNotContain("Compute by workload", "Energy by workload");
  }
}
