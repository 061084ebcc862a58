package org.computecap.sim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.economics.market.CalibratedPower;
import org.computecap.sim.experiment.Cell;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentLoader;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.ExperimentRunner;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.experiment.ThreadExecutor;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped experiment, reduced to one period and one replication, shows what P2's theory says of
 * the calibrated population: where the expected marginal penalty rho·linear is at least the
 * competitive price nobody evades (Cor 3), the price is the closed form {@link CalibratedPower} to
 * within the price grid's step, and each risk class runs its Eq. 5 demand, so the H organisations
 * keep 1/alpha^(1/(1-beta)) = 1/9 of the share of their observed compute the L ones keep; where it
 * is below, organisations under-report and the price falls below the truthful one.
 */
class EpochExperimentTest {
  private static final Path FILE =
      Path.of("..", "examples", "experiments", "epoch-calibrated.yaml");

  /** The call auction clears on the scenario's grid: a price is within one step of equilibrium. */
  private static final double GRID_STEP = 0.005;

  @Test
  void each_cell_follows_p2_deterrence_and_the_calibrated_competitive_price(@TempDir Path dir)
      throws Exception {
    Experiment shipped = ExperimentLoader.load(FILE);
    assertThat(shipped.cells()).hasSize(12);
    Map<String, JsonNode> fixed = new LinkedHashMap<>(shipped.fixed());
    fixed.put("periods", IntNode.valueOf(1));
    Experiment e = shipped.reduced(fixed, shipped.cells(), 1);
    ExperimentResult r =
        ExperimentRunner.run(
            e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);

    List<EpochRun> runs = ShippedEpochDataTest.shipped();
    EpochCalibration.Settings s = EpochCalibration.Settings.DEFAULT;
    List<Organisation> orgs = EpochCalibration.organisations(runs);
    double q = EpochCalibration.centsPerUnit(runs, s);
    int deterred = 0;
    int evading = 0;
    for (Cell cell : e.cells()) {
      double cap = cell.values().get(0).asDouble();
      double rho = shipped.tree(cell).scenario().program().auditProbability();
      double truthful = EpochCalibration.competitivePriceCents(runs, s, cap);
      double price = mean(r, e, cell, "clearing_price_cents");
      String at = "cap " + cap + ", rho " + rho;
      if (rho * s.linearPenaltyCents() >= truthful) {
        deterred++;
        assertThat(mean(r, e, cell, "evasion_share")).as(at).isZero();
        assertThat(mean(r, e, cell, "compliance_share")).as(at).isEqualTo(1.0);
        assertThat(price).as(at).isCloseTo(truthful, within(truthful * GRID_STEP));
        double frontier = 0;
        double frontierObserved = 0;
        double others = 0;
        double othersObserved = 0;
        for (Organisation o : orgs) {
          double c = EpochCalibration.observedUnits(o, s);
          double run =
              CalibratedPower.compute(c, EpochCalibration.lambda(o, s), s.beta(), q, truthful);
          if (o.frontier()) {
            frontier += run;
            frontierObserved += c;
          } else {
            others += run;
            othersObserved += c;
          }
        }
        // Compute moves as price^(-1/(1-beta)) = price^-2: one grid step of price is 1% of it.
        double tolerance = 2 * GRID_STEP + 0.001;
        double simFrontier = mean(r, e, cell, "frontier_compute_units");
        double simOthers =
            mean(r, e, cell, "large_compute_units")
                + mean(r, e, cell, "small_compute_units")
                + mean(r, e, cell, "academic_compute_units");
        assertThat(simFrontier).as(at).isCloseTo(frontier, within(frontier * tolerance));
        assertThat(simOthers).as(at).isCloseTo(others, within(others * tolerance));
        double keptRatio = (simFrontier / frontierObserved) / (simOthers / othersObserved);
        assertThat(keptRatio).as(at).isCloseTo(1.0 / 9.0, within(2 * tolerance / 9.0));
        assertThat(mean(r, e, cell, "welfare_vs_planner_ratio")).as(at).isGreaterThan(0.999);
      } else {
        evading++;
        assertThat(mean(r, e, cell, "evasion_share")).as(at).isPositive();
        assertThat(mean(r, e, cell, "compliance_share")).as(at).isLessThan(1.0);
        assertThat(price).as(at).isLessThan(truthful);
        double theory = mean(r, e, cell, "theoretical_price_cents");
        assertThat(price).as(at).isCloseTo(theory, within(theory * GRID_STEP));
      }
    }
    // The experiment's levels put cells on both sides of the deterrence line.
    assertThat(deterred).isEqualTo(6);
    assertThat(evading).isEqualTo(6);
  }

  @Test
  void
      with_every_organisation_rated_l_and_the_cap_at_observed_compute_each_runs_its_observed_compute()
          throws Exception {
    // The calibration's identity: at multiplier 1 for all and a cap equal to their observed compute
    // a year, the competitive price is the data's cost of compute q and nobody moves.
    List<EpochRun> runs = ShippedEpochDataTest.shipped();
    EpochCalibration.Settings s = EpochCalibration.Settings.DEFAULT;
    List<Organisation> orgs = EpochCalibration.organisations(runs);
    long observedCap = EpochCalibration.capPermits(orgs, s.withCapShare(1.0));
    Scenario scenario =
        ScenarioTree.shipped("epoch-calibrated")
            .with("developers.*.riskType", "0")
            .with("cap.startPermits", Long.toString(observedCap))
            .with("audit.probabilityPpm", "500000")
            .with("periods", "1")
            .scenario();
    SimulationResult r = Simulator.run(scenario, null, null);
    double q = EpochCalibration.centsPerUnit(runs, s);
    assertThat(r.periods().get(0).clearingPrice()).isCloseTo(q, within(q * GRID_STEP));
    List<DeveloperPeriodRow> rows = r.developerPeriods();
    assertThat(rows).hasSize(orgs.size());
    for (int i = 0; i < orgs.size(); i++) {
      double observed = EpochCalibration.observedUnits(orgs.get(i), s);
      // Whole units of compute, and compute moves by twice the price's relative error.
      assertThat(rows.get(i).compute())
          .as(orgs.get(i).name())
          .isCloseTo(observed, within(1 + observed * 2 * GRID_STEP));
    }
  }

  @Test
  void with_the_datas_growth_and_a_flat_cap_the_price_rises_by_growth_to_the_one_minus_beta()
      throws Exception {
    // Every organisation's demand grows by the same factor G a period, so each Eq. 5 demand is G
    // times larger at every price and the competitive price for the same cap is p_1·G^(1-beta).
    List<EpochRun> runs = ShippedEpochDataTest.shipped();
    EpochCalibration.Settings s = EpochCalibration.Settings.DEFAULT;
    long growthPpm = EpochCalibration.growthPpm(runs);
    Scenario scenario =
        ScenarioTree.shipped("epoch-calibrated")
            .with("demand.growthPpm", Long.toString(growthPpm))
            .with("audit.probabilityPpm", "1000000")
            .scenario();
    SimulationResult r = Simulator.run(scenario, null, null);
    double first =
        EpochCalibration.competitivePriceCents(
            runs, s, EpochCalibration.capPermits(EpochCalibration.organisations(runs), s));
    double g = 1 + growthPpm / 1e6;
    assertThat(r.periods()).hasSize(s.periods());
    for (int t = 0; t < s.periods(); t++) {
      double theory = first * Math.pow(g, t * (1 - s.beta()));
      assertThat(r.periods().get(t).clearingPrice())
          .as("period %d", t + 1)
          .isCloseTo(theory, within(theory * GRID_STEP));
      assertThat(r.periods().get(t).evasionRate()).isZero();
    }
    assertThatThrownBy(
            () ->
                ScenarioTree.shipped("epoch-calibrated")
                    .with("demand.growthPpm", "10000001")
                    .scenario())
        .hasMessageContaining("demand.growthPpm must be in [-999999, 10000000], was 10000001");
  }

  private static double mean(ExperimentResult r, Experiment e, Cell cell, String metric) {
    List<Metric> ms = e.metrics();
    for (int m = 0; m < ms.size(); m++) {
      if (ms.get(m).name().equals(metric)) {
        return r.stats(cell.index(), m).mean();
      }
    }
    throw new IllegalArgumentException("the experiment has no metric " + metric);
  }
}
