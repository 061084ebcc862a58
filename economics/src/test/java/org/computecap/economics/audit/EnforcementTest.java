package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnforcementTest {

  @Test
  void perfect_audits_charge_phi_and_give_p2s_best_shortfall() {
    // rho = 0.2, phi = 100·D + 1·D^2, p = 50: D* = (50 - 20)/(2·0.2·1) = 75.
    Enforcement e = Enforcement.perfect(0.2, 100.0, 1.0);
    assertThat(e.expectedCharge(3.0)).isEqualTo(309.0);
    assertThat(e.marginalCharge(3.0)).isEqualTo(106.0);
    assertThat(e.bestShortfall(1000.0, 50.0)).isCloseTo(75.0, within(1e-12));
    assertThat(e.bestShortfall(1000.0, 50.0))
        .isCloseTo(AuditDesign.bestShortfall(1.0, 1000.0, 50.0, 0.2, 100.0, 1.0), within(1e-12));
    assertThat(e.bestShortfall(40.0, 50.0)).isEqualTo(40.0);
    assertThat(e.deters(20.0)).isTrue();
    assertThat(e.deters(20.000001)).isFalse();
    assertThat(e.minimumAuditProbability(50.0)).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void gaussian_noise_without_tolerance_needs_twice_the_audits() {
    // Psi'(0) = linear·Phi(0) = linear/2 when quadratic = 0: rho* = 2p/linear = 2·3/6 = 1.
    Enforcement e = new Enforcement(0.5, new PenaltyFunction(6.0, 0.0), 0.0, 1.0, 0.0);
    assertThat(e.minimumAuditProbability(3.0)).isCloseTo(1.0, within(1e-15));
    assertThat(e.appendixAMinimumAuditProbability(3.0)).isCloseTo(1.0, within(1e-9));
    // Honesty alone costs E[eta+]·linear = sigma·phi(0)·6 = 0.3989422804014327·6 per audit.
    assertThat(e.expectedCharge(0.0)).isCloseTo(6 * 0.3989422804014327, within(1e-15));
  }

  @Test
  void a_tolerance_of_two_sigmas_trades_false_positives_for_deterrence() {
    // sigma = 1, tau = 2, phi = 10·D: Psi'(0) = 10·Phi(-2) = 0.22750131948179195, so
    // rho* = 1/0.22750131948179195 = 4.395578901598569 at p = 1 (no audit rate deters).
    Enforcement e = new Enforcement(1.0, new PenaltyFunction(10.0, 0.0), 0.0, 1.0, 2.0);
    assertThat(e.marginalCharge(0.0)).isCloseTo(0.22750131948179195, within(1e-15));
    assertThat(e.minimumAuditProbability(1.0)).isCloseTo(4.395578901598569, within(1e-12));
    assertThat(e.detection(0.0)).isCloseTo(0.022750131948179195, within(1e-15));
    assertThat(e.appendixAMinimumAuditProbability(1.0)).isCloseTo(4.395578901598569, within(1e-8));
    // False positives: an honest report is charged (eta - 2)+ beyond the tolerance,
    // E = phi(2) - 2·Phi(-2) = 0.05399096651318806 - 0.04550026389635839 per unit of linear.
    assertThat(e.expectedCharge(0.0))
        .isCloseTo(10 * (0.05399096651318806 - 0.04550026389635839), within(1e-14));
  }

  @Test
  void the_quadratic_term_adds_to_marginal_deterrence_under_noise() {
    // sigma = 1, tau = 2, phi = 10·D + D^2: Psi'(0) = 10·Phi(-2) + 2·(-2·Phi(-2) + phi(2))
    // = 0.22750131948 + 2·(0.00849070261) = 0.2444827247154513: rho* = 4.090268550319376 at p
    // = 1, below App. A's 4.3956 (which charges phi at the true shortfall).
    Enforcement e = new Enforcement(1.0, new PenaltyFunction(10.0, 1.0), 0.0, 1.0, 2.0);
    assertThat(e.marginalCharge(0.0)).isCloseTo(0.2444827247154513, within(1e-15));
    assertThat(e.minimumAuditProbability(1.0)).isCloseTo(4.090268550319376, within(1e-12));
    assertThat(e.appendixAMinimumAuditProbability(1.0)).isCloseTo(4.395578901598569, within(1e-8));
  }

  @Test
  void the_second_moment_closed_form_matches_its_hand_value() {
    // sigma = 2, tau = 0, phi = D + 0.5·D^2: Psi(0) = sigma·phi(0) + 0.5·sigma^2/2
    // = 0.7978845608028654 + 1; Psi'(0) = Phi(0) + 2·0.5·sigma·phi(0) = 0.5 + 0.7978845608.
    Enforcement e = new Enforcement(1.0, new PenaltyFunction(1.0, 0.5), 0.0, 2.0, 0.0);
    assertThat(e.expectedCharge(0.0)).isCloseTo(1.7978845608028654, within(1e-15));
    assertThat(e.marginalCharge(0.0)).isCloseTo(1.2978845608028653, within(1e-15));
  }

  @Test
  void the_noisy_best_shortfall_solves_rho_psi_prime_equal_to_p() {
    // sigma = 1, tau = 0, phi = D, rho = 1: Psi'(D) = Phi(D), and Phi(1) = 0.8413447460685429.
    Enforcement e = new Enforcement(1.0, new PenaltyFunction(1.0, 0.0), 0.0, 1.0, 0.0);
    assertThat(e.bestShortfall(Double.POSITIVE_INFINITY, 0.8413447460685429))
        .isCloseTo(1.0, within(1e-12));
    // Past the linear coefficient no shortfall is large enough: hide everything.
    assertThat(e.bestShortfall(Double.POSITIVE_INFINITY, 1.0)).isInfinite();
    assertThat(e.bestShortfall(7.0, 1.0)).isEqualTo(7.0);
  }

  @Test
  void make_good_raises_the_linear_coefficient_by_the_price_owed_later() {
    // rho = 0.1, linear = $100, make-good at $12: rho·(100 + 12) = 11.2 deters p = 11.
    Enforcement e = new Enforcement(0.1, new PenaltyFunction(100.0, 0.0), 12.0, 0.0, 0.0);
    assertThat(e.linearWithMakeGood()).isEqualTo(112.0);
    assertThat(e.deters(11.0)).isTrue();
    assertThat(e.deters(11.5)).isFalse();
  }

  @Test
  void a_tolerance_with_exact_audits_lets_shortfalls_up_to_it_go_free() {
    Enforcement e = new Enforcement(0.5, new PenaltyFunction(10.0, 1.0), 0.0, 0.0, 3.0);
    assertThat(e.minimumAuditProbability(1.0)).isInfinite();
    // Up to tau nothing is charged; beyond it 0.5·(10 + 2·(D - 3)) = p = 6 at D = 4.
    assertThat(e.bestShortfall(100.0, 1.0)).isEqualTo(3.0);
    assertThat(e.bestShortfall(100.0, 6.0)).isCloseTo(4.0, within(1e-12));
  }

  @Test
  void in_another_money_unit_the_same_shortfall_is_chosen() {
    // Cents to dollars: phi = 100·D + 1·D^2 cents is 1·D + 0.01·D^2 dollars; D* at $0.50.
    Enforcement cents = new Enforcement(0.2, new PenaltyFunction(100, 1), 12, 3, 1);
    Enforcement dollars = cents.inMoneyUnit(100);
    assertThat(dollars.penalty()).isEqualTo(new PenaltyFunction(1, 0.01));
    assertThat(dollars.makeGoodPrice()).isEqualTo(0.12);
    assertThat(dollars.sigma()).isEqualTo(3);
    assertThat(dollars.bestShortfall(1e6, 0.5))
        .isCloseTo(cents.bestShortfall(1e6, 50), within(1e-9));
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThatThrownBy(() -> new Enforcement(1.5, new PenaltyFunction(1, 0), 0, 0, 0))
        .hasMessageContaining("rho");
    assertThatThrownBy(() -> new Enforcement(0.5, new PenaltyFunction(1, 0), 0, -1, 0))
        .hasMessageContaining("sigma");
    assertThatThrownBy(() -> new Enforcement(0.5, new PenaltyFunction(1, 0), 0, 0, -1))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> Enforcement.perfect(0.5, 1, 0).bestShortfall(-1, 1))
        .hasMessageContaining("owed");
  }
}
