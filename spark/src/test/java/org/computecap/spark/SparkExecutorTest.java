package org.computecap.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentLoader;
import org.computecap.sim.experiment.ExperimentRunner;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.ThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor on an embedded local Spark gives runs.csv byte for byte as the thread executor
 * does, also when every task fails once and is retried. One test class, one Spark start per test:
 * Spark's start dominates its time.
 */
class SparkExecutorTest {
  private static final String EXPERIMENT =
      """
      name: spark-check
      scenario: p2-deterrence
      set: {periods: 2, developers.developer.count: 8}
      factors:
        - {field: audit.probabilityPpm, values: [100000, 400000]}
        - {field: allocation.method, values: [UNIFORM, GRANDFATHER]}
        - name: regime
          levels:
            market: {market.trading: CALL_AUCTION}
            command-and-control: {market.trading: NONE}
      replications: 3
      seed: 5
      """;

  private static Experiment experiment(Path dir) throws Exception {
    Path f = dir.resolve("e.yaml");
    Files.writeString(f, EXPERIMENT);
    return ExperimentLoader.load(f);
  }

  private static byte[] run(Experiment e, Path out, RunExecutor executor) throws Exception {
    try (executor) {
      ExperimentRunner.run(e, out, executor, false, ExperimentRunner.Listener.SILENT);
    }
    return Files.readAllBytes(out.resolve("runs.csv"));
  }

  @Test
  void spark_local_gives_the_same_runs_csv_as_threads_even_when_every_task_is_retried(
      @TempDir Path dir) throws Exception {
    Experiment e = experiment(dir);
    byte[] threads = run(e, dir.resolve("threads"), new ThreadExecutor(2));
    byte[] spark = run(e, dir.resolve("spark"), new SparkExecutor("local[2,4]", true));
    assertThat(new String(spark)).isEqualTo(new String(threads));
    assertThat(spark).isEqualTo(threads);
    assertThat(Files.readAllBytes(dir.resolve("spark/cells.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("threads/cells.csv")));
    assertThat(new String(threads).lines()).hasSize(1 + 8 * 3 * 2);
  }
}
