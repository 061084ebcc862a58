package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.computecap.economics.audit.Collateral;
import org.computecap.economics.audit.Escalation;
import org.computecap.economics.audit.PenaltyFunction;
import org.computecap.economics.audit.TwoStageAudit;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's levers in the simulator against the economics library's deterrence thresholds, regime
 * by regime: the interior-evaders regime (rho = 0.1, phi(D) = linear·D + $1·D^2, half the
 * developers strategic) for one period, with a linear penalty 5% either side of each lever's
 * threshold. Evasion must be exactly 0 above it and positive below it; an attested meter must bound
 * what each metered developer hides by its uncertainty. The engine runs the levers themselves (the
 * screen, the raised audit probabilities); the agents plan with the library's effective detection
 * probability.
 */
class EnforcementLeversSimTest {
  private static final String ONE_PERIOD =
      RegimesTest.text("evaders-interior").replace("count: 3, label", "count: 1, label");

  private static String withLinear(String yaml, long linear) {
    return yaml.replace("linearCentsPerPermit: 20000", "linearCentsPerPermit: " + linear);
  }

  private static String withLevers(String levers) {
    return ONE_PERIOD.replace(
        "  banking: false\n", "  banking: false\n  enforcement: " + levers + "\n");
  }

  private static PeriodResult first(String name, String yaml) {
    return RegimesTest.run(name, yaml).periods().get(0);
  }

  // The price when nobody evades: a linear penalty far above every threshold.
  private static double deterredPrice(String yaml) {
    return first("deterred", withLinear(yaml, 9_000_000)).clearingPrice();
  }

  @Test
  void two_stage_audits_deter_exactly_when_rho_times_one_minus_fn_times_linear_covers_the_price() {
    String yaml =
        withLevers("{twoStageAudit: {falseNegativePpm: 500000, falsePositivePpm: 100000}}");
    double price = deterredPrice(yaml);
    for (double ratio : new double[] {0.95, 1.05}) {
      // Threshold linear = p/(rho·(1 - FN)) = p/0.05.
      long linear = Math.round(ratio * price / 0.05);
      PeriodResult p = first("two-stage", withLinear(yaml, linear));
      boolean deters = new TwoStageAudit(0.1, 0.5, 0.1).deters(p.clearingPrice(), linear);
      print("two-stage", ratio, p, deters);
      assertThat(deters).isEqualTo(ratio > 1.0);
      if (deters) {
        assertThat(p.evasionRate()).isZero();
        assertThat(p.evaders()).isZero();
      } else {
        assertThat(p.evasionRate()).isPositive();
      }
    }
  }

  @Test
  void escalation_deters_exactly_when_the_annuity_equivalent_audit_probability_covers_the_price() {
    // step 0.2, decay 0.5, discount 1/1.05: factor 1 + 0.2·b/(1 - 0.7·b), b = 1/1.05.
    String yaml = withLevers("{escalation: {stepPpm: 200000, decayPpm: 500000}}");
    Escalation escalation = new Escalation(0.2, 0.5, 1.0 / 1.05);
    double price = deterredPrice(yaml);
    for (double ratio : new double[] {0.95, 1.05}) {
      long linear = Math.round(ratio * price / (0.1 * escalation.factor()));
      PeriodResult p = first("escalation", withLinear(yaml, linear));
      boolean deters = escalation.deters(p.clearingPrice(), 0.1, linear);
      print("escalation", ratio, p, deters);
      assertThat(deters).isEqualTo(ratio > 1.0);
      if (deters) {
        assertThat(p.evasionRate()).isZero();
      } else {
        assertThat(p.evasionRate()).isPositive();
      }
    }
    // Without escalation the same penalty just above its threshold does not deter: rho·linear
    // = 1.05·p/factor < p.
    long linear = Math.round(1.05 * price / (0.1 * escalation.factor()));
    assertThat(first("no-escalation", withLinear(ONE_PERIOD, linear)).evasionRate()).isPositive();
  }

  @Test
  void collateral_deters_exactly_from_the_economics_minimum_and_a_liability_cap_is_refused() {
    // phi(D) = $200·D + $1·D^2, rho = 0.1: collateral K deters every shortfall iff K >= (p -
    // rho·a)^2/(4·rho^2·b) = (p - 2000)^2/4 cents (Collateral.minimumCollateral).
    PenaltyFunction phi = new PenaltyFunction(20_000, 100);
    double price = deterredPrice(ONE_PERIOD);
    double needed = Collateral.minimumCollateral(price, 0.1, phi, Double.POSITIVE_INFINITY);
    for (double ratio : new double[] {0.95, 1.05}) {
      long k = Math.round(ratio * needed);
      PeriodResult p = first("collateral", withLevers("{collateral: {amount: " + k + "}}"));
      double inf = Double.POSITIVE_INFINITY;
      boolean deters = Collateral.deters(p.clearingPrice(), 0.1, phi, k, inf, inf);
      print("collateral", ratio, p, deters);
      assertThat(deters).isEqualTo(ratio > 1.0);
      if (deters) {
        assertThat(p.evasionRate()).isZero();
      } else {
        assertThat(p.evasionRate()).isPositive();
      }
    }
    // Under a liability cap, evading everything costs at most rho·L: beyond the cap hiding more
    // compute is free, so a developer whose benefit never saturates has no optimum. The
    // scenario is refused naming the field (the economics library has the cap's threshold).
    long k = Math.round(1.05 * needed);
    String capped =
        withLevers("{collateral: {amount: " + k + ", liabilityCapCents: " + 2 * k + "}}");
    assertThatThrownBy(() -> RegimesTest.run("collateral-capped", capped))
        .hasMessageContaining("enforcement.collateral.liabilityCapCents")
        .hasMessageContaining("unbounded");
  }

  @Test
  void an_attested_meter_bounds_each_metered_developers_hidden_share_by_its_uncertainty() {
    // rho·linear = $20 < p: undeterred. 40% of the developers are metered, 1% uncertainty.
    String yaml =
        ONE_PERIOD.replace(
            "market: {centsPerUtil: 4.0e5, trading: CALL_AUCTION}",
            "market: {centsPerUtil: 4.0e5, trading: CALL_AUCTION, attestedShare: 0.4,"
                + " meterUncertainty: 0.01}");
    MarketSettings settings =
        ScenarioLoader.parse("attested.yaml", yaml, RegimesTest.REGIMES).market();
    SimulationResult r = RegimesTest.run("attested", yaml);
    PeriodResult p = r.periods().get(0);
    int metered = 0;
    int unmeteredEvaders = 0;
    for (DeveloperPeriodRow x : RegimesTest.rows(r, 1)) {
      long hidden = x.base() - x.reported();
      boolean attested = settings.attested(x.developer().index());
      if (x.developer().strategy() != Strategy.STRATEGIC) {
        assertThat(hidden).isZero();
      } else if (attested) {
        metered++;
        // At most 1% of its base, plus one unit of rounding.
        assertThat((double) hidden).isLessThanOrEqualTo(0.01 * x.base() + 1.0);
        assertThat(hidden).isPositive();
      } else {
        unmeteredEvaders += hidden > 0.02 * x.base() ? 1 : 0;
      }
    }
    print("attested 0.4 u 0.01", 0, p, false);
    assertThat(metered).isPositive();
    assertThat(unmeteredEvaders).isPositive();
    // An exact attested meter on everyone leaves nothing to hide, deterred or not.
    PeriodResult exact =
        first(
            "attested-exact",
            ONE_PERIOD.replace(
                "market: {centsPerUtil: 4.0e5, trading: CALL_AUCTION}",
                "market: {centsPerUtil: 4.0e5, trading: CALL_AUCTION, attestedShare: 1.0,"
                    + " meterUncertainty: 0.0}"));
    assertThat(exact.evasionRate()).isZero();
  }

  private static void print(String regime, double ratio, PeriodResult p, boolean deters) {
    System.out.printf(
        Locale.ROOT,
        "LEVER %s ratio %.2f price %.2f deters %s evasion %.5f evaders %d%n",
        regime,
        ratio,
        p.clearingPrice() / 100,
        deters,
        p.evasionRate(),
        p.evaders());
  }
}
