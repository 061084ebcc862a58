package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private static Path file(Path dir, String text) throws Exception {
    Path f = dir.resolve("e.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void an_experiment_writes_runs_parquet_cells_figures_and_a_self_contained_report(
      @TempDir Path dir) throws Exception {
    Path f =
        file(
            dir,
            """
            name: t
            scenario: p2-deterrence
            set: {periods: 2, developers.developer.count: 6}
            factors:
              - {field: audit.probabilityPpm, label: audit probability, unit: ppm,
                 values: [100000, 400000]}
              - {field: penalty.linearCentsPerPermit, from: 20000, to: 60000, step: 40000}
              - {field: market.trading, values: [CALL_AUCTION, NONE]}
            replications: 2
            metrics: [clearing_price_cents, evasion_share, welfare_vs_planner_ratio, net_welfare_cents]
            """);
    Path o = dir.resolve("out");
    assertThat(run("experiment", f.toString(), "--out", o.toString(), "--threads", "2"))
        .as(err.toString())
        .isZero();
    long rows = Files.readAllLines(o.resolve("runs.csv")).size() - 1;
    assertThat(rows).isEqualTo(8 * 2 * 2);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*), count(DISTINCT seed), max(\"market.trading\") FROM '"
                    + o.resolve("runs.parquet")
                    + "'")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(rows);
      assertThat(r.getLong(2)).isEqualTo(2);
      assertThat(r.getString(3)).isEqualTo("NONE");
    }
    for (String name :
        new String[] {
          "evasion_share-vs-audit.probabilityPpm",
          "evasion_share-heatmap-CALL_AUCTION",
          "welfare_vs_planner_ratio-heatmap-NONE",
          "net_welfare_cents-heatmap-difference"
        }) {
      assertThat(o.resolve("figures/" + name + ".png")).isNotEmptyFile();
      assertThat(o.resolve("figures/" + name + ".svg")).isNotEmptyFile();
    }
    String report = Files.readString(o.resolve("report.html"));
    assertThat(report).contains("<svg").contains("Experiment: t").doesNotContain("src=\"http");
    assertThat(out.toString())
        .contains("8 cells x 2 replications = 16 runs")
        .contains("16 run now");
    out.getBuffer().setLength(0);
    assertThat(run("experiment", f.toString(), "--out", o.toString())).isZero();
    assertThat(out.toString()).contains("0 run now");
  }

  // Issue 13's scope ablation has only named levels: before, it drew no figure at all.
  @Test
  void an_experiment_of_named_levels_only_draws_each_metric_by_period_with_a_line_per_cell(
      @TempDir Path dir) throws Exception {
    Path f =
        file(
            dir,
            """
            name: scopes
            scenario: scope-ablation
            set: {periods: 2}
            factors:
              - name: scope
                levels:
                  INFERENCE: {scope: INFERENCE}
                  ALL: {scope: ALL, cap.startPermits: 8480000}
            replications: 2
            metrics: [training_compute_units, frontier_training_compute_units, price_volatility_cents]
            """);
    Path o = dir.resolve("out");
    assertThat(run("experiment", f.toString(), "--out", o.toString(), "--threads", "2"))
        .as(err.toString())
        .isZero();
    for (String name :
        new String[] {
          "training_compute_units-by-period", "frontier_training_compute_units-by-period"
        }) {
      assertThat(o.resolve("figures/" + name + ".png")).isNotEmptyFile();
      assertThat(Files.readString(o.resolve("figures/" + name + ".svg")))
          .contains("by period (mean, 95% CI)");
    }
    // A volatility's per-period values are price changes, not the volatility: no by-period chart.
    assertThat(o.resolve("figures/price_volatility_cents-by-period.png")).doesNotExist();
    // Capping inference only leaves the frontier lab's training at its no-cap 5,000 units.
    List<String> runs = Files.readAllLines(o.resolve("runs.csv"));
    int col = List.of(runs.get(0).split(",")).indexOf("frontier_training_compute_units");
    for (String row : runs.subList(1, runs.size())) {
      String[] cells = row.split(",");
      if (row.contains(",INFERENCE,")) {
        assertThat(Double.parseDouble(cells[col])).isEqualTo(5000.0);
      } else {
        assertThat(Double.parseDouble(cells[col])).isLessThan(4000.0);
      }
    }
  }

  @Test
  void a_bad_experiment_is_refused_in_one_line_with_exit_code_2(@TempDir Path dir)
      throws Exception {
    Path f =
        file(
            dir,
            """
            name: t
            scenario: p2-deterrence
            factors:
              - {field: developers.nobody.count, values: [1]}
            """);
    assertThat(run("experiment", f.toString(), "--out", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("developers has no entry named nobody");
  }

  @Test
  void spark_without_its_module_on_the_class_path_is_refused_with_how_to_get_it(@TempDir Path dir)
      throws Exception {
    Path f =
        file(
            dir,
            """
            name: t
            scenario: p2-deterrence
            factors:
              - {field: seed, values: [1]}
            """);
    assertThat(run("experiment", f.toString(), "--spark", "local[2]")).isEqualTo(2);
    assertThat(err.toString()).contains("Apache Spark is not on the class path");
  }

  @Test
  void a_cells_estimate_reads_in_dollars_with_rounding_noise_shown_as_zero_and_undefined_as_na() {
    // The console and report.html showed 1.608e+09 +- 0.0 (cents), 1.000 +- 1.5e-16 and NaN.
    org.computecap.sim.experiment.Metric money =
        org.computecap.sim.experiment.Metric.named("net_welfare_cents");
    org.computecap.sim.experiment.Metric ratio =
        org.computecap.sim.experiment.Metric.named("welfare_vs_planner_ratio");
    assertThat(ExperimentOutputs.header(money)).isEqualTo("net_welfare $");
    assertThat(
            ExperimentOutputs.estimate(
                money, new org.computecap.sim.run.Stats(5, 1.608e9, 8.3e7), "+-"))
        .isEqualTo("$16.08M +- $0.83M");
    assertThat(
            ExperimentOutputs.estimate(
                money, new org.computecap.sim.run.Stats(5, 5_000_000, 0), "+-"))
        .isEqualTo("$50,000 +- $0");
    assertThat(
            ExperimentOutputs.estimate(
                ratio, new org.computecap.sim.run.Stats(5, 1.0, 1.5e-16), "+-"))
        .isEqualTo("1.000 +- 0");
    assertThat(
            ExperimentOutputs.estimate(
                ratio, org.computecap.sim.run.Stats.of(new double[] {Double.NaN}), "+-"))
        .isEqualTo("n/a");
  }
}
