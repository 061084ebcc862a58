package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: price volatility, the standard deviation of period-to-period price changes, as an
 * experiment metric. Before, a replication's value was always a metric's mean over periods.
 */
class VolatilityTest {

  @Test
  void spread_is_the_sample_standard_deviation_of_the_finite_values() {
    assertThat(ExperimentResult.spread(new double[] {Double.NaN, 0.1, -0.1, 0.3}))
        .isCloseTo(0.2, within(1e-15));
    assertThat(ExperimentResult.spread(new double[] {Double.NaN, 0.1})).isNaN();
    assertThat(ExperimentResult.mean(new double[] {Double.NaN, 0.1, 0.3}))
        .isCloseTo(0.2, within(1e-15));
  }

  @Test
  void shocked_demand_makes_the_price_more_volatile_and_runs_csv_keeps_each_change(
      @TempDir Path dir) throws Exception {
    Experiment e =
        ExperimentRunnerTest.write(
            dir,
            """
            name: volatility
            scenario: default
            factors:
              - name: demand
                levels:
                  fixed: {demand.sigma: 0}
                  shocked: {demand.sigma: 0.3}
            replications: 3
            seed: 5
            metrics: [clearing_price_cents, price_change_cents, price_volatility_cents]
            """);
    ExperimentRunner.run(
        e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    List<String> runs = Files.readAllLines(dir.resolve("out/runs.csv"));
    // Each row's change is its price less the row before's (empty in period 1).
    List<List<String>> rows = new ArrayList<>();
    for (String line : runs.subList(1, runs.size())) {
      rows.add(Csv.split(line));
    }
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      if (r.get(4).equals("1")) {
        assertThat(r.get(6)).isEmpty();
      } else {
        double change = Double.parseDouble(r.get(5)) - Double.parseDouble(rows.get(i - 1).get(5));
        assertThat(Double.parseDouble(r.get(6))).isCloseTo(change, within(1e-12));
        assertThat(r.get(7)).isEqualTo(r.get(6));
      }
    }
    double fixed = Double.NaN;
    double shocked = Double.NaN;
    for (String line : Files.readAllLines(dir.resolve("out/cells.csv"))) {
      List<String> f = Csv.split(line);
      if (f.get(2).equals("price_volatility_cents")) {
        double mean = Double.parseDouble(f.get(5));
        if (f.get(1).equals("fixed")) {
          fixed = mean;
        } else {
          shocked = mean;
        }
      }
    }
    assertThat(shocked).isGreaterThan(2 * fixed);
  }
}
