package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarketTest {

  private static final double EPS = 1e-12;

  @Test
  void demand_matches_hand_values_for_every_family() {
    Population pop =
        Population.builder().addPower(2.0, 0.5, 1.0).addLog(3.0, 1.5).addP1(1.0, 0.01, 1.0).build();
    // POWER theta = 2, beta = 1/2, p = 1: c = (2/1)^2 = 4.
    assertThat(Demand.compute(pop, 0, 1.0)).isCloseTo(4.0, within(EPS));
    // LOG theta = 3, lambda = 1.5, p = 2: c = 3/(2·1.5) = 1.
    assertThat(Demand.compute(pop, 1, 2.0)).isCloseTo(1.0, within(EPS));
    // P1 k = 1, a = 0.01, p = 0.03: c = (1/0.04)^(1/2) = 5; at p = 0: (1/0.01)^(1/2) = 10.
    assertThat(Demand.compute(pop, 2, 0.03)).isCloseTo(5.0, within(EPS));
    assertThat(Demand.compute(pop, 2, 0.0)).isCloseTo(10.0, within(EPS));
    assertThat(Demand.compute(pop, 0, 0.0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void demand_elasticities_match_hand_values() {
    Population pop =
        Population.builder()
            .addPower(2.0, 0.75, 1.0)
            .addLog(3.0, 1.5)
            .addP1(1.0, 0.01, 1.0)
            .build();
    // POWER: -1/(1 - 0.75) = -4; LOG: -1; P1 at p = 0.03: -(0.03/0.04)/2 = -0.375.
    assertThat(Demand.elasticity(pop, 0, 1.0)).isCloseTo(-4.0, within(EPS));
    assertThat(Demand.elasticity(pop, 1, 1.0)).isCloseTo(-1.0, within(EPS));
    assertThat(Demand.elasticity(pop, 2, 0.03)).isCloseTo(-0.375, within(EPS));
  }

  @Test
  void shared_beta_power_market_clears_at_the_closed_form_price() {
    // beta = 1/2, theta = (1, 2), lambda = (1, 2), Q = 3:
    // p = ((1·1^2 + 2·(2/2)^2)/3)^(1/2) = 1; c = (1/1)^2 = 1 and (2/(2·1))^2 = 1.
    Population pop = Population.builder().addPower(1, 0.5, 1).addPower(2, 0.5, 2).build();
    assertThat(MarketClearing.closedFormPrice(pop, 3.0).getAsDouble()).isCloseTo(1.0, within(EPS));
    Equilibrium eq = MarketClearing.solve(pop, 3.0);
    assertThat(eq.capBinding()).isTrue();
    assertThat(eq.price()).isCloseTo(1.0, within(EPS));
    assertThat(eq.compute()).containsExactly(new double[] {1.0, 1.0}, within(1e-11));
    assertThat(eq.permits(pop)).containsExactly(new double[] {1.0, 2.0}, within(1e-11));
  }

  @Test
  void all_log_market_clears_at_total_theta_over_cap() {
    // theta = (1, 2, 3), Q = 6: p = 6/6 = 1; c = theta/lambda = (1, 4/3, 3/2).
    Population pop = Population.builder().addLog(1, 1).addLog(2, 1.5).addLog(3, 2).build();
    assertThat(MarketClearing.closedFormPrice(pop, 6.0).getAsDouble()).isCloseTo(1.0, within(EPS));
    Equilibrium eq = MarketClearing.solve(pop, 6.0);
    assertThat(eq.price()).isCloseTo(1.0, within(EPS));
    assertThat(eq.compute()).containsExactly(new double[] {1.0, 4.0 / 3, 1.5}, within(1e-11));
  }

  @Test
  void mixed_market_clears_at_the_hand_computed_price() {
    // POWER theta = 1, beta = 1/2 demands 1/p^2; LOG theta = 1 demands 1/p; Q = 2 gives
    // 1/p^2 + 1/p = 2, so p = 1. No closed form applies: this is the Newton path.
    Population pop = Population.builder().addPower(1, 0.5, 1).addLog(1, 1).build();
    assertThat(MarketClearing.closedFormPrice(pop, 2.0)).isEmpty();
    Equilibrium eq = MarketClearing.solve(pop, 2.0);
    assertThat(eq.price()).isCloseTo(1.0, within(EPS));
    assertThat(eq.compute()).containsExactly(new double[] {1.0, 1.0}, within(1e-11));
  }

  @Test
  void price_is_zero_when_the_cap_does_not_bind() {
    // Two P1 firms k = 1, a = 0.01 want 10 each at p = 0: S(0) = 20 <= 25.
    Population pop = Population.builder().addP1(1, 0.01, 1).addP1(1, 0.01, 1).build();
    Equilibrium loose = MarketClearing.solve(pop, 25.0);
    assertThat(loose.capBinding()).isFalse();
    assertThat(loose.price()).isZero();
    assertThat(loose.compute()).containsExactly(new double[] {10.0, 10.0}, within(EPS));
    // Q = 10 binds: each gets 5, (1/(0.01 + p))^(1/2) = 5 gives p = 0.03.
    Equilibrium tight = MarketClearing.solve(pop, 10.0);
    assertThat(tight.capBinding()).isTrue();
    assertThat(tight.price()).isCloseTo(0.03, within(EPS));
    PlannerSolution plan = Planner.solve(pop, 25.0);
    assertThat(plan.shadowPrice()).isZero();
  }

  @Test
  void p1_firm_without_cost_binds_any_cap() {
    // a = 0: demand (k/(p·lambda))^(1/(k+1)) is infinite at p = 0. k = 1, Q = 2: c = 2,
    // so 1/p = 4 and p = 1/4.
    Population pop = Population.builder().addP1(1, 0.0, 1).build();
    Equilibrium eq = MarketClearing.solve(pop, 2.0);
    assertThat(eq.capBinding()).isTrue();
    assertThat(eq.price()).isCloseTo(0.25, within(EPS));
  }

  @Test
  void a_cap_whose_price_cannot_be_represented_is_rejected() {
    // P1 k = 100, a = 0: c = (100/p)^(1/101) = 1e-4 needs p = 100·10^404 > Double.MAX_VALUE,
    // while 1e-3 needs p = 100·10^303 = 1e305, which still clears.
    Population pop = Population.builder().addP1(100, 0.0, 1).build();
    assertThatThrownBy(() -> MarketClearing.solve(pop, 1e-4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capQ");
    assertThat(MarketClearing.solve(pop, 1e-3).price() / 1e305).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void planner_finds_the_hand_computed_shadow_price() {
    // Same mixed economy as above: mu = 1, c = (1, 1).
    Population pop = Population.builder().addPower(1, 0.5, 1).addLog(1, 1).build();
    PlannerSolution plan = Planner.solve(pop, 2.0);
    assertThat(plan.shadowPrice()).isCloseTo(1.0, within(1e-12));
    assertThat(plan.compute()).containsExactly(new double[] {1.0, 1.0}, within(1e-11));
  }

  @Test
  void expected_risk_multiplier_matches_hand_value() {
    // alpha = 3, theta = 0.5, e = 0.2: 1 + 2·0.5·0.8 = 1.8.
    assertThat(RiskMultiplier.expected(3.0, 0.5, 0.2)).isCloseTo(1.8, within(EPS));
    assertThat(RiskMultiplier.expected(3.0, 0.5, 1.0)).isEqualTo(1.0);
    // A pluggable model: g = theta^2·(1-e) gives 1 + 2·0.25·0.5 = 1.25.
    assertThat(RiskMultiplier.expected(3.0, 0.5, 0.5, (t, e) -> t * t * (1 - e)))
        .isCloseTo(1.25, within(EPS));
  }

  @Test
  void welfare_matches_hand_value() {
    // POWER 2·4^(1/2)/(1/2) = 8; LOG 3·ln e = 3; P1 -10^(-1) - 0.01·10 = -0.2. Total 10.8.
    Population pop =
        Population.builder().addPower(2.0, 0.5, 1.0).addLog(3.0, 1.5).addP1(1.0, 0.01, 1.0).build();
    assertThat(Welfare.total(pop, new double[] {4.0, Math.E, 10.0})).isCloseTo(10.8, within(1e-12));
  }

  @Test
  void uniform_allocation_divides_the_cap_by_n_times_mean_lambda() {
    // lambda = (1, 2, 3), mean 2, Q = 12: c = 12/(3·2) = 2 each; risk-weighted 2+4+6 = 12.
    Population pop = Population.builder().addLog(1, 1).addLog(1, 2).addLog(1, 3).build();
    assertThat(UniformAllocation.compute(pop, 12.0))
        .containsExactly(new double[] {2.0, 2.0, 2.0}, within(EPS));
  }

  @Test
  void a_uniform_quota_above_a_p1_firms_own_demand_is_not_forced_on_it() {
    // Two P1 firms k = 1, lambda = 1: a = 0.01 wants (1/0.01)^(1/2) = 10 at any price,
    // a = 0.0001 wants 100. Q = 100 gives quotas of 50: the first uses 10, the second 50.
    Population pop = Population.builder().addP1(1, 0.01, 1).addP1(1, 0.0001, 1).build();
    assertThat(UniformAllocation.compute(pop, 100.0))
        .containsExactly(new double[] {10.0, 50.0}, within(1e-9));
  }

  @Test
  void malformed_developers_are_rejected_naming_index_and_field() {
    Population.Builder builder = Population.builder().addLog(1, 1);
    assertThatThrownBy(() -> builder.addPower(1, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("developer 1")
        .hasMessageContaining("beta must be in (0, 1)");
    assertThatThrownBy(() -> builder.addLog(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta");
    assertThatThrownBy(() -> builder.addP1(1, -0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a must");
    assertThatThrownBy(() -> builder.addP1(0, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must");
    assertThatThrownBy(() -> builder.addLog(1, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambdaBar must be finite and > 0");
    assertThatThrownBy(() -> builder.addLog(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambdaBar");
    assertThatThrownBy(() -> builder.addLog(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta");
    assertThatThrownBy(() -> Population.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
    assertThatThrownBy(() -> MarketClearing.solve(builder.build(), 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capQ");
    assertThatThrownBy(() -> RiskMultiplier.expected(0.5, 0.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha");
  }

  @Test
  void population_accessors_return_what_was_added() {
    Population pop = Population.builder(1).addPower(2, 0.3, 1.5).addP1(2, 0.1, 1).build();
    assertThat(pop.size()).isEqualTo(2);
    assertThat(pop.family(0)).isEqualTo(BenefitFamily.POWER);
    assertThat(pop.family(1)).isEqualTo(BenefitFamily.P1);
    assertThat(pop.theta(0)).isEqualTo(2);
    assertThat(pop.beta(0)).isEqualTo(0.3);
    assertThat(pop.k(1)).isEqualTo(2);
    assertThat(pop.a(1)).isEqualTo(0.1);
    assertThat(pop.lambdaBar()).containsExactly(1.5, 1.0);
    assertThat(pop.lambdaBarMean()).isEqualTo(1.25);
  }
}
