package org.computecap.economics.foreclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;
import org.junit.jupiter.api.Test;

class HoardingTest {
  private static final double EPS = 1e-9;
  private static final boolean[] INCUMBENTS = {true, true, false};
  private static final boolean[] ENTRANT = {false, false, true};

  // Three LOG developers, theta = 1, lambdaBar = 1: c = 1/p, so p = 3/Q.
  private static Population threeLog() {
    return Population.builder().addLog(1.0, 1.0).addLog(1.0, 1.0).addLog(1.0, 1.0).build();
  }

  @Test
  void a_hoard_is_a_cap_reduced_by_the_hoard_for_log_developers() {
    Hoarding.Outcome o = Hoarding.of(threeLog(), 30.0, 10.0);
    // p0 = 3/30 = 0.1, each computes 10; p1 = 3/20 = 0.15, each computes 1/0.15 = 6.667.
    assertThat(o.competitive().price()).isCloseTo(0.1, within(EPS));
    assertThat(o.hoarded().price()).isCloseTo(0.15, within(EPS));
    assertThat(o.priceIncrease()).isCloseTo(0.05, within(EPS));
    assertThat(Hoarding.compute(o.hoarded(), ENTRANT)).isCloseTo(20.0 / 3.0, within(EPS));
    assertThat(Hoarding.computeLost(o, ENTRANT)).isCloseTo(10.0 / 3.0, within(EPS));
    // The same price as the library's clearing of the reduced cap: nothing copied, reused.
    assertThat(o.hoarded().price()).isEqualTo(MarketClearing.solve(threeLog(), 20.0).price());
  }

  @Test
  void the_incumbents_cost_is_the_hoard_at_the_higher_price_plus_the_surplus_they_lose() {
    Hoarding.Outcome o = Hoarding.of(threeLog(), 30.0, 10.0);
    // S_I(p) = 2·(ln(1/p) - 1): S_I(0.1) - S_I(0.15) = 2·ln(1.5) = 0.810930; p1·H = 1.5.
    double cost = 2.0 * Math.log(1.5) + 1.5;
    assertThat(Hoarding.incumbentsCost(threeLog(), o, INCUMBENTS, 0.0))
        .isCloseTo(cost, within(EPS));
    // With 20 free permits the higher price adds (0.15 - 0.1)·20 = 1 to what they were given.
    assertThat(Hoarding.incumbentsCost(threeLog(), o, INCUMBENTS, 20.0))
        .isCloseTo(cost - 1.0, within(EPS));
  }

  @Test
  void power_developers_match_the_hand_worked_example() {
    // v = theta·c^0.5/0.5, c = (theta/p)^2: incumbents theta 2, entrant theta 1, S(p) = 9/p^2.
    Population pop =
        Population.builder()
            .addPower(2.0, 0.5, 1.0)
            .addPower(2.0, 0.5, 1.0)
            .addPower(1.0, 0.5, 1.0)
            .build();
    Hoarding.Outcome o = Hoarding.of(pop, 36.0, 11.0);
    assertThat(o.competitive().price()).isCloseTo(0.5, within(EPS));
    assertThat(o.hoarded().price()).isCloseTo(0.6, within(EPS));
    // The entrant computes 4 without the hoard and (1/0.6)^2 = 25/9 with it: 11/9 lost.
    assertThat(Hoarding.computeLost(o, ENTRANT)).isCloseTo(11.0 / 9.0, within(EPS));
    // S_I(p) = 2·theta^2/p = 8/p: 16 - 40/3 = 8/3, plus p1·H = 6.6; with E = 10, less 0.1·10.
    assertThat(Hoarding.incumbentsCost(pop, o, INCUMBENTS, 0.0))
        .isCloseTo(8.0 / 3.0 + 6.6, within(EPS));
    assertThat(Hoarding.incumbentsCost(pop, o, INCUMBENTS, 10.0))
        .isCloseTo(8.0 / 3.0 + 5.6, within(EPS));
    assertThat(Hoarding.surplus(pop, o.competitive(), INCUMBENTS, 0.0)).isCloseTo(16, within(EPS));
  }

  @Test
  void releasing_permits_from_a_hoard_is_a_cap_raised_by_them() {
    // 10 permits released on top of a supply of 20: p = 3/30 = 0.1, from 3/20 = 0.15 without.
    Hoarding.Outcome o = Hoarding.of(threeLog(), 20.0, -10.0);
    assertThat(o.hoarded().price()).isCloseTo(0.1, within(EPS));
    assertThat(o.priceIncrease()).isCloseTo(-0.05, within(EPS));
    assertThat(Hoarding.computeLost(o, ENTRANT)).isCloseTo(-10.0 / 3.0, within(EPS));
    // The incumbents gain: 2·ln(1.5) of surplus on their own use and 10 permits worth 0.1 each.
    assertThat(Hoarding.incumbentsCost(threeLog(), o, INCUMBENTS, 0.0))
        .isCloseTo(-2.0 * Math.log(1.5) - 1.0, within(EPS));
  }

  @Test
  void no_hoard_changes_nothing_and_costs_nothing() {
    Hoarding.Outcome o = Hoarding.of(threeLog(), 30.0, 0.0);
    assertThat(o.priceIncrease()).isZero();
    assertThat(Hoarding.computeLost(o, ENTRANT)).isZero();
    assertThat(Hoarding.incumbentsCost(threeLog(), o, INCUMBENTS, 5.0)).isCloseTo(0, within(EPS));
  }

  @Test
  void bad_arguments_are_refused_naming_them() {
    assertThatThrownBy(() -> Hoarding.of(threeLog(), 0.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("supply");
    assertThatThrownBy(() -> Hoarding.of(threeLog(), 30.0, 30.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hoard must be finite and below supply = 30.0");
    assertThatThrownBy(() -> Hoarding.of(threeLog(), 30.0, Double.NEGATIVE_INFINITY))
        .hasMessageContaining("hoard");
    Hoarding.Outcome o = Hoarding.of(threeLog(), 30.0, 10.0);
    assertThatThrownBy(() -> Hoarding.incumbentsCost(threeLog(), o, new boolean[2], 0.0))
        .hasMessageContaining("members must have one entry per developer (3)");
    assertThatThrownBy(() -> Hoarding.incumbentsCost(threeLog(), o, INCUMBENTS, -1.0))
        .hasMessageContaining("endowment");
  }
}
