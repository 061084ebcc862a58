package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped linking experiment (issue 18), reduced to one period and two replications, runs and
 * shows what the linked equilibrium predicts in every cell: each market's price on the theory's to
 * the grid's resolution (and within the cell's own 95% interval of it), B's price at A's over the
 * rate where the link is open, the quota's flow exactly, leakage only while the prices stay apart.
 */
class LinkingExperimentTest {
  private static final double GRID = 2_000 / 1e6;

  @Test
  void the_shipped_linking_experiment_runs_and_its_prices_follow_the_linked_equilibrium(
      @TempDir Path dir) throws Exception {
    Experiment e = reduced(dir, "linking", "strict-lax");
    assertThat(e.cells()).hasSize(10);
    ExperimentRunner.run(
        e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    Map<String, Map<String, double[]>> cells = cells(dir.resolve("out/cells.csv"));
    for (Map.Entry<String, Map<String, double[]>> c : cells.entrySet()) {
      Map<String, double[]> m = c.getValue();
      for (String j : List.of("a", "b")) {
        double sim = m.get("price_" + j + "_cents")[0];
        double theory = m.get("theory_price_" + j + "_cents")[0];
        double spread = m.get("price_" + j + "_cents")[1];
        assertThat(sim)
            .as(c.getKey() + " price " + j)
            .isCloseTo(theory, within(Math.max(1.0, 1.5 * GRID * theory + spread)));
      }
    }
    Map<String, double[]> none = cells.get("none/250000");
    Map<String, double[]> twoWay = cells.get("two-way/250000");
    Map<String, double[]> quota = cells.get("two-way-quota-10pct/250000");
    Map<String, double[]> rate = cells.get("two-way-rate-0.5/250000");
    assertThat(twoWay.get("price_b_over_a_ratio")[0]).isCloseTo(1.0, within(3 * GRID));
    assertThat(rate.get("price_b_over_a_ratio")[0]).isCloseTo(2.0, within(2 * 3 * GRID));
    assertThat(quota.get("linked_units_permits")[0]).isEqualTo(15_000.0);
    assertThat(none.get("movers_count")[0]).isPositive();
    assertThat(twoWay.get("movers_count")[0]).isZero();
    // With both caps binding the total is the sum of the caps, leakage or not.
    assertThat(none.get("total_risk_weighted_permits")[0])
        .isCloseTo(400_000, within(400_000 * 1.5 * GRID));
    // Under A's loose cap the link lets B's firms use A's unused permits: more in total.
    assertThat(cells.get("two-way/600000").get("total_risk_weighted_permits")[0])
        .isGreaterThan(cells.get("none/600000").get("total_risk_weighted_permits")[0]);
  }

  @Test
  void the_shipped_permit_categories_experiment_runs_and_exchange_trades_targeting_for_one_market(
      @TempDir Path dir) throws Exception {
    Experiment e = reduced(dir, "permit-categories", "categories");
    ExperimentRunner.run(
        e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    Map<String, Map<String, double[]>> cells =
        cells(dir.resolve("out/cells.csv"), "link.regime", "link.exchangeRate");
    Map<String, double[]> separate = cells.get("NONE/1.0");
    Map<String, double[]> par = cells.get("TWO_WAY/1.0");
    Map<String, double[]> quarter = cells.get("TWO_WAY/0.25");
    // Separate: the bio category runs its cap of 40,000 and its price is its own.
    assertThat(separate.get("risk_weighted_b_permits")[0])
        .isCloseTo(40_000, within(40_000 * 1.5 * GRID));
    assertThat(separate.get("price_b_cents")[0])
        .isGreaterThan(10 * separate.get("price_a_cents")[0]);
    // At par: one market, equal prices, the bio category well above its cap, the total unchanged.
    assertThat(par.get("price_b_cents")[0])
        .isCloseTo(par.get("price_a_cents")[0], within(1.5 * GRID * par.get("price_a_cents")[0]));
    assertThat(par.get("risk_weighted_b_permits")[0]).isGreaterThan(80_000);
    assertThat(par.get("total_risk_weighted_permits")[0])
        .isCloseTo(290_000, within(290_000 * 1.5 * GRID));
    // At a quarter: between the two, and each crossing permit retires three quarters of itself.
    double bio = quarter.get("risk_weighted_b_permits")[0];
    assertThat(bio).isBetween(40_000.0, par.get("risk_weighted_b_permits")[0]);
    assertThat(quarter.get("total_risk_weighted_permits")[0])
        .isCloseTo(290_000 - 0.75 * quarter.get("flow_permits")[0], within(290_000 * 1.5 * GRID));
    for (Map<String, double[]> m : cells.values()) {
      for (String j : List.of("a", "b")) {
        double theory = m.get("theory_price_" + j + "_cents")[0];
        assertThat(m.get("price_" + j + "_cents")[0])
            .isCloseTo(theory, within(1.5 * GRID * theory + m.get("price_" + j + "_cents")[1]));
      }
    }
  }

  /**
   * The shipped experiment {@code name}, reduced to one period and two replications, its scenario
   * {@code examples/linked/SCENARIO.yaml} named by absolute path.
   */
  private static Experiment reduced(Path dir, String name, String scenario) throws Exception {
    Path shipped = Path.of("..", "examples", "experiments", name + ".yaml");
    Path file = Path.of("..", "examples", "linked", scenario + ".yaml").toAbsolutePath();
    String text =
        Files.readString(shipped)
            .replace("scenario: ../linked/" + scenario + ".yaml", "scenario: " + file)
            .replace("replications: 5", "replications: 2\nset: {periods: 1}");
    assertThat(text).contains("scenario: " + file).contains("set: {periods: 1}");
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(f, text);
    return ExperimentLoader.load(f);
  }

  private static Map<String, Map<String, double[]>> cells(Path file) throws Exception {
    return cells(file, "link", "jurisdictions.lax.program.cap.startPermits");
  }

  /** cells.csv as cell key (first/second factor) -> metric -> {mean, ci95 half-width}. */
  private static Map<String, Map<String, double[]>> cells(Path file, String first, String second)
      throws Exception {
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int link = header.indexOf(first);
    int cap = header.indexOf(second);
    int metric = header.indexOf("metric");
    int mean = header.indexOf("mean");
    int lo = header.indexOf("ci95_low");
    int hi = header.indexOf("ci95_high");
    Map<String, Map<String, double[]>> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",", -1);
      double half =
          v[lo].isEmpty() ? 0.0 : (Double.parseDouble(v[hi]) - Double.parseDouble(v[lo])) / 2;
      out.computeIfAbsent(v[link] + "/" + v[cap], k -> new HashMap<>())
          .put(
              v[metric],
              new double[] {v[mean].isEmpty() ? Double.NaN : Double.parseDouble(v[mean]), half});
    }
    return out;
  }
}
