package org.computecap.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.ThreadExecutor;
import org.computecap.sim.search.PolicySearch;
import org.computecap.sim.search.SearchLoader;
import org.computecap.sim.search.SearchResult;
import org.computecap.sim.search.SearchRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy search on Spark evaluates the same points with the same runs as on threads, so its
 * search.csv and optimum.csv are the same bytes: each round's incumbent depends only on runs that
 * are pure functions of their tasks.
 */
class SparkSearchTest {
  private static final String SEARCH =
      """
      name: spark-search
      scenario: p2-deterrence
      set: {periods.count: 2, developers.developer.count: 6, cap.linearReductionPpm: 0}
      parameters:
        - {field: audit.probabilityPpm, from: 100000, to: 400000, points: 4}
      objective:
        minimize: {excess_compute_permits: 100000, enforcement_cost_cents: 1}
      refinements: 2
      replications: 2
      seed: 5
      """;

  private static SearchResult run(PolicySearch s, Path out, RunExecutor executor) {
    try (executor) {
      return SearchRunner.run(s, out, executor, false, SearchRunner.Listener.SILENT);
    }
  }

  @Test
  void a_search_on_spark_local_gives_the_same_points_and_optimum_as_on_threads(@TempDir Path dir) {
    PolicySearch s = SearchLoader.parse("s.yaml", SEARCH, dir);
    SearchResult threads = run(s, dir.resolve("threads"), new ThreadExecutor(2));
    SearchResult spark = run(s, dir.resolve("spark"), new SparkExecutor("local[2]", false));
    assertThat(spark.searchCsv()).isEqualTo(threads.searchCsv());
    assertThat(spark.optimumCsv()).isEqualTo(threads.optimumCsv());
    assertThat(threads.points().size()).isGreaterThan(4);
  }
}
