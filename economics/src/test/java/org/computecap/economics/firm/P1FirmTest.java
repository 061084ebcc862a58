package org.computecap.economics.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class P1FirmTest {

  private static final double EPS = 1e-12;

  @Test
  void no_cap_compute_matches_hand_value() {
    // k = 1, a = 0.01: x = (1/0.01)^(1/2) = sqrt(100) = 10.
    assertThat(P1Firm.noCapCompute(0.01, 1.0)).isCloseTo(10.0, within(EPS));
    // k = 2, a = 0.25: x = (2/0.25)^(1/3) = 8^(1/3) = 2.
    assertThat(P1Firm.noCapCompute(0.25, 2.0)).isCloseTo(2.0, within(EPS));
  }

  @Test
  void cap_compute_matches_hand_value() {
    // k = 1, a = 0.01, b = 0.03: x = (1/0.04)^(1/2) = sqrt(25) = 5.
    assertThat(P1Firm.capCompute(0.01, 0.03, 1.0)).isCloseTo(5.0, within(EPS));
    // k = 2, a = 0.05, b = 0.2: x = (2/0.25)^(1/3) = 2.
    assertThat(P1Firm.capCompute(0.05, 0.2, 2.0)).isCloseTo(2.0, within(EPS));
  }

  @Test
  void cap_compute_with_zero_price_equals_no_cap_compute() {
    assertThat(P1Firm.capCompute(0.01, 0.0, 1.0)).isEqualTo(P1Firm.noCapCompute(0.01, 1.0));
  }

  @Test
  void trade_sells_the_quota_left_over_after_capped_compute() {
    // x_cap = 5 (above), so with quota 8 the firm sells 3; with quota 2 it buys 3.
    assertThat(P1Firm.trade(8.0, 0.01, 0.03, 1.0)).isCloseTo(3.0, within(EPS));
    assertThat(P1Firm.trade(2.0, 0.01, 0.03, 1.0)).isCloseTo(-3.0, within(EPS));
  }

  @Test
  void reduction_ratio_matches_hand_value() {
    // x_cap/x_nocap = 5/10 = 1/2, so the ratio is 1/2.
    assertThat(P1Firm.reductionRatio(0.01, 0.03, 1.0)).isCloseTo(0.5, within(EPS));
    // k = 1, a = b: ratio = 1 - sqrt(1/2) = 0.29289321881345254.
    assertThat(P1Firm.reductionRatio(0.2, 0.2, 1.0)).isCloseTo(0.29289321881345254, within(EPS));
    assertThat(P1Firm.reductionRatio(0.2, 0.0, 1.0)).isZero();
  }

  @Test
  void malformed_parameters_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> P1Firm.noCapCompute(0.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a must");
    assertThatThrownBy(() -> P1Firm.noCapCompute(0.1, -1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must");
    assertThatThrownBy(() -> P1Firm.capCompute(0.1, -0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b must");
    assertThatThrownBy(() -> P1Firm.capCompute(0.1, Double.NaN, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b must");
    assertThatThrownBy(() -> P1Firm.trade(-1.0, 0.1, 0.1, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quotaF");
  }
}
