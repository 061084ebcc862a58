package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computecap.economics.instruments.Instruments;
import org.computecap.economics.instruments.Instruments.Damage;
import org.computecap.economics.instruments.Instruments.Instrument;
import org.computecap.economics.instruments.Instruments.Outcome;
import org.computecap.economics.instruments.LinearWeitzman;
import org.computecap.economics.market.Population;
import org.computecap.sim.run.Stats;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, prices vs quantities: the shipped experiment's tax and damage slopes are the economics
 * library's for its scenario, and a reduced run of it (agents trading on the engine) gives each
 * period the theory's outcome at the period's realised demand shock and ranks the cap and the tax
 * as Weitzman's Delta says in the clear regimes.
 */
class PricesVsQuantitiesTest {

  private static final Path FILE =
      Path.of("..", "examples", "experiments", "prices-vs-quantities.yaml");

  @Test
  void the_shipped_tax_and_damage_levels_are_the_economics_librarys_for_the_scenario() {
    Experiment e = ExperimentLoader.load(FILE);
    assertThat(e.cells()).hasSize(9);
    assertThat(e.replications()).isEqualTo(10);
    Scenario tax = scenario(e, "tax", "flat");
    Population pop = population(tax);
    double cpu = tax.market().centsPerUtil();
    double cap = tax.program().capPermits(1);
    double v = variance(tax, tax.periods());
    double t = Instruments.taxForExpectedQuantity(pop, v, cap) * cpu;
    // The tax: the reserve price and the ceiling both at the library's tax, to the cent.
    assertThat(tax.program().reservePriceCents(1)).isEqualTo(Math.round(t));
    assertThat(tax.program().program().priceCeilingCents(1)).isEqualTo(Math.round(t));
    // The hybrid's band is around that price.
    Scenario hybrid = scenario(e, "hybrid", "flat");
    assertThat(hybrid.program().reservePriceCents(1)).isLessThan(Math.round(t));
    assertThat(hybrid.program().program().priceCeilingCents(1)).isGreaterThan(Math.round(t));
    // |B''| at the cap; each damage level's slope is the stated multiple of it and its marginal
    // damage at the cap is the tax.
    double b = Instruments.linearised(pop, v, cap, Damage.NONE).b() * cpu;
    Map<String, Double> multiple = Map.of("flat", 0.0, "equal-slopes", 1.0, "steep", 2.0);
    for (Map.Entry<String, Double> level : multiple.entrySet()) {
      Scenario s = scenario(e, "cap", level.getKey());
      double slope = s.damage().slopeCentsPerPermitSquared();
      assertThat(slope).as(level.getKey()).isCloseTo(level.getValue() * b, within(1e-9 * b));
      assertThat(s.damage().centsPerPermit() + slope * cap)
          .as(level.getKey())
          .isCloseTo(t, within(1e-6 * t));
    }
  }

  @Test
  void a_reduced_run_follows_the_theory_at_each_realised_shock_and_ranks_the_instruments_as_delta(
      @TempDir Path dir) throws Exception {
    Experiment full = ExperimentLoader.load(FILE);
    // Eight replications (of the file's ten) of the clear regimes, flat and steep damage, for the
    // three instruments: with fewer, the paired differences' Student-t interval (3.18 half-widths
    // of the standard error at four) is too wide to exclude 0 where the theory is sure of the sign.
    List<Cell> cells = new ArrayList<>();
    for (Cell c : full.cells()) {
      if (!c.values().get(1).asText().equals("equal-slopes")) {
        cells.add(new Cell(cells.size(), c.values()));
      }
    }
    int replications = 8;
    Experiment e = full.reduced(full.fixed(), cells, replications);
    ExperimentResult result =
        ExperimentRunner.run(
            e, dir.resolve("out"), new ThreadExecutor(2), false, ExperimentRunner.Listener.SILENT);
    // A cap holds the quantity and lets the price move over a run; a tax the reverse; the hybrid
    // lets both move, less than the other instrument does.
    Map<String, Double> spread = spreads(e, result);
    assertThat(spread.get("cap/used_spread_permits")).isZero();
    assertThat(spread.get("cap/price_spread_cents")).isPositive();
    assertThat(spread.get("tax/price_spread_cents")).isZero();
    assertThat(spread.get("tax/used_spread_permits")).isPositive();
    assertThat(spread.get("hybrid/used_spread_permits"))
        .isLessThan(spread.get("tax/used_spread_permits"));
    assertThat(spread.get("hybrid/price_spread_cents"))
        .isLessThan(spread.get("cap/price_spread_cents"));
    List<String> lines = Files.readAllLines(dir.resolve("out/runs.csv"));
    List<String> header = Csv.split(lines.get(0));
    // Per cell and replication: the run's mean social welfare.
    Map<String, double[]> social = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = Csv.split(line);
      String instrument = row.get(header.indexOf("instrument"));
      String damage = row.get(header.indexOf("damage"));
      int period = Integer.parseInt(row.get(header.indexOf("period")));
      int r = Integer.parseInt(row.get(header.indexOf("replication")));
      Scenario s = scenario(full, instrument, damage);
      double cpu = s.market().centsPerUtil();
      double m = value(header, row, "demand_multiplier_ratio");
      Outcome theory = Instruments.realised(population(s), m, instrument(s), damage(s));
      String what = instrument + "/" + damage + " replication " + r + " period " + period;
      // The simulated period is the theory's at its shock: whole units of compute and the price
      // grid's 0.2% step are all that separate them.
      assertThat(value(header, row, "used_permits"))
          .as(what)
          .isCloseTo(theory.quantityMean(), within(1e-3 * theory.quantityMean() + 10));
      assertThat(value(header, row, "clearing_price_cents"))
          .as(what)
          .isCloseTo(theory.priceMean() * cpu, within(3e-3 * theory.priceMean() * cpu));
      double simulated = value(header, row, "social_welfare_utils");
      assertThat(simulated)
          .as(what)
          .isCloseTo(theory.welfare(), within(1e-4 * Math.abs(theory.benefit())));
      social.computeIfAbsent(instrument + "/" + damage, k -> new double[replications])[r] +=
          simulated / s.periods();
    }
    // Weitzman: flat marginal damage, the tax wins; steep, the cap. The paired difference over
    // common random numbers, and its 95% Student-t interval, excludes 0 on the predicted side.
    assertDifference(social, "flat", "tax", "cap");
    assertDifference(social, "steep", "cap", "tax");
    // The sign agrees with the linearised Delta of the scenario.
    Scenario s = scenario(full, "cap", "flat");
    double v = variance(s, s.periods());
    LinearWeitzman flat =
        Instruments.linearised(population(s), v, s.program().capPermits(1), damage(s));
    LinearWeitzman steep =
        Instruments.linearised(
            population(s), v, s.program().capPermits(1), damage(scenario(full, "cap", "steep")));
    assertThat(flat.advantage()).isPositive();
    assertThat(steep.advantage()).isNegative();
  }

  // The mean over a cell's replications of each spread metric, under flat damage.
  private static Map<String, Double> spreads(Experiment e, ExperimentResult result) {
    Map<String, Double> out = new HashMap<>();
    for (Cell c : e.cells()) {
      if (!c.values().get(1).asText().equals("flat")) {
        continue;
      }
      for (int m = 0; m < e.metrics().size(); m++) {
        String name = e.metrics().get(m).name();
        if (name.endsWith("_spread_permits") || name.endsWith("_spread_cents")) {
          out.put(c.values().get(0).asText() + "/" + name, result.stats(c.index(), m).mean());
        }
      }
    }
    return out;
  }

  private static void assertDifference(
      Map<String, double[]> social, String damage, String better, String worse) {
    double[] a = social.get(better + "/" + damage);
    double[] b = social.get(worse + "/" + damage);
    double[] diff = new double[a.length];
    for (int r = 0; r < a.length; r++) {
      diff[r] = a[r] - b[r];
    }
    Stats st = Stats.of(diff);
    assertThat(st.low()).as(better + " - " + worse + " under " + damage + " damage").isPositive();
  }

  private static double value(List<String> header, List<String> row, String metric) {
    return Double.parseDouble(row.get(header.indexOf(metric)));
  }

  private static Scenario scenario(Experiment e, String instrument, String damage) {
    for (Cell c : e.cells()) {
      if (c.values().get(0).asText().equals(instrument)
          && c.values().get(1).asText().equals(damage)) {
        return e.tree(c).scenario();
      }
    }
    throw new AssertionError("no cell " + instrument + "/" + damage);
  }

  // The scenario's population as the economics sees it: every developer of every type, at its
  // intensity (risk type 0: every multiplier is 1).
  static Population population(Scenario s) {
    Population.Builder b = Population.builder();
    for (DeveloperType t : s.developers()) {
      for (int i = 0; i < t.count(); i++) {
        b.add(t.benefit(), t.theta(), t.beta(), t.k(), t.a(), t.permitsPerUnit());
      }
    }
    return b.build();
  }

  // The log-variance of the demand multiplier in a period: the random walk's (t - 1)·sigma^2.
  static double variance(Scenario s, int period) {
    return (period - 1) * s.demand().sigma() * s.demand().sigma();
  }

  static Instrument instrument(Scenario s) {
    double cpu = s.market().centsPerUtil();
    double floor = s.program().reservePriceCents(1) / cpu;
    boolean ceiling = s.program().program().priceControls().ceiling().isOn();
    double top =
        ceiling ? s.program().program().priceCeilingCents(1) / cpu : Double.POSITIVE_INFINITY;
    return floor == top
        ? Instrument.tax(floor)
        : Instrument.hybrid(s.program().capPermits(1), floor, top);
  }

  static Damage damage(Scenario s) {
    double cpu = s.market().centsPerUtil();
    return new Damage(
        s.damage().centsPerPermit() / cpu, s.damage().slopeCentsPerPermitSquared() / cpu);
  }
}
