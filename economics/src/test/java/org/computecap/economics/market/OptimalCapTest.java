package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimalCapTest {

  // 20 developers at theta 0.6 and 20 at 1.4, POWER beta 1/2, lambda 1: the population of the
  // policy search's theory check (sim's PolicySearchTheoryTest).
  private static Population twoTypes() {
    Population.Builder b = Population.builder();
    for (int i = 0; i < 20; i++) {
      b.addPower(0.6, 0.5, 1.0);
      b.addPower(1.4, 0.5, 1.0);
    }
    return b.build();
  }

  @Test
  void the_planners_cap_for_power_half_is_the_sum_of_squared_thetas_over_the_damage_squared() {
    // c_i(d) = (theta_i/d)^2, so Q* = (20·0.36 + 20·1.96)/0.025^2 = 46.4/0.000625 = 74,240.
    assertThat(OptimalCap.plannerCap(twoTypes(), 0.025)).isCloseTo(74_240.0, within(1e-6));
  }

  @Test
  void the_planners_cap_for_log_benefits_is_the_sum_of_thetas_over_the_damage_risk_weighted() {
    // LOG: c_i(d) = theta_i/(lambda_i·d), so lambda_i·c_i = theta_i/d: (3 + 2)/0.5 = 10.
    Population pop = Population.builder().addLog(3.0, 1.5).addLog(2.0, 1.0).build();
    assertThat(OptimalCap.plannerCap(pop, 0.5)).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void at_the_planners_cap_the_independent_planner_prices_the_cap_at_the_marginal_damage() {
    double cap = OptimalCap.plannerCap(twoTypes(), 0.025);
    assertThat(Planner.solve(twoTypes(), cap).shadowPrice()).isCloseTo(0.025, within(1e-9));
  }

  @Test
  void net_welfare_is_highest_at_the_planners_cap_with_the_hand_worked_value() {
    Population pop = twoTypes();
    double cap = OptimalCap.plannerCap(pop, 0.025);
    // W(Q) = 2·sqrt(A·Q) with A = 46.4, so W(Q*) - d·Q* = A/d = 1,856 utility.
    assertThat(OptimalCap.netWelfare(pop, cap, 0.025)).isCloseTo(1856.0, within(1e-6));
    for (double f : new double[] {0.5, 0.9, 0.99, 1.01, 1.1, 2.0}) {
      assertThat(OptimalCap.netWelfare(pop, cap * f, 0.025))
          .isLessThan(OptimalCap.netWelfare(pop, cap, 0.025));
    }
  }

  @Test
  void a_damage_that_is_not_positive_and_finite_is_refused_by_name() {
    assertThatThrownBy(() -> OptimalCap.plannerCap(twoTypes(), 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("marginalDamage");
    assertThatThrownBy(() -> OptimalCap.netWelfare(twoTypes(), 1.0, Double.NaN))
        .hasMessageContaining("marginalDamage");
  }
}
