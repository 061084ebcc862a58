package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.audit.Enforcement;
import org.junit.jupiter.api.Test;

class EvasionTest {

  @Test
  void a_corner_evader_computes_where_marginal_benefit_meets_the_marginal_expected_penalty() {
    // v = 10·c^0.5/0.5, so v'(c) = 10/sqrt(c); rho = 0.5, phi = D + 0.5·D^2, p = 5.
    // Interior shortfall (5 - 0.5)/(2·0.5·0.5) = 9 exceeds lambda·c(p) = (10/5)^2 = 4: report
    // nothing. Then 10/sqrt(c) = 0.5·(1 + c), i.e. s + s^3 = 20 for s = sqrt(c):
    // s = 2.5917041241918595, c = 6.716930267353093. Ignoring the quadratic term would give
    // 10/sqrt(c) = 0.5, c = 400.
    Population pop = Population.builder().addPower(10.0, 0.5, 1.0).build();
    Evasion.Choice choice = Evasion.choose(pop, 0, 5.0, Enforcement.perfect(0.5, 1.0, 0.5));
    assertThat(choice.reportsNothing()).isTrue();
    assertThat(choice.compute()).isCloseTo(6.716930267353093, within(1e-10));
    assertThat(choice.shortfall()).isEqualTo(choice.compute());
    assertThat(Evasion.permits(pop, 0, 5.0, Enforcement.perfect(0.5, 1.0, 0.5))).isZero();
  }

  @Test
  void an_interior_evader_computes_its_truthful_demand_and_hides_the_best_shortfall() {
    // theta = 100: c(5) = (100/5)^2 = 400 > 9, so it reports 400 - 9 = 391 permits.
    Population pop = Population.builder().addPower(100.0, 0.5, 1.0).build();
    Enforcement e = Enforcement.perfect(0.5, 1.0, 0.5);
    Evasion.Choice choice = Evasion.choose(pop, 0, 5.0, e);
    assertThat(choice.reportsNothing()).isFalse();
    assertThat(choice.compute()).isCloseTo(400.0, within(1e-9));
    assertThat(choice.shortfall()).isCloseTo(9.0, within(1e-12));
    assertThat(Evasion.permits(pop, 0, 5.0, e)).isCloseTo(391.0, within(1e-9));
  }

  @Test
  void a_deterred_developer_is_truthful() {
    Population pop = Population.builder().addLog(100.0, 2.0).build();
    Enforcement e = Enforcement.perfect(0.5, 20.0, 0.0);
    Evasion.Choice choice = Evasion.choose(pop, 0, 10.0, e);
    assertThat(choice.shortfall()).isZero();
    assertThat(choice.compute()).isCloseTo(Demand.compute(pop, 0, 10.0), within(1e-12));
    assertThat(Evasion.permits(pop, 0, 10.0, e)).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void evaders_lower_the_clearing_price_by_what_they_hide() {
    // Two LOG developers theta = 100, lambda = 1, Q = 100: truthful p = 200/100 = 2. If the
    // second hides (p - 0.5)/0.5 permits (rho = 0.5, phi = D + 0.5·D^2), the market clears at
    // 200/p - 2p + 1 = 100, i.e. 2p^2 + 99p - 200 = 0: p = (-99 + sqrt(11401))/4.
    Population pop = Population.builder().addLog(100.0, 1.0).addLog(100.0, 1.0).build();
    Enforcement e = Enforcement.perfect(0.5, 1.0, 0.5);
    assertThat(Evasion.clearingPrice(pop, new Enforcement[] {null, null}, 100.0))
        .isCloseTo(2.0, within(1e-12));
    assertThat(Evasion.clearingPrice(pop, new Enforcement[] {null, e}, 100.0))
        .isCloseTo(1.9438663366699274, within(1e-11));
  }

  @Test
  void a_slack_cap_clears_at_zero_with_evaders_too() {
    Population pop = Population.builder().addP1(1.0, 0.01, 1.0).build();
    Enforcement e = Enforcement.perfect(0.1, 1.0, 0.0);
    assertThat(Evasion.clearingPrice(pop, new Enforcement[] {e}, 1000.0)).isZero();
  }

  @Test
  void without_audits_a_saturating_p1_evader_computes_its_no_cap_optimum() {
    // P1: v'(x) = k·x^(-k-1) - a with k = 1, a = 0.01: x*_nocap = (k/a)^(1/(k+1)) = 10. With
    // rho = 0 hiding is free, so the evader reports nothing and stops where v' = 0.
    Population pop = Population.builder().addP1(1.0, 0.01, 1.0).build();
    Evasion.Choice choice = Evasion.choose(pop, 0, 5.0, Enforcement.perfect(0.0, 1.0, 0.5));
    assertThat(choice.reportsNothing()).isTrue();
    assertThat(choice.compute()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void without_audits_a_power_evader_has_no_finite_optimum_and_says_so() {
    // v'(c) = 10/sqrt(c) > 0 for every c: with rho = 0 nothing stops compute. The answer is
    // +infinity, not an exception from evaluating the penalty at an overflowed shortfall.
    Population pop = Population.builder().addPower(10.0, 0.5, 3.0).build();
    Evasion.Choice choice = Evasion.choose(pop, 0, 5.0, Enforcement.perfect(0.0, 1.0, 0.5));
    assertThat(choice.reportsNothing()).isTrue();
    assertThat(choice.compute()).isInfinite();
  }
}
