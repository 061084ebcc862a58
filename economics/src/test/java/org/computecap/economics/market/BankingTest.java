package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BankingTest {

  // LOG developers with sum theta = 100: S(p) = 100/p.
  private static final Population LOG =
      Population.builder().addLog(60.0, 1.0).addLog(40.0, 1.0).build();

  @Test
  void a_falling_cap_is_smoothed_by_a_bank_that_earns_the_discount_rate() {
    // Q = (100, 50), r = 10%. Without banking p = (1, 2): the discounted second price 2/1.1
    // beats 1, so permits are banked. One episode: 100/P + 100/(1.1 P) = 150, P =
    // 100·(1 + 1/1.1)/150 = 1.2727..., p2 = 1.4; use 78.571 then 71.429; bank 21.429.
    Banking.Path path = Banking.solve(LOG, new double[] {100, 50}, 0.10, 0.0);
    assertThat(path.price()[0]).isCloseTo(100 * (1 + 1 / 1.1) / 150, within(1e-12));
    assertThat(path.price()[1]).isCloseTo(1.4, within(1e-12));
    assertThat(path.used()[0]).isCloseTo(100 / 1.4 * 1.1, within(1e-9));
    assertThat(path.used()[1]).isCloseTo(100 / 1.4, within(1e-9));
    assertThat(path.bank()[0]).isCloseTo(100 - 100 / 1.4 * 1.1, within(1e-9));
    assertThat(path.bank()[1]).isZero();
  }

  @Test
  void at_rate_zero_the_price_is_flat_over_a_falling_cap() {
    // Q = (100, 80, 60): one episode at P = 3·100/240 = 1.25.
    Banking.Path path = Banking.solve(LOG, new double[] {100, 80, 60}, 0.0, 0.0);
    for (double p : path.price()) {
      assertThat(p).isCloseTo(1.25, within(1e-12));
    }
    assertThat(path.bank()[0]).isCloseTo(20, within(1e-9));
    assertThat(path.bank()[1]).isCloseTo(20, within(1e-9));
  }

  @Test
  void a_rising_cap_is_not_banked_and_prices_are_the_one_period_ones() {
    // Q = (50, 100): autarky p = (2, 1) already falls, nobody banks.
    Banking.Path path = Banking.solve(LOG, new double[] {50, 100}, 0.05, 0.0);
    assertThat(path.price()[0]).isCloseTo(2.0, within(1e-12));
    assertThat(path.price()[1]).isCloseTo(1.0, within(1e-12));
    assertThat(path.bank()).containsExactly(0.0, 0.0);
  }

  @Test
  void a_bank_carried_in_is_spent_over_the_episode() {
    // Q = (50, 50), r = 0, bank 100: one episode at P = 2·100/200 = 1.
    Banking.Path path = Banking.solve(LOG, new double[] {50, 50}, 0.0, 100.0);
    assertThat(path.price()[0]).isCloseTo(1.0, within(1e-12));
    assertThat(path.bank()[0]).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void two_episodes_when_a_cap_jumps_up_in_between() {
    // Q = (100, 50, 400, 100), r = 0: periods 1-2 form one episode at 200/150 = 1.333;
    // periods 3-4 at 200/500 = 0.4, lower, and no bank crosses from 2 to 3.
    Banking.Path path = Banking.solve(LOG, new double[] {100, 50, 400, 100}, 0.0, 0.0);
    assertThat(path.price()[0]).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(path.price()[1]).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(path.price()[2]).isCloseTo(0.4, within(1e-12));
    assertThat(path.bank()[1]).isZero();
    assertThat(path.bank()[2]).isCloseTo(150, within(1e-9));
  }

  @Test
  void a_slack_horizon_has_a_zero_price_and_keeps_what_nobody_uses() {
    Population p1 = Population.builder().addP1(1.0, 0.01, 1.0).build();
    Banking.Path path = Banking.solve(p1, new double[] {100, 100}, 0.05, 0.0);
    assertThat(path.price()).containsExactly(0.0, 0.0);
    assertThat(path.used()[0]).isCloseTo(10.0, within(1e-9));
    assertThat(path.bank()[1]).isCloseTo(180.0, within(1e-9));
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThatThrownBy(() -> Banking.solve(LOG, new double[0], 0, 0)).hasMessageContaining("caps");
    assertThatThrownBy(() -> Banking.solve(LOG, new double[] {1}, -0.1, 0))
        .hasMessageContaining("rate");
    assertThatThrownBy(() -> Banking.solve(LOG, new double[] {1}, 0, -1))
        .hasMessageContaining("initialBank");
  }
}
