package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped market-power experiment (issue 18, Hahn 1984), reduced to 2 replications, runs and
 * shows what the dominant-firm theory predicts: every run clears at the theory's price within one
 * grid step, a net seller raises the price above the competitive one and a net buyer depresses it,
 * and the welfare loss is least where the free allocation matches the share of demand.
 */
class MarketPowerExperimentTest {
  // market.gridStepPpm's default, 0.2%: the call auction clears at a grid price.
  private static final double GRID_STEP = 0.002;

  @Test
  void the_shipped_experiment_clears_at_hahns_price_and_loses_least_on_the_diagonal(
      @TempDir Path dir) {
    Experiment shipped =
        ExperimentLoader.load(Path.of("..", "examples", "experiments", "market-power.yaml"));
    assertThat(shipped.cells()).hasSize(16);
    assertThat(shipped.replications()).isEqualTo(5);
    Experiment e = shipped.withReplications(2);
    ExperimentResult r =
        ExperimentRunner.run(
            e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    List<String> names = e.metrics().stream().map(Metric::name).toList();
    int price = names.indexOf("clearing_price_cents");
    int hahn = names.indexOf("hahn_price_cents");
    int competitive = names.indexOf("theoretical_price_cents");
    int loss = names.indexOf("welfare_loss_cents");
    int hahnLoss = names.indexOf("hahn_welfare_loss_cents");
    int demand = names.indexOf("price_setter_demand_share");
    int allocation = names.indexOf("price_setter_allocation_share");
    for (Cell c : e.cells()) {
      int i = c.index();
      for (int rep = 0; rep < 2; rep++) {
        double h = r.values(i, hahn)[rep];
        assertThat(r.values(i, price)[rep])
            .as("cell %d run %d", i, rep)
            .isCloseTo(h, within(GRID_STEP * h));
        assertThat(r.values(i, hahnLoss)[rep]).as("cell %d run %d", i, rep).isPositive();
      }
      double gap = r.stats(i, allocation).mean() - r.stats(i, demand).mean();
      double p = r.stats(i, price).mean();
      double pc = r.stats(i, competitive).mean();
      if (gap > 0.05) {
        assertThat(p).as("cell %d, a net seller", i).isGreaterThan(pc * (1 + GRID_STEP));
      } else if (gap < -0.05) {
        assertThat(p).as("cell %d, a net buyer", i).isLessThan(pc * (1 - GRID_STEP));
      }
      // Off the diagonal the loss is the theory's within a few percent (a grid step moves it).
      double theory = r.stats(i, hahnLoss).mean();
      if (Math.abs(gap) > 0.05) {
        assertThat(r.stats(i, loss).mean())
            .as("cell %d", i)
            .isCloseTo(theory, within(0.05 * theory));
      }
    }
    // Along each row (one share of demand), the cell whose allocation is nearest that share loses
    // least, simulated and in theory.
    for (int row = 0; row < 4; row++) {
      int best = -1;
      double nearest = Double.POSITIVE_INFINITY;
      for (int col = 0; col < 4; col++) {
        int i = 4 * row + col;
        double gap = Math.abs(r.stats(i, allocation).mean() - r.stats(i, demand).mean());
        if (gap < nearest) {
          nearest = gap;
          best = i;
        }
      }
      assertThat(nearest).as("row %d has a cell near the diagonal", row).isLessThan(0.03);
      for (int col = 0; col < 4; col++) {
        int i = 4 * row + col;
        if (i != best) {
          assertThat(r.stats(i, loss).mean()).isGreaterThan(r.stats(best, loss).mean());
          assertThat(r.stats(i, hahnLoss).mean()).isGreaterThan(r.stats(best, hahnLoss).mean());
        }
      }
    }
  }
}
