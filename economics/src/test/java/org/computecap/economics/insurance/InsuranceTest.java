package org.computecap.economics.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InsuranceTest {

  @Test
  void manipulation_thresholds_match_hand_values() {
    // p = 4, alpha = 3, c = 10: without insurance 4·2·10 = 80; delta = 3: (8 - 3)·10 = 50.
    assertThat(ManipulationIncentive.thresholdWithout(4.0, 3.0, 10.0))
        .isCloseTo(80.0, within(1e-12));
    assertThat(ManipulationIncentive.thresholdWith(4.0, 3.0, 10.0, 3.0))
        .isCloseTo(50.0, within(1e-12));
    // delta = 9 > p(alpha-1) = 8: no positive cost is worth paying.
    assertThat(ManipulationIncentive.thresholdWith(4.0, 3.0, 10.0, 9.0)).isZero();
    assertThat(ManipulationIncentive.pays(49.0, 50.0)).isTrue();
    assertThat(ManipulationIncentive.pays(50.0, 50.0)).isFalse();
  }

  @Test
  void safety_effort_matches_hand_values_and_is_capped_at_one() {
    // p = 2, alpha = 3, theta = 0.5, c = 10, kappa = 40: 2·2·0.5·10/40 = 0.5.
    assertThat(SafetyEffort.optimal(2.0, 3.0, 0.5, 10.0, 40.0)).isCloseTo(0.5, within(1e-15));
    // kappa = 4: 20/4 = 5, capped at 1.
    assertThat(SafetyEffort.optimal(2.0, 3.0, 0.5, 10.0, 4.0)).isEqualTo(1.0);
    // alpha = 1: risk weighting is off, nothing to gain from effort.
    assertThat(SafetyEffort.optimal(2.0, 1.0, 0.5, 10.0, 4.0)).isZero();
  }

  @Test
  void malformed_inputs_name_the_field() {
    assertThatThrownBy(() -> ManipulationIncentive.thresholdWithout(1.0, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> ManipulationIncentive.thresholdWith(1.0, 2.0, 1.0, -1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> SafetyEffort.optimal(1.0, 2.0, 1.5, 1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta");
    assertThatThrownBy(() -> SafetyEffort.optimal(1.0, 2.0, 0.5, 1.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kappa");
  }
}
