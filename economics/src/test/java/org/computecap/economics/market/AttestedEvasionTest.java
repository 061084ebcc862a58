package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.audit.Enforcement;
import org.junit.jupiter.api.Test;

/** Issue 17: an attested meter bounds what a developer can hide, against hand-worked cases. */
class AttestedEvasionTest {
  // v(c) = c^0.5/0.5, so v'(c) = c^-0.5; lambda = 1; demand at p = 1 is c = 1.
  private static final Population POP = Population.builder().addPower(1.0, 0.5, 1.0).build();

  @Test
  void a_binding_bound_hides_the_meter_uncertainty_and_computes_where_the_blend_meets_benefit() {
    // rho 0.1, linear 2: rho·linear = 0.2 < p = 1, no quadratic term, so unbounded evasion.
    // u = 0.1: c^-0.5 = 0.9·1 + 0.1·0.1·2 = 0.92, c = 1/0.8464 = 1.181474; D = 0.1·c.
    Enforcement e = Enforcement.perfect(0.1, 2.0, 0.0).withHideableShare(0.1);
    Evasion.Choice c = Evasion.choose(POP, 0, 1.0, e);
    assertThat(c.compute()).isCloseTo(1.0 / 0.8464, within(1e-9));
    assertThat(c.shortfall()).isCloseTo(0.1 / 0.8464, within(1e-9));
    assertThat(c.reportsNothing()).isFalse();
    // It retires (1 - u)·lambda·c = 0.9/0.8464.
    assertThat(Evasion.permits(POP, 0, 1.0, e)).isCloseTo(0.9 / 0.8464, within(1e-9));
  }

  @Test
  void an_exact_attested_meter_leaves_nothing_to_hide() {
    // u = 0: c^-0.5 = p = 1, c = 1, D = 0: the truthful demand and report.
    Enforcement e = Enforcement.perfect(0.1, 2.0, 0.0).withHideableShare(0.0);
    Evasion.Choice c = Evasion.choose(POP, 0, 1.0, e);
    assertThat(c.compute()).isCloseTo(1.0, within(1e-9));
    assertThat(c.shortfall()).isZero();
    assertThat(Evasion.permits(POP, 0, 1.0, e)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void a_bound_above_the_best_shortfall_changes_nothing() {
    // quadratic 50: D* = (1 - 0.2)/(2·0.1·50) = 0.08 < 0.1·1, so the interior choice stands.
    Enforcement e = Enforcement.perfect(0.1, 2.0, 50.0).withHideableShare(0.1);
    Evasion.Choice c = Evasion.choose(POP, 0, 1.0, e);
    assertThat(c.compute()).isCloseTo(1.0, within(1e-12));
    assertThat(c.shortfall()).isCloseTo(0.08, within(1e-12));
    assertThat(Evasion.permits(POP, 0, 1.0, e)).isCloseTo(0.92, within(1e-12));
    // The same with any bound (share 1): the original P2 Eq. (1) choice.
    Evasion.Choice free = Evasion.choose(POP, 0, 1.0, Enforcement.perfect(0.1, 2.0, 50.0));
    assertThat(free.shortfall()).isEqualTo(c.shortfall());
  }
}
