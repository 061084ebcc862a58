package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.audit.Enforcement;
import org.junit.jupiter.api.Test;

/** Issue 17: a developer weighing forfeited collateral, against a hand-worked case. */
class CollateralEvasionTest {
  // v'(c) = c^-0.5, lambda = 1: at p = 1 it computes c = 1 and owes 1.
  private static final Population POP = Population.builder().addPower(1.0, 0.5, 1.0).build();

  @Test
  void collateral_above_the_gain_at_the_best_shortfall_makes_the_developer_truthful() {
    // rho 0.1, phi = 2D + 50D^2: D* = (1 - 0.2)/(2·0.1·50) = 0.08; the gain there is
    // 0.08 - 0.1·(K + 0.16 + 0.32) = 0.032 - 0.1·K, positive iff K < 0.32.
    Enforcement e = Enforcement.perfect(0.1, 2.0, 50.0);
    Evasion.Choice some = Evasion.choose(POP, 0, 1.0, e.withCollateral(0.3, inf()));
    assertThat(some.compute()).isCloseTo(1.0, within(1e-12));
    assertThat(some.shortfall()).isCloseTo(0.08, within(1e-12));
    assertThat(Evasion.permits(POP, 0, 1.0, e.withCollateral(0.3, inf())))
        .isCloseTo(0.92, within(1e-12));
    Evasion.Choice none = Evasion.choose(POP, 0, 1.0, e.withCollateral(0.33, inf()));
    assertThat(none.shortfall()).isZero();
    assertThat(Evasion.permits(POP, 0, 1.0, e.withCollateral(0.33, inf()))).isEqualTo(1.0);
  }

  @Test
  void money_units_scale_the_collateral_and_the_cap_with_the_penalty() {
    Enforcement cents = Enforcement.perfect(0.1, 200.0, 5000.0).withCollateral(33.0, 1000.0);
    Enforcement utils = cents.inMoneyUnit(100.0);
    assertThat(utils.collateral()).isEqualTo(0.33);
    assertThat(utils.liabilityCap()).isEqualTo(10.0);
    assertThat(utils.withRho(0.2).collateral()).isEqualTo(0.33);
  }

  private static double inf() {
    return Double.POSITIVE_INFINITY;
  }
}
