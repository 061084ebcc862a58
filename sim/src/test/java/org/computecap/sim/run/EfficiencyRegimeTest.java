package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.computecap.economics.efficiency.EfficiencyChoice;
import org.computecap.economics.efficiency.EfficiencyFirm;
import org.computecap.economics.efficiency.EffortCost;
import org.computecap.economics.efficiency.Instrument;
import org.computecap.sim.agent.Developer;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's regime row of docs/simulator.md: price-taking P1 firms that invest in efficiency under
 * a binding energy cap. Each firm's effort is rebuilt from its developer-periods row (parameters,
 * effort, intensity and the price it chose at) and compared with the economics' optimum {@link
 * EfficiencyChoice}, whose energy is counted in permits: price per permit in utility units, permits
 * per unit of compute before effort.
 */
class EfficiencyRegimeTest {
  private static final double CENTS_PER_UTIL = 1.0e6;
  private static final double KAPPA_CENTS = 4.0e5;

  @Test
  void each_firm_invests_the_economics_optimum_at_the_price_it_expected() {
    SimulationResult r = RegimesTest.run("efficiency");
    for (PeriodResult p : r.periods()) {
      RegimesTest.print("efficiency", p, summary(r, p));
      assertThat(p.expectedPrice()).isPositive();
      assertThat(p.priceError()).as("period %d", p.period()).isLessThan(0.01);
      double spent = 0;
      for (DeveloperPeriodRow x : RegimesTest.rows(r, p.period())) {
        Developer d = x.developer();
        double effort = d.efficiencyEffort();
        // The intensity before effort, from the row's own columns.
        double intensity0 = d.permitsPerUnit() / (1.0 - effort);
        EfficiencyFirm firm =
            new EfficiencyFirm(
                d.a(), d.k(), intensity0, EffortCost.quadratic(KAPPA_CENTS / CENTS_PER_UTIL));
        double price = x.investmentPrice() / CENTS_PER_UTIL;
        double optimum = EfficiencyChoice.optimum(firm, new Instrument.Permit(price, 0.0)).effort();
        assertThat(optimum).isPositive();
        assertThat(effort)
            .as("%s period %d", d.name(), p.period())
            .isCloseTo(optimum, within(1e-9));
        // The price it chose at is the one the period was planned with: the expectation counts
        // everyone's investment (a fixed point), so nobody invests for a price that cannot come.
        assertThat(x.investmentPrice())
            .isCloseTo(p.expectedPrice(), within(1e-9 * p.expectedPrice()));
        // Charged as a bill: K(e) to the nearest whole cent.
        assertThat(x.investmentCents())
            .isEqualTo((double) Math.round(KAPPA_CENTS * effort * effort / (1.0 - effort)));
        // What the engine records as verified activity (and benchmarking's B reads) is the
        // energy after effort: compute times the lowered intensity, in whole permits.
        assertThat((double) x.base())
            .isCloseTo(x.compute() * d.permitsPerUnit(), within(1.0 + 1e-9));
        spent += x.investmentCents();
      }
      assertThat(p.investment()).isCloseTo(spent, within(1e-6 * spent));
    }
  }

  @Test
  void effort_never_falls_and_energy_per_unit_falls_as_the_price_rises() {
    SimulationResult r = RegimesTest.run("efficiency");
    int n = RegimesTest.rows(r, 1).size();
    for (int t = 2; t <= r.periods().size(); t++) {
      assertThat(r.periods().get(t - 1).expectedPrice())
          .isGreaterThan(r.periods().get(t - 2).expectedPrice());
      List<DeveloperPeriodRow> before = RegimesTest.rows(r, t - 1);
      List<DeveloperPeriodRow> now = RegimesTest.rows(r, t);
      for (int i = 0; i < n; i++) {
        Developer b = before.get(i).developer();
        Developer a = now.get(i).developer();
        assertThat(a.efficiencyEffort()).isGreaterThan(b.efficiencyEffort());
        assertThat(a.energyPerUnit()).isLessThan(b.energyPerUnit());
        // E(e) = E0·(1 - e) on both measures: MWh and permits per unit fall together.
        assertThat(a.energyPerUnit() / a.permitsPerUnit())
            .isCloseTo(b.energyPerUnit() / b.permitsPerUnit(), within(1e-12));
      }
    }
  }

  // A binding cap fixes the energy used: what investment changes is the price of a permit and the
  // compute the same energy serves (decoupling), not the total energy.
  @Test
  void investment_lowers_the_price_and_raises_compute_for_the_same_capped_energy() {
    SimulationResult with = RegimesTest.run("efficiency");
    SimulationResult without =
        RegimesTest.run(
            "efficiency-off",
            RegimesTest.text("efficiency").replace("    efficiency: {kappa: 4.0e5}\n", ""));
    for (int t = 0; t < with.periods().size(); t++) {
      PeriodResult w = with.periods().get(t);
      PeriodResult o = without.periods().get(t);
      System.out.printf(
          Locale.ROOT,
          "REGIME efficiency-off period %d price %.2f energy %.2f compute %.2f%n",
          o.period(),
          o.clearingPrice() / 100,
          o.totalEnergy(),
          o.totalCompute());
      assertThat(o.investment()).isZero();
      double capMwh = w.capPermits() / 100.0;
      assertThat(w.totalEnergy()).isCloseTo(capMwh, within(0.005 * capMwh));
      assertThat(o.totalEnergy()).isCloseTo(capMwh, within(0.005 * capMwh));
      assertThat(w.clearingPrice()).isLessThan(o.clearingPrice());
      // The same permits buy more compute once each unit needs less energy (the rebound).
      assertThat(w.totalCompute()).isGreaterThan(o.totalCompute());
    }
  }

  // Issue 13: the benchmark B must follow the industry's efficiency. It is the engine's own rule
  // on what the verifier recorded: rebuilt here from developer-periods rows (the mean pooled
  // covered quantity per output over the two periods before, of the 3 best of 30).
  @Test
  void the_benchmark_follows_the_industrys_efficiency_through_the_verified_activity() {
    String benchmark =
        "allocation: {method: BENCHMARK, freeSharePpm: 300000, benchmarkPercentilePpm: 100000,"
            + " activityChangeThresholdPpm: 150000, newEntrantReservePpm: 0}";
    String yaml =
        RegimesTest.text("efficiency")
            .replace(
                "allocation: {method: UNIFORM, freeSharePpm: 1000000, newEntrantReservePpm: 0}",
                benchmark);
    SimulationResult with = RegimesTest.run("efficiency-benchmark", yaml);
    SimulationResult without =
        RegimesTest.run(
            "efficiency-benchmark-off", yaml.replace("    efficiency: {kappa: 4.0e5}\n", ""));
    for (int t = 3; t <= with.periods().size(); t++) {
      PeriodResult p = with.periods().get(t - 1);
      double rebuilt = benchmarkFrom(with, t);
      System.out.printf(
          Locale.ROOT,
          "REGIME efficiency-benchmark period %d B %.6f rebuilt %.6f without %.6f%n",
          t,
          p.benchmark(),
          rebuilt,
          without.periods().get(t - 1).benchmark());
      assertThat(p.benchmark()).isCloseTo(rebuilt, within(1e-12 * rebuilt));
      assertThat(p.benchmark()).isLessThan(with.periods().get(t - 2).benchmark());
      assertThat(p.benchmark()).isLessThan(without.periods().get(t - 1).benchmark());
    }
  }

  private static double benchmarkFrom(SimulationResult r, int period) {
    List<DeveloperPeriodRow> a = RegimesTest.rows(r, period - 2);
    List<DeveloperPeriodRow> b = RegimesTest.rows(r, period - 1);
    double[] intensity = new double[a.size()];
    for (int i = 0; i < intensity.length; i++) {
      double covered = a.get(i).base() + b.get(i).base();
      double output = outputOf(a.get(i)) + outputOf(b.get(i));
      intensity[i] = covered / output;
    }
    java.util.Arrays.sort(intensity);
    int best = (int) Math.ceil(intensity.length * 0.1);
    double sum = 0;
    for (int i = 0; i < best; i++) {
      sum += intensity[i];
    }
    return sum / best;
  }

  private static double outputOf(DeveloperPeriodRow x) {
    return Math.round(x.compute() * x.developer().outputPerUnit());
  }

  // An experiment turns investment off with maxEffort 0 (--set cannot remove a mapping): it must
  // be exactly the run without the mapping, to the engine's state hash.
  @Test
  void a_max_effort_of_zero_is_the_run_without_investment() {
    String yaml = RegimesTest.text("efficiency");
    SimulationResult capped =
        RegimesTest.run(
            "efficiency-zero", yaml.replace("{kappa: 4.0e5}", "{kappa: 4.0e5, maxEffort: 0}"));
    SimulationResult without =
        RegimesTest.run("efficiency-none", yaml.replace("    efficiency: {kappa: 4.0e5}\n", ""));
    assertThat(capped.stateHash()).isEqualTo(without.stateHash());
    assertThat(capped.stateHash()).isNotEqualTo(RegimesTest.run("efficiency").stateHash());
  }

  @Test
  void nobody_invests_when_the_cap_is_slack() {
    SimulationResult r =
        RegimesTest.run(
            "efficiency-slack",
            RegimesTest.text("efficiency").replace("startPermits: 40000", "startPermits: 400000"));
    for (PeriodResult p : r.periods()) {
      assertThat(p.expectedPrice()).isZero();
      assertThat(p.investment()).isZero();
      for (DeveloperPeriodRow x : RegimesTest.rows(r, p.period())) {
        assertThat(x.developer().efficiencyEffort()).isZero();
        assertThat(x.investmentPrice()).isZero();
      }
    }
  }

  // Found running the efficiency scenario with 10^5 small companies: the price rose until effort
  // took firms below one permit per unit of compute, and the economics' population refused the
  // weight ("lambdaBar must be finite and >= 1"), ending the run.
  @Test
  void effort_may_take_a_firm_below_one_permit_per_unit_of_compute() {
    SimulationResult r =
        RegimesTest.run(
            "efficiency-fine",
            RegimesTest.text("efficiency")
                .replace("permitsPerUnit: 200", "permitsPerUnit: 1.2")
                .replace("energyPerUnit: 2", "energyPerUnit: 0.012")
                .replace("a: 1.0e-2", "a: 1.0e-6")
                .replace("centsPerUtil: 1.0e6", "centsPerUtil: 1.0e10")
                .replace("startPermits: 40000", "startPermits: 24000")
                .replace("kappa: 4.0e5", "kappa: 2.0e6"));
    double least = Double.MAX_VALUE;
    for (PeriodResult p : r.periods()) {
      assertThat(p.clearingPrice())
          .isCloseTo(p.theoreticalPrice(), within(0.02 * p.theoreticalPrice()));
      for (DeveloperPeriodRow x : RegimesTest.rows(r, p.period())) {
        least = Math.min(least, x.weight());
      }
    }
    assertThat(least).isLessThan(1.0);
  }

  private static String summary(SimulationResult r, PeriodResult p) {
    List<DeveloperPeriodRow> rows = RegimesTest.rows(r, p.period());
    double effort = 0;
    double energyPerUnit = 0;
    for (DeveloperPeriodRow x : rows) {
      effort += x.developer().efficiencyEffort();
      energyPerUnit += x.developer().energyPerUnit();
    }
    return String.format(
        Locale.ROOT,
        "expected %.4f closing %.4f mean effort %.5f mean MWh/unit %.5f energy %.2f compute %.2f investment $%.2f",
        p.expectedPrice() / 100,
        p.closingPrice() / 100,
        effort / rows.size(),
        energyPerUnit / rows.size(),
        p.totalEnergy(),
        p.totalCompute(),
        p.investment() / 100);
  }
}
