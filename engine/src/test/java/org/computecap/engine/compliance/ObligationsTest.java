package org.computecap.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObligationsTest {

  @Test
  void the_penalty_is_linear_plus_quadratic_in_the_shortfall_in_exact_cents() {
    // phi(D) = 50,000·D + 100·D^2: phi(0) = 0, phi(1) = 50,100, phi(10) = 510,000.
    assertThat(PenaltyFunction.phiCents(50_000, 100, 0)).isZero();
    assertThat(PenaltyFunction.phiCents(50_000, 100, 1)).isEqualTo(50_100);
    assertThat(PenaltyFunction.phiCents(50_000, 100, 10)).isEqualTo(510_000);
    assertThat(PenaltyFunction.phiCents(10_000, 0, 7)).isEqualTo(70_000);
  }

  @Test
  void a_penalty_beyond_a_long_saturates_instead_of_overflowing() {
    assertThat(PenaltyFunction.phiCents(0, 1_000_000_000_000L, 1_000_000_000_000L))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void the_obligation_is_the_risk_multiplier_times_the_report_rounded_up() {
    assertThat(Obligations.weightedPermits(1_000_000, 250)).isEqualTo(250);
    assertThat(Obligations.weightedPermits(3_000_000, 250)).isEqualTo(750);
    // alpha = 2.5 on 3 units is 7.5 -> 8 permits.
    assertThat(Obligations.weightedPermits(2_500_000, 3)).isEqualTo(8);
    assertThat(Obligations.weightedPermits(1_000_001, 1)).isEqualTo(2);
  }

  @Test
  void the_shortfall_is_what_was_not_surrendered_and_never_negative() {
    assertThat(Obligations.shortfall(100, 60)).isEqualTo(40);
    assertThat(Obligations.shortfall(100, 160)).isZero();
  }

  @Test
  void an_audit_adds_only_the_shortfall_that_close_did_not_already_find() {
    // lambda 2, measured 120 -> 240 + 10 make-good = 250; surrendered 200; close found 0.
    assertThat(Obligations.additionalShortfall(2_000_000, 120, 10, 200, 0)).isEqualTo(50);
    // Close had already charged 30 of it.
    assertThat(Obligations.additionalShortfall(2_000_000, 120, 10, 200, 30)).isEqualTo(20);
    // A measurement below the report adds nothing.
    assertThat(Obligations.additionalShortfall(2_000_000, 50, 0, 200, 0)).isZero();
  }

  @Test
  void the_audit_penalty_tops_the_close_penalty_up_to_phi_of_the_whole_shortfall() {
    // phi(D) = 100·D + 1·D^2: phi(30) = 3,900, phi(50) = 7,500 -> 3,600 more.
    assertThat(Obligations.additionalPenaltyCents(100, 1, 30, 20)).isEqualTo(3_600);
    assertThat(Obligations.additionalPenaltyCents(100, 1, 0, 0)).isZero();
  }

  @Test
  void the_premium_is_the_rate_times_the_quantity_and_saturates() {
    assertThat(Obligations.premiumCents(900, 250)).isEqualTo(225_000);
    assertThat(Obligations.premiumCents(Long.MAX_VALUE, 2)).isEqualTo(Long.MAX_VALUE);
  }
}
