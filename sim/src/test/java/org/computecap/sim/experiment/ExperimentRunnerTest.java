package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
  static final String SMALL =
      """
      name: small
      scenario: p2-deterrence
      set: {periods: 2, developers.developer.count: 8}
      factors:
        - field: audit.probabilityPpm
          values: [100000, 400000]
        - field: market.trading
          values: [CALL_AUCTION, NONE]
      replications: 3
      seed: 11
      metrics: [clearing_price_cents, evasion_share, welfare_vs_planner_ratio, audits_count]
      """;

  static Experiment write(Path dir, String text) throws Exception {
    Path f = dir.resolve("e.yaml");
    Files.writeString(f, text);
    return ExperimentLoader.load(f);
  }

  @Test
  void runs_csv_has_one_row_per_run_and_period_with_factors_seed_and_metrics(@TempDir Path dir)
      throws Exception {
    Experiment e = write(dir, SMALL);
    ExperimentRunner.run(
        e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    List<String> lines = Files.readAllLines(dir.resolve("out/runs.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "cell,replication,seed,audit.probabilityPpm,market.trading,period,"
                + "clearing_price_cents,evasion_share,welfare_vs_planner_ratio,audits_count");
    assertThat(lines).hasSize(1 + 4 * 3 * 2);
    assertThat(lines.get(1)).startsWith("0,0,11,100000,CALL_AUCTION,1,");
    assertThat(lines.get(3)).startsWith("0,1,12,100000,CALL_AUCTION,1,");
    // Common random numbers: replication 2 runs under seed 13 in every cell.
    assertThat(lines.stream().filter(l -> l.matches("[0-9]+,2,.*")))
        .hasSize(8)
        .allSatisfy(l -> assertThat(l.split(",")[2]).isEqualTo("13"));
    List<String> cells = Files.readAllLines(dir.resolve("out/cells.csv"));
    assertThat(cells.get(0))
        .isEqualTo(
            "cell,audit.probabilityPpm,market.trading,metric,unit,runs_count,mean,sd,ci95_low,"
                + "ci95_high");
    assertThat(cells).hasSize(1 + 4 * 4);
    for (String row : cells.subList(1, cells.size())) {
      List<String> f = Csv.split(row);
      if (f.get(3).equals("evasion_share") && !f.get(8).isEmpty()) {
        assertThat(Double.parseDouble(f.get(8))).isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(f.get(9))).isBetween(0.0, 1.0);
      }
    }
    assertThat(Files.readAllLines(dir.resolve("out/cell-periods.csv"))).hasSize(1 + 4 * 2 * 4);
  }

  @Test
  void runs_csv_is_the_same_bytes_on_one_thread_or_two(@TempDir Path dir) throws Exception {
    Experiment e = write(dir, SMALL);
    ExperimentRunner.run(
        e, dir.resolve("a"), new ThreadExecutor(1), false, ExperimentRunner.Listener.SILENT);
    ExperimentRunner.run(
        e, dir.resolve("b"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    assertThat(Files.readAllBytes(dir.resolve("b/runs.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("a/runs.csv")));
    assertThat(Files.readAllBytes(dir.resolve("b/cells.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("a/cells.csv")));
  }

  @Test
  void a_rerun_keeps_finished_runs_and_does_only_the_missing_ones(@TempDir Path dir)
      throws Exception {
    Experiment e = write(dir, SMALL);
    Path out = dir.resolve("out");
    ExperimentRunner.run(e, out, new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    byte[] first = Files.readAllBytes(out.resolve("runs.csv"));
    Files.delete(out.resolve("parts/c000001-r0002.csv"));
    Files.delete(out.resolve("parts/c000003-r0000.csv"));
    Files.delete(out.resolve("runs.csv"));
    CountingExecutor counting = new CountingExecutor();
    ExperimentRunner.run(e, out, counting, false, ExperimentRunner.Listener.SILENT);
    assertThat(counting.runs()).isEqualTo(2);
    assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(first);
    CountingExecutor again = new CountingExecutor();
    ExperimentRunner.run(e, out, again, false, ExperimentRunner.Listener.SILENT);
    assertThat(again.runs()).isEqualTo(0);
  }

  @Test
  void a_changed_experiment_is_refused_in_the_old_folder_and_restarts_on_request(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    ExperimentRunner.run(
        write(dir, SMALL), out, new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    Experiment changed = write(dir, SMALL.replace("400000", "300000"));
    assertThatThrownBy(
            () ->
                ExperimentRunner.run(
                    changed, out, new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds 12 runs of a different plan")
        .hasMessageContaining("--restart");
    CountingExecutor counting = new CountingExecutor();
    ExperimentRunner.run(changed, out, counting, true, ExperimentRunner.Listener.SILENT);
    assertThat(counting.runs()).isEqualTo(12);
    assertThat(Files.readString(out.resolve("runs.csv"))).contains(",300000,");
  }

  @Test
  void a_folder_that_holds_something_else_is_refused(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("out/notes.txt").getParent().toFile().mkdirs()
            ? dir.resolve("out/notes.txt")
            : dir.resolve("out/notes.txt"),
        "mine");
    assertThatThrownBy(
            () ->
                ExperimentRunner.run(
                    write(dir, SMALL),
                    dir.resolve("out"),
                    new ThreadExecutor(1),
                    false,
                    ExperimentRunner.Listener.SILENT))
        .hasMessageContaining("is not empty and holds no experiment");
    assertThat(Files.readString(dir.resolve("out/notes.txt"))).isEqualTo("mine");
  }

  @Test
  void without_common_random_numbers_every_run_has_its_own_seed(@TempDir Path dir)
      throws Exception {
    Experiment e = write(dir, SMALL + "commonRandomNumbers: false\n");
    Set<Long> seeds = new TreeSet<>();
    List<RunTask> plan = ExperimentRunner.plan(e);
    for (RunTask t : plan) {
      seeds.add(t.seed());
    }
    assertThat(seeds).hasSize(plan.size());
    assertThat(ExperimentRunner.plan(write(dir, SMALL + "commonRandomNumbers: false\n")))
        .extracting(RunTask::seed)
        .containsExactlyElementsOf(new ArrayList<>(plan.stream().map(RunTask::seed).toList()));
  }
}
