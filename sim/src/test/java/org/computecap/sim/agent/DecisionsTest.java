package org.computecap.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.computecap.sim.scenario.Strategy;
import org.junit.jupiter.api.Test;

class DecisionsTest {

  @Property(tries = 500)
  void a_strategic_developer_evades_iff_the_expected_marginal_penalty_is_below_the_price(
      @ForAll @DoubleRange(min = 0, max = 1) double rho,
      @ForAll @DoubleRange(min = 1, max = 1e5) double linear,
      @ForAll @DoubleRange(min = 1, max = 1e5) double price) {
    double d = Decisions.shortfall(Strategy.STRATEGIC, 1000, price, rho, linear, 1.0);
    if (rho * linear >= price) {
      assertThat(d).isZero();
    } else {
      assertThat(d).isPositive();
    }
  }

  @Test
  void the_best_shortfall_is_p2s_interior_formula() {
    // (p - rho·linear)/(2·rho·quadratic) = (12000 - 9600)/(2·0.2·100) = 60 permits.
    assertThat(Decisions.shortfall(Strategy.STRATEGIC, 1000, 12_000, 0.2, 48_000, 100))
        .isCloseTo(60.0, within(1e-9));
    assertThat(Decisions.shortfall(Strategy.PRICE_TAKING, 1000, 12_000, 0.2, 48_000, 100)).isZero();
  }

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
