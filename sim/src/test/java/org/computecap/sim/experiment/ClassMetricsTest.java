package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.computecap.figures.CsvTable;
import org.computecap.sim.report.Outputs;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.SizeClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment can collect a size class's numbers (issue 13: who invests, who earns from
 * efficiency): {@code <class>_<column>} for every measured column of class-periods.csv.
 */
class ClassMetricsTest {
  private static final String EFFICIENCY =
      """
      name: by-class
      scenario: efficiency
      set: {periods: 2}
      factors:
        - {field: seed, values: [1]}
      metrics: [investment_cents, frontier_investment_cents, large_investment_cents,
                small_investment_cents, academic_investment_cents, small_net_trading_cents,
                frontier_energy_mwh_per_units, frontier_compute_units, frontier_developers_count]
      """;

  @Test
  void every_measured_class_periods_column_is_a_metric_of_every_size_class_named_with_its_unit() {
    List<CsvTable.Measure<ClassPeriodRow>> columns = Outputs.CLASS_PERIODS.measures();
    assertThat(columns).extracting(CsvTable.Measure::name).contains("net_trading_cents");
    assertThat(Metric.byClassAll()).hasSize(SizeClass.values().length * columns.size());
    for (SizeClass c : SizeClass.values()) {
      for (CsvTable.Measure<ClassPeriodRow> col : columns) {
        Metric m = Metric.named(c.name().toLowerCase(Locale.ROOT) + "_" + col.name());
        assertThat(m.whole()).as(m.name()).isEqualTo(col.whole());
        // The name keeps the unit rule of every column: CsvTable refuses one without it.
        CsvTable.<ClassPeriodRow>of().number(m.name(), r -> 0.0);
      }
    }
    assertThat(Metric.named("small_net_trading_cents").unit()).isEqualTo("cents");
    assertThat(Metric.named("small_net_trading_cents").label()).isEqualTo("small: net trading");
    assertThat(Metric.named("frontier_energy_mwh_per_units").unit())
        .isEqualTo("MWh per compute unit");
    assertThat(Metric.named("frontier_energy_mwh_per_units").label()).isEqualTo("frontier: energy");
    assertThat(Metric.named("frontier_compute_units").unit()).isEqualTo("compute units");
    assertThat(Metric.named("academic_investment_cents").label()).isEqualTo("academic: investment");
    // Named on request, not added to every experiment's default list.
    assertThat(Metric.all()).extracting(Metric::name).doesNotContain("small_net_trading_cents");
  }

  @Test
  void a_runs_class_metrics_are_its_class_periods_rows(@TempDir Path dir) throws Exception {
    Experiment e = ExperimentRunnerTest.write(dir, EFFICIENCY);
    RunTask task = ExperimentRunner.plan(e).get(0);
    SimulationResult direct =
        Simulator.run(ScenarioLoader.parse("direct", task.scenarioYaml(), null), null, null);
    List<String> lines = task.run().csv().lines().toList();
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      List<String> f = Csv.split(line);
      // cell, replication, seed, the factor (seed), then the period and the metrics.
      int period = Integer.parseInt(f.get(4));
      List<Double> v = f.subList(5, f.size()).stream().map(Double::parseDouble).toList();
      ClassPeriodRow frontier = row(direct, period, "FRONTIER");
      // The classes' investment adds up to the period's, to the cent.
      assertThat(v.get(1) + v.get(2) + v.get(3) + v.get(4)).isEqualTo(v.get(0)).isPositive();
      assertThat(v.get(1)).isEqualTo(frontier.investmentCents());
      assertThat(v.get(5)).isEqualTo((double) row(direct, period, "SMALL").netTradingCents());
      assertThat(v.get(6)).isEqualTo(frontier.energyPerUnit());
      assertThat(v.get(7)).isEqualTo(frontier.compute());
      assertThat(f.get(13)).isEqualTo(Integer.toString(frontier.developers()));
    }
  }

  @Test
  void a_class_the_population_lacks_is_an_empty_cell_and_no_run_in_cells_csv(@TempDir Path dir)
      throws Exception {
    Experiment e =
        ExperimentRunnerTest.write(
            dir,
            """
            name: small-only
            scenario: p2-deterrence
            set: {periods: 2, developers.developer.count: 8}
            factors:
              - {field: seed, values: [1]}
            replications: 2
            metrics: [frontier_compute_units, small_compute_units]
            """);
    ExperimentRunner.run(
        e, dir.resolve("out"), new ThreadExecutor(1), false, ExperimentRunner.Listener.SILENT);
    List<String> runs = Files.readAllLines(dir.resolve("out/runs.csv"));
    assertThat(runs).hasSize(1 + 2 * 2);
    for (String line : runs.subList(1, runs.size())) {
      List<String> f = Csv.split(line);
      assertThat(f.get(f.size() - 2)).isEmpty();
      assertThat(Double.parseDouble(f.get(f.size() - 1))).isPositive();
    }
    List<String> cells = Files.readAllLines(dir.resolve("out/cells.csv"));
    assertThat(cells.get(1)).startsWith("0,1,frontier_compute_units,compute units,0,,");
    assertThat(cells.get(2)).startsWith("0,1,small_compute_units,compute units,2,");
  }

  @Test
  void a_misspelt_class_metric_is_refused_naming_the_field_and_the_valid_names(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                ExperimentRunnerTest.write(
                    dir,
                    """
                    name: misspelt
                    scenario: efficiency
                    factors:
                      - {field: seed, values: [1]}
                    metrics: [smal_net_trading_cents]
                    """))
        .hasMessageContaining("metrics: smal_net_trading_cents is not a metric (known: cap_permits")
        .hasMessageContaining(
            "per size class: <class>_<column>, class one of frontier, large, small, academic,"
                + " column one of developers_count, compute_units, energy_mwh,");
  }

  private static ClassPeriodRow row(SimulationResult r, int period, String sizeClass) {
    return r.classPeriods().stream()
        .filter(x -> x.period() == period && x.sizeClass().equals(sizeClass))
        .findFirst()
        .orElseThrow();
  }
}
