package org.computecap.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Workload;
import org.computecap.sim.scenario.SizeClass;
import org.computecap.sim.scenario.Strategy;
import org.junit.jupiter.api.Test;

class PlanTest {

  static Developer developer(BenefitFamily f, double theta, double k, double a, double ppu) {
    return new Developer(
        0,
        "d",
        "t",
        SizeClass.SMALL,
        Strategy.PRICE_TAKING,
        f,
        theta,
        0.5,
        k,
        a,
        ppu,
        ppu,
        1000,
        null,
        0,
        0,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        1.0,
        null,
        Workload.INFERENCE,
        null,
        false,
        null);
  }

  // Issue 11 item 1: agents used every permit they held instead of the compute they want.
  @Test
  void a_developer_holding_more_than_it_wants_runs_its_demand_and_keeps_the_rest() {
    // P1 with k = 1, a = 0.01: the no-cap optimum is (1/0.01)^(1/2) = 10 units, 200 permits.
    Plan plan = new Plan(developer(BenefitFamily.P1, 0, 1, 0.01, 20), 20, null, 1e4, 0, 0, 0);
    Plan.Use use = plan.use(1_000, 0.0, 2);
    assertThat(use.base()).isEqualTo(200);
    assertThat(use.compute()).isCloseTo(10.0, within(1e-12));
    assertThat(use.shadowPriceCents()).isZero();
  }

  @Property(tries = 300)
  void an_honest_report_is_exactly_what_was_used_and_covered_by_the_permits_held(
      @ForAll @LongRange(min = 0, max = 5_000) long held,
      @ForAll @LongRange(min = 0, max = 50) long makeGood,
      @ForAll @DoubleRange(min = 1, max = 3) double lambda,
      @ForAll @DoubleRange(min = 1, max = 500) double expectedCents) {
    Plan plan =
        new Plan(developer(BenefitFamily.LOG, 40, 0, 0, 1), lambda, null, 1e4, makeGood, 0, 0);
    Plan.Use use = plan.use(held, expectedCents, 2);
    assertThat(use.reported()).isEqualTo(use.base());
    assertThat(lambda * use.reported()).isLessThanOrEqualTo(Math.max(0, held - makeGood) + 1e-9);
    assertThat(use.hiddenPermits()).isZero();
  }

  // Holding at least what it needs at $500 (400,000/50,000 = 8 permits a unit of lambda), its
  // permits are worth less than the $500 that rho·linear deters.
  @Property(tries = 300)
  void a_deterred_strategic_developer_never_leaves_a_unit_unreported(
      @ForAll @LongRange(min = 25, max = 5_000) long held,
      @ForAll @DoubleRange(min = 1, max = 3) double lambda,
      @ForAll @DoubleRange(min = 1, max = 500) double floorCents) {
    // rho·linear = 0.5 · 100,000 cents: deters any price below $500.
    Enforcement e = Enforcement.perfect(0.5, 100_000, 10);
    Plan plan = new Plan(developer(BenefitFamily.LOG, 40, 0, 0, 1), lambda, e, 1e4, 0, 0, 0);
    Plan.Use use = plan.use(held, floorCents, 2);
    assertThat(use.base()).isEqualTo(use.reported());
  }

  @Test
  void the_target_adds_make_good_and_below_the_bank_price_the_bank() {
    Plan plan = new Plan(developer(BenefitFamily.LOG, 40, 0, 0, 1), 1.0, null, 1e4, 7, 1_000, 500);
    // LOG: permits 40/(p/1e4) = 400,000/p.
    assertThat(plan.need(2_000)).isCloseTo(200, within(1e-9));
    assertThat(plan.target(2_000)).isCloseTo(207, within(1e-9));
    assertThat(plan.target(1_000)).isCloseTo(400 + 7 + 500, within(1e-9));
  }

  @Test
  void a_corner_evader_reports_nothing_and_needs_no_permits() {
    // rho·linear = 0.1 · $10 = $1 < p = $20, no quadratic term: hide everything.
    Enforcement e = Enforcement.perfect(0.1, 1_000, 0);
    Plan plan = new Plan(developer(BenefitFamily.LOG, 40, 0, 0, 1), 1.0, e, 1e4, 0, 0, 0);
    assertThat(plan.need(2_000)).isZero();
    Plan.Use use = plan.use(0, 0.0, 2);
    assertThat(use.reported()).isZero();
    // v'(c) = 40/c = rho·linear = 0.1 · 1,000/1e4 utility: c = 4,000.
    assertThat(use.compute()).isCloseTo(4_000, within(1.0));
  }
}
