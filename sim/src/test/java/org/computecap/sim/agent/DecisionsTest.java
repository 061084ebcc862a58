package org.computecap.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecisionsTest {

  @Test
  void insurance_removes_the_incentive_to_manipulate_between_the_thresholds() {
    // Without: p(alpha-1)c = 8000·2·2500 = 4e7 > gamma 3e7. With delta 5000: 2.75e7 < 3e7.
    assertThat(Decisions.manipulates(3e7, 8000, 3, 2500, false, 0)).isTrue();
    assertThat(Decisions.manipulates(3e7, 8000, 3, 2500, true, 5000)).isFalse();
    assertThat(Decisions.manipulates(Double.POSITIVE_INFINITY, 8000, 3, 2500, false, 0)).isFalse();
  }

  @Test
  void effort_and_relocation_follow_their_rules() {
    assertThat(Decisions.effort(8000, 3, 0.4, 2500, 8e7)).isCloseTo(0.2, within(1e-12));
    assertThat(Decisions.effort(8000, 3, 0.0, 2500, 8e7)).isZero();
    assertThat(Decisions.effort(8000, 3, 0.4, 2500, 0)).isZero();
    assertThat(Decisions.expectedMultiplier(3, 0.4, 0.2)).isCloseTo(1.64, within(1e-12));
    assertThat(Decisions.relocates(2e6, 1e6)).isTrue();
    assertThat(Decisions.relocates(5e5, 1e6)).isFalse();
    assertThat(Decisions.relocates(5e9, Double.POSITIVE_INFINITY)).isFalse();
  }
}
