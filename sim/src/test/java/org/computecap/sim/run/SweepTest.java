package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.report.SweepOutputs;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

  @Test
  void every_cell_runs_its_own_program_values_and_comes_back_in_grid_order(@TempDir Path dir)
      throws Exception {
    Scenario base = ScenarioLoader.load(Path.of("..", "scenarios", "p2-deterrence.yaml"));
    long[] rho = {100_000, 200_000, 300_000};
    long[] linear = {40_000, 60_000};
    // A stand-in runner reporting evasion = 1 when rho·linear < $100, as P2 Cor 3 says.
    List<Sweep.Cell> cells =
        Sweep.run(
            base,
            "audit.probabilityPpm",
            rho,
            "penalty.linearCentsPerPermit",
            linear,
            s -> {
              double rl = s.program().auditProbability() * s.program().linearCentsPerPermit();
              return ReplicationsTest.result(s.seed(), rl < 10_000 ? 1 : 0);
            },
            3,
            Progress.silent(6));
    assertThat(cells)
        .extracting(Sweep.Cell::x)
        .containsExactly(100_000L, 200_000L, 300_000L, 100_000L, 200_000L, 300_000L);
    assertThat(cells)
        .extracting(Sweep.Cell::y)
        .containsExactly(40_000L, 40_000L, 40_000L, 60_000L, 60_000L, 60_000L);
    assertThat(cells)
        .extracting(Sweep.Cell::meanPrice)
        .containsExactly(1.0, 1.0, 0.0, 1.0, 0.0, 0.0);
    SweepOutputs.write(
        dir, "audit.probabilityPpm", rho, "penalty.linearCentsPerPermit", linear, cells);
    assertThat(Files.readAllLines(dir.resolve("sweep.csv")))
        .hasSize(7)
        .first()
        .asString()
        .startsWith("audit.probabilityPpm,penalty.linearCents");
    assertThat(Files.readString(dir.resolve("heatmap.html")))
        .contains("<svg")
        .doesNotContain("<script");
  }

  // Issue 10: sweep accepted the same field on both axes.
  @Test
  void the_same_field_on_both_axes_is_refused() {
    Scenario base = ScenarioLoader.load(Path.of("..", "scenarios", "p2-deterrence.yaml"));
    assertThatThrownBy(
            () ->
                Sweep.run(
                    base,
                    "audit.probabilityPpm",
                    new long[] {1},
                    "audit.probabilityPpm",
                    new long[] {2},
                    s -> null,
                    1,
                    Progress.silent(1)))
        .hasMessage("--x and --y must be different fields, both are audit.probabilityPpm");
  }
}
