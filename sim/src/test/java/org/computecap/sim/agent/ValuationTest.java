package org.computecap.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Workload;
import org.computecap.sim.scenario.SizeClass;
import org.computecap.sim.scenario.Strategy;
import org.junit.jupiter.api.Test;

class ValuationTest {

  static Developer developer(BenefitFamily family, double theta, double beta, double k, double a) {
    return new Developer(
        0,
        "d",
        "d",
        SizeClass.SMALL,
        Strategy.PRICE_TAKING,
        family,
        theta,
        beta,
        k,
        a,
        1.0,
        1.0,
        1000.0,
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

  @Test
  void power_demand_matches_the_closed_form_in_cents() {
    // c = (theta/(p·w))^(1/(1-beta)): theta 2, beta 0.5, w 2, p = 0.5 util = 50 cents.
    Valuation v = new Valuation(developer(BenefitFamily.POWER, 2, 0.5, 0, 0), 2.0, 100.0);
    assertThat(v.computeAt(50.0)).isCloseTo(4.0, within(1e-12));
    assertThat(v.permitsAt(50.0)).isCloseTo(8.0, within(1e-12));
    assertThat(v.marginalValueCents(8.0)).isCloseTo(50.0, within(1e-9));
  }

  @Property(tries = 300)
  void marginal_value_inverts_demand_for_every_family(
      @ForAll("families") BenefitFamily family,
      @ForAll @DoubleRange(min = 0.1, max = 10) double scale,
      @ForAll @DoubleRange(min = 0.1, max = 0.9) double beta,
      @ForAll @DoubleRange(min = 1, max = 50) double weight,
      @ForAll @DoubleRange(min = 1, max = 1e5) double priceCents) {
    Developer d = developer(family, scale, beta, 0.5 + scale / 10, 1e-6 * scale);
    Valuation v = new Valuation(d, weight, 1000.0);
    double permits = v.permitsAt(priceCents);
    assertThat(v.marginalValueCents(permits)).isCloseTo(priceCents, within(1e-6 * priceCents));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<BenefitFamily> families() {
    return net.jqwik.api.Arbitraries.of(BenefitFamily.class);
  }

  @Test
  void a_p1_firm_values_compute_beyond_its_no_cap_optimum_at_zero() {
    Valuation v = new Valuation(developer(BenefitFamily.P1, 0, 0, 1, 0.01), 1.0, 1.0);
    assertThat(v.marginalValueCents(20.0)).isZero();
    assertThat(v.computeAt(0.0)).isCloseTo(10.0, within(1e-9));
  }

  // Issue 13: a developer whose program covers both workloads values its last permit at the price
  // where the two demands together want what it holds.
  @Property(tries = 200)
  void with_two_covered_workloads_marginal_value_inverts_the_summed_demand(
      @ForAll @DoubleRange(min = 0.01, max = 1) double a1,
      @ForAll @DoubleRange(min = 0.01, max = 1) double a2,
      @ForAll @DoubleRange(min = 1, max = 500) double i2,
      @ForAll @DoubleRange(min = 1, max = 1e5) double priceCents) {
    Developer one = developer(BenefitFamily.P1, 0, 0, 1, a1);
    Part training = new Part(Workload.TRAINING, BenefitFamily.P1, 0, 0, 1, a2, i2, i2);
    Developer both =
        new Developer(
            0,
            "d",
            "d",
            SizeClass.SMALL,
            Strategy.PRICE_TAKING,
            BenefitFamily.P1,
            0,
            0,
            1,
            a1,
            1.0,
            1.0,
            1000.0,
            null,
            0,
            0,
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            1.0,
            null,
            Workload.INFERENCE,
            training,
            true,
            null);
    Valuation v = new Valuation(both, 1.0, 1000.0);
    double first = new Valuation(one, 1.0, 1000.0).permitsAt(priceCents);
    double c2 = Math.sqrt(1 / (a2 + i2 * priceCents / 1000.0));
    assertThat(v.permitsAt(priceCents))
        .isCloseTo(first + i2 * c2, within(1e-9 * (first + i2 * c2)));
    assertThat(v.marginalValueCents(v.permitsAt(priceCents)))
        .isCloseTo(priceCents, within(1e-6 * priceCents));
    assertThat(v.baseAt(priceCents)).isCloseTo(v.permitsAt(priceCents), within(1e-9 * first));
  }
}
