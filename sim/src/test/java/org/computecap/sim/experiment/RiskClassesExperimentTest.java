package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.RiskClasses;
import org.computecap.economics.market.Targeting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped risk-classes experiment (issue 18) loads, and in a reduced form (two replications)
 * shows what the theory of {@link RiskClasses} and {@link Targeting} predicts.
 */
class RiskClassesExperimentTest {
  private static final Path FILE = Path.of("..", "examples", "experiments", "risk-classes.yaml");
  private static final double[] RISKS = {0.1, 0.3, 0.5, 0.7, 0.9};
  private static final int PER_RISK = 4;

  @Test
  void the_shipped_file_has_three_class_counts_by_three_noise_levels() {
    Experiment e = ExperimentLoader.load(FILE);
    assertThat(e.cells()).hasSize(9);
    assertThat(e.replications()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void finer_classes_track_true_risk_as_the_equilibrium_predicts_and_noise_misclassifies(
      @TempDir Path dir) {
    Experiment full = ExperimentLoader.load(FILE);
    int reps = 2;
    Experiment e = full.withReplications(reps);
    ExperimentResult r =
        ExperimentRunner.run(
            e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    List<String> names = new ArrayList<>();
    for (Metric m : e.metrics()) {
      names.add(m.name());
    }
    int ratio = names.indexOf("true_risk_per_permit_ratio");
    int trueRisk = names.indexOf("true_risk_compute_units");
    int theoryRisk = names.indexOf("theoretical_true_risk_compute_units");
    int mis = names.indexOf("misclassified_share");
    int theoryMis = names.indexOf("theoretical_misclassified_share");
    int periods = r.periods().size();
    int developers = RISKS.length * PER_RISK;
    double[] noiseFreeRatio = new double[3];
    for (Cell c : e.cells()) {
      int k =
          switch (c.values().get(0).asText()) {
            case "K2" -> 2;
            case "K3" -> 3;
            default -> 5;
          };
      double noise = c.values().get(1).asDouble();
      double measured = r.stats(c.index(), mis).mean();
      double expected = r.stats(c.index(), theoryMis).mean();
      String cell = "K=" + k + " sigma=" + noise;
      if (noise == 0) {
        // Without noise every evaluation is the true risk's class.
        assertThat(measured).as(cell).isZero();
        assertThat(expected).as(cell).isZero();
        double closedForm = noiseFreeRatio(k);
        noiseFreeRatio[k == 2 ? 0 : k == 3 ? 1 : 2] = closedForm;
        // The sim's developers draw their benefit with spread 0.3 around theta = 1; the
        // closed form has theta = 1 for all. The ratio does not depend on theta's scale, only
        // on its dispersion: allow the replications' own spread plus 5%.
        assertThat(r.stats(c.index(), ratio).mean())
            .as(cell)
            .isCloseTo(closedForm, org.assertj.core.api.Assertions.within(0.05 * closedForm));
      } else {
        // Evaluations are Bernoulli draws with the theory's probability: 4 binomial sds of the
        // share over the cell's developer-periods.
        double n = (double) developers * periods * reps;
        double tolerance = 4 * Math.sqrt(expected * (1 - expected) / n);
        assertThat(measured)
            .as(cell)
            .isCloseTo(expected, org.assertj.core.api.Assertions.within(tolerance));
        assertThat(measured).as(cell + " misclassifies").isPositive();
      }
      // The agents trade to the competitive equilibrium: the true-risk-weighted compute they
      // run is the equilibrium's within 1% (the price error of the call auction's grid).
      double run = r.stats(c.index(), trueRisk).mean();
      double theory = r.stats(c.index(), theoryRisk).mean();
      assertThat(Math.abs(run - theory) / theory).as(cell).isLessThan(0.01);
    }
    // Finer classes charge closer to true risk (the closed form's ordering, measured).
    assertThat(Math.abs(noiseFreeRatio[2] - 1)).isLessThan(Math.abs(noiseFreeRatio[0] - 1));
  }

  // T / charged for 20 identical POWER developers (theta 1, beta 0.5) without noise.
  private static double noiseFreeRatio(int k) {
    Population.Builder b = Population.builder();
    double[] risk = new double[RISKS.length * PER_RISK];
    int i = 0;
    for (double rk : RISKS) {
      for (int j = 0; j < PER_RISK; j++) {
        b.addPower(1.0, 0.5, 1.0);
        risk[i++] = rk;
      }
    }
    return Targeting.solve(
            b.build(),
            risk,
            new double[risk.length],
            RiskClasses.evenlySpaced(k, 3.0),
            1000.0,
            0.0,
            0.0)
        .trueRiskPerPermit();
  }
}
