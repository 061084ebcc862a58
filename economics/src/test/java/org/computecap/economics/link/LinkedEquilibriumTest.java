package org.computecap.economics.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.Population;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked linked equilibria with LOG demand (c = theta/p, so a market of total theta T with
 * supply S clears at p = T/S): A has T = 100, B has T = 400, each a cap of 100, so A alone clears
 * at 1 and B alone at 4.
 */
class LinkedEquilibriumTest {

  private static final double TOL = 1e-9;
  private static final double NO_QUOTA = Double.POSITIVE_INFINITY;

  private static Population log(double theta) {
    return Population.builder().addLog(theta, 1.0).build();
  }

  private static LinkedEquilibrium linked(LinkRegime regime, double rate, double qa, double qb) {
    return LinkedEquilibrium.of(log(100), 100, log(400), 100, rate, regime, qa, qb);
  }

  @Test
  void without_a_link_each_market_clears_alone() {
    LinkedEquilibrium e = linked(LinkRegime.NONE, 1.0, NO_QUOTA, NO_QUOTA);
    assertThat(e.priceA()).isCloseTo(1.0, within(TOL));
    assertThat(e.priceB()).isCloseTo(4.0, within(TOL));
    assertThat(e.flow()).isZero();
    assertThat(e.totalSupply()).isCloseTo(200.0, within(TOL));
  }

  @Test
  void a_two_way_link_at_par_equalises_prices_at_the_pooled_price() {
    // 100/(100 - f) = 400/(100 + f): f = 60, p = 2.5 = (100 + 400)/200, the pooled market.
    LinkedEquilibrium e = linked(LinkRegime.TWO_WAY, 1.0, NO_QUOTA, NO_QUOTA);
    assertThat(e.flow()).isCloseTo(60.0, within(1e-6));
    assertThat(e.priceA()).isCloseTo(2.5, within(1e-6));
    assertThat(e.priceB()).isCloseTo(2.5, within(1e-6));
    assertThat(e.totalSupply()).isCloseTo(200.0, within(1e-6));
    assertThat(e.quotaBinding()).isFalse();
  }

  @Test
  void an_exchange_rate_holds_the_prices_at_its_ratio_and_changes_the_total() {
    // rate 1/2 (an A permit is half a unit of B): 400/(100 + f/2) = 2·100/(100 - f), f = 40,
    // p_A = 100/60, p_B = 400/120 = 2·p_A; surrendered 60 + 120 = 180 < 200.
    LinkedEquilibrium e = linked(LinkRegime.TWO_WAY, 0.5, NO_QUOTA, NO_QUOTA);
    assertThat(e.flow()).isCloseTo(40.0, within(1e-6));
    assertThat(e.priceA()).isCloseTo(100.0 / 60.0, within(1e-6));
    assertThat(e.priceB()).isCloseTo(400.0 / 120.0, within(1e-6));
    assertThat(e.totalSupply()).isCloseTo(180.0, within(1e-6));
  }

  @Test
  void a_quota_on_foreign_units_stops_the_flow_and_keeps_the_prices_apart() {
    // B may issue 20 units for A's permits: f = 20, p_A = 100/80, p_B = 400/120.
    LinkedEquilibrium e = linked(LinkRegime.TWO_WAY, 1.0, NO_QUOTA, 20.0);
    assertThat(e.flow()).isCloseTo(20.0, within(TOL));
    assertThat(e.priceA()).isCloseTo(1.25, within(TOL));
    assertThat(e.priceB()).isCloseTo(400.0 / 120.0, within(TOL));
    assertThat(e.quotaBinding()).isTrue();
  }

  @Test
  void a_one_way_link_equalises_when_the_flow_runs_its_way_and_is_shut_otherwise() {
    LinkedEquilibrium ab = linked(LinkRegime.ONE_WAY, 1.0, NO_QUOTA, NO_QUOTA);
    assertThat(ab.priceB()).isCloseTo(ab.priceA(), within(1e-6));
    assertThat(ab.flow()).isCloseTo(60.0, within(1e-6));
    // B recognises A, but here A is the dear market: nothing may flow, p_B <= p_A.
    LinkedEquilibrium shut =
        LinkedEquilibrium.of(
            log(400), 100, log(100), 100, 1.0, LinkRegime.ONE_WAY, NO_QUOTA, NO_QUOTA);
    assertThat(shut.flow()).isZero();
    assertThat(shut.priceB()).isCloseTo(1.0, within(TOL));
    assertThat(shut.priceA()).isCloseTo(4.0, within(TOL));
  }

  @Test
  void a_two_way_link_also_flows_from_b_to_a() {
    // Mirror of the par case: A dear (400), B cheap (100); g units leave B, g permits enter A.
    LinkedEquilibrium e =
        LinkedEquilibrium.of(log(400), 100, log(100), 100, 1.0, LinkRegime.TWO_WAY, 30.0, NO_QUOTA);
    assertThat(e.flow()).isCloseTo(-30.0, within(TOL));
    assertThat(e.priceA()).isCloseTo(400.0 / 130.0, within(TOL));
    assertThat(e.priceB()).isCloseTo(100.0 / 70.0, within(TOL));
    assertThat(e.quotaBinding()).isTrue();
  }

  @Test
  void bad_inputs_are_refused_by_name() {
    assertThatThrownBy(() -> linked(LinkRegime.TWO_WAY, 0.0, NO_QUOTA, NO_QUOTA))
        .hasMessageContaining("rate must be finite and > 0");
    assertThatThrownBy(() -> linked(LinkRegime.TWO_WAY, 1.0, -1.0, NO_QUOTA))
        .hasMessageContaining("quotaA and quotaB must be >= 0");
  }
}
