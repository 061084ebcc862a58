package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  private static final String SEARCH =
      """
      name: s
      scenario: p2-deterrence
      set: {periods.count: 2, developers.developer.count: 6, cap.linearReductionPpm: 0}
      parameters:
        - {field: audit.probabilityPpm, from: 100000, to: 400000, points: 3}
        - {field: penalty.linearCentsPerPermit, from: 24000, to: 72000, points: 2}
      objective:
        minimize: {excess_compute_permits: 100000, enforcement_cost_cents: 1}
        unit: cents
      refinements: 1
      replications: 2
      seed: 3
      """;

  @Test
  void a_search_writes_its_tables_figures_and_report_and_experiment_runs_it_too(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, SEARCH);
    Path o = dir.resolve("out");
    CliRun r = CliRun.of("search", f.toString(), "--out", o.toString(), "--threads", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("optimum (point ").contains("near-optimal");
    List<String> points = Files.readAllLines(o.resolve("search.csv"));
    assertThat(points.get(0))
        .startsWith("point,round,audit.probabilityPpm,penalty.linearCentsPerPermit,runs_count,")
        .contains("near_optimal,argmax_share");
    assertThat(points.size() - 1).isGreaterThanOrEqualTo(6);
    assertThat(Files.readAllLines(o.resolve("optimum.csv")).get(1)).contains(",objective,cents,2,");
    assertThat(o.resolve("figures").resolve("objective-vs-audit.probabilityPpm.png")).exists();
    assertThat(
            o.resolve("figures")
                .resolve("objective-heatmap-audit.probabilityPpm-penalty.linearCentsPerPermit.png"))
        .exists();
    String html = Files.readString(o.resolve("report.html"));
    assertThat(html).contains("<h2>Optimum</h2>").contains("<svg").doesNotContain("src=\"http");
    // `computecap experiment` on a search file runs the search; into the same folder it resumes.
    CliRun again = CliRun.of("experiment", f.toString(), "--out", o.toString(), "--threads", "1");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains(", 0 run now,");
    assertThat(Files.readAllLines(o.resolve("search.csv"))).isEqualTo(points);
  }

  @Test
  void a_line_where_only_the_optimum_is_near_optimal_is_still_drawn(@TempDir Path dir)
      throws Exception {
    // Price-takers with identical benefits: replications agree, so every other point is
    // significantly worse and the figure's near-optimal series is empty (XChart refuses those).
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        """
        name: d
        scenario: p2-deterrence
        set: {periods.count: 1, developers.developer.count: 4, developers.*.spread: 0,
              developers.*.strategy: PRICE_TAKING}
        parameters:
          - {field: cap.startPermits, from: 4000, to: 16000, points: 3}
        objective:
          maximize: {welfare_utils: 1, total_compute_units: -0.025}
        refinements: 0
        replications: 2
        """);
    Path o = dir.resolve("out");
    CliRun r = CliRun.of("search", f.toString(), "--out", o.toString(), "--threads", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "near-optimal (not significantly worse, paired over common random"
                + " numbers): 1 of 3 points");
    assertThat(o.resolve("figures").resolve("objective-vs-cap.startPermits.png")).exists();
  }

  @Test
  void a_bad_objective_is_one_line_naming_the_field_with_exit_code_2(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, SEARCH.replace("excess_compute_permits: 100000, ", "excess: 1, "));
    CliRun r = CliRun.of("search", f.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip())
        .startsWith("computecap: s.yaml: objective.minimize.excess: excess is not a metric")
        .doesNotContain("\n");
    assertThat(dir.resolve("o")).doesNotExist();
  }
}
