package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.run.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped foreclosure experiment loads as 8 cells (hoarding off/on x four controls) and, run
 * with 3 replications instead of 8, shows what the economics of a hoard predicts: the price is the
 * theory's price of the cap less the hoard, entrants run less compute when incumbents hoard, a
 * holding limit leaves a smaller hoard through the engine's refusals, and what hoarding costs the
 * incumbents (their surplus without it less with it, paired on the same seeds) is the theory's
 * cost. Tolerances are each measure's own 95% intervals.
 */
class ForeclosureExperimentTest {
  private static final Path FILE = Path.of("..", "examples", "experiments", "foreclosure.yaml");

  @Test
  void the_shipped_experiment_shows_the_foreclosure_the_theory_predicts(@TempDir Path dir) {
    Experiment full = ExperimentLoader.load(FILE);
    assertThat(full.cells()).hasSize(8);
    assertThat(full.replications()).isEqualTo(8);
    Experiment e = full.withReplications(3);
    ExperimentResult r =
        ExperimentRunner.run(
            e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    List<String> names = e.metrics().stream().map(Metric::name).toList();
    // Cells in design order: hoarding off (0-3), on (4-7); controls none, holding limit, reserve,
    // both.
    int offNone = 0;
    int onNone = 4;
    int onLimit = 5;
    Stats price = r.stats(onNone, names.indexOf("clearing_price_cents"));
    Stats theory = r.stats(onNone, names.indexOf("theoretical_price_cents"));
    Stats without = r.stats(onNone, names.indexOf("competitive_price_cents"));
    // Within a grid step (0.2%) of the theory in every run, and well above the unhoarded price.
    assertThat(r.stats(onNone, names.indexOf("price_error_ratio")).high()).isLessThan(0.002);
    assertThat(price.mean()).isBetween(theory.low() * 0.998, theory.high() * 1.002);
    assertThat(price.low()).isGreaterThan(without.high());
    // Entrants' compute: lower with a hoard (paired by replication: common random numbers give
    // both cells the same developers), and the theory's.
    int entrants = names.indexOf("entrants_compute_units");
    assertThat(paired(r, offNone, onNone, entrants).low()).isPositive();
    Stats hoarded = r.stats(onNone, entrants);
    Stats entrantsTheory = r.stats(onNone, names.indexOf("entrants_theory_compute_units"));
    assertThat(hoarded.mean()).isBetween(entrantsTheory.low() * 0.99, entrantsTheory.high() * 1.01);
    // The holding limit: refusals, a smaller hoard, more compute for entrants.
    int hoard = names.indexOf("hoard_permits");
    assertThat(r.stats(onLimit, names.indexOf("holding_limit_refusals_count")).low()).isPositive();
    assertThat(paired(r, onNone, onLimit, hoard).low()).isPositive();
    assertThat(paired(r, onLimit, onNone, entrants).low()).isPositive();
    // The incumbents' cost: their surplus without hoarding less with it, against the theory.
    Stats cost = paired(r, offNone, onNone, names.indexOf("incumbents_surplus_cents"));
    Stats costTheory = r.stats(onNone, names.indexOf("hoard_cost_theory_cents"));
    assertThat(cost.low()).isPositive();
    assertThat(costTheory.mean())
        .isBetween(cost.low() - costTheory.halfWidth(), cost.high() + costTheory.halfWidth());
  }

  // Metric m of cell a less cell b, replication by replication.
  private static Stats paired(ExperimentResult r, int a, int b, int m) {
    double[] x = r.values(a, m);
    double[] y = r.values(b, m);
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i] - y[i];
    }
    return Stats.of(d);
  }
}
