package org.computecap.economics.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.efficiency.AllocationRule.Benchmarking;
import org.computecap.economics.efficiency.AllocationRule.Grandfathering;
import org.computecap.economics.efficiency.Instrument.Tax;
import org.junit.jupiter.api.Test;

class DynamicInvestmentTest {

  @Test
  void returned_share_matches_hand_values() {
    // delta = 0.8, lambda = 0.5, T = 3: sigma_2 = 0, sigma_1 = 0.8·0.5 = 0.4,
    // sigma_0 = 0.8·(0.5 + 0.5·0.4) = 0.56.
    assertThat(new Grandfathering(0.5).returnedShare(0.8, 3))
        .containsExactly(new double[] {0.56, 0.4, 0.0}, within(1e-15));
    assertThat(new Benchmarking().returnedShare(0.8, 3)).containsOnly(0.0);
  }

  @Test
  void full_updating_without_discount_matches_a_hand_solved_two_period_case() {
    // T = 2, lambda = 1, r = 0: sigma = (1, 0) so p_0 = 0 and p_1 = p = 3/2. With k = 1, a = 1/4,
    // E0 = 1 and e = 1/2: c_1 = (1/(1/4 + 3/4))^(1/2) = 1, the mean saving (0 + 3/2·1)/2 = 3/4
    // equals K'(1/2) = 3·kappa with kappa = 1/4: e* = 1/2, and c_0 is P1's no-cap compute 2.
    EfficiencyFirm firm = new EfficiencyFirm(0.25, 1.0, 1.0, EffortCost.quadratic(0.25));
    DynamicInvestment.Plan plan =
        DynamicInvestment.optimum(firm, 1.5, 0.0, 2, new Grandfathering(1));
    assertThat(plan.effort()).isCloseTo(0.5, within(1e-12));
    assertThat(plan.effectivePrice()).containsExactly(0.0, 1.5);
    assertThat(plan.compute().get(0)).isCloseTo(2.0, within(1e-12));
    assertThat(plan.compute().get(1)).isCloseTo(1.0, within(1e-12));
    assertThat(plan.energy(1)).isCloseTo(0.5, within(1e-12));
    // Benchmarking keeps the full price in both periods and so invests more.
    double benchmark = DynamicInvestment.optimum(firm, 1.5, 0.0, 2, new Benchmarking()).effort();
    assertThat(benchmark).isGreaterThan(0.5);
    assertThat(benchmark)
        .isCloseTo(EfficiencyChoice.optimum(firm, new Tax(1.5)).effort(), within(1e-12));
  }

  @Test
  void a_single_period_is_the_static_choice_whatever_the_rule() {
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 1.0, EffortCost.quadratic(1.0));
    double staticEffort = EfficiencyChoice.optimum(firm, new Tax(0.1)).effort();
    assertThat(DynamicInvestment.optimum(firm, 0.1, 0.05, 1, new Grandfathering(1)).effort())
        .isEqualTo(staticEffort);
  }

  @Test
  void present_value_follows_the_allocation_rule_by_hand() {
    // k = 1, a = 1, E0 = 1, kappa = 1, e = 0 (no upkeep), c = (1, 1), p = 2, r = 0, A_0 = 3,
    // lambda = 1/2: period 0: -1 - 1 + 2·(3 - 1) = 2; A_1 = 1.5 + 0.5 = 2;
    // period 1: -1 - 1 + 2·(2 - 1) = 0; PV = 2.
    EfficiencyFirm firm = new EfficiencyFirm(1.0, 1.0, 1.0, EffortCost.quadratic(1.0));
    double pv =
        DynamicInvestment.presentValue(
            firm, 2.0, 0.0, new Grandfathering(0.5), 3.0, 0.0, new double[] {1.0, 1.0});
    assertThat(pv).isCloseTo(2.0, within(1e-15));
  }

  @Test
  void malformed_parameters_are_rejected_naming_the_field() {
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 1.0, EffortCost.quadratic(1.0));
    assertThatThrownBy(() -> new Grandfathering(1.5)).hasMessageContaining("updateShare");
    assertThatThrownBy(() -> DynamicInvestment.optimum(firm, 0.1, -0.1, 2, new Benchmarking()))
        .hasMessageContaining("discountRate");
    assertThatThrownBy(() -> DynamicInvestment.optimum(firm, 0.1, 0.1, 0, new Benchmarking()))
        .hasMessageContaining("horizon");
    assertThatThrownBy(() -> DynamicInvestment.optimum(firm, -0.1, 0.1, 2, new Benchmarking()))
        .hasMessageContaining("price");
    assertThatThrownBy(() -> DynamicInvestment.optimum(firm, 0.1, 0.1, 2, null))
        .hasMessageContaining("rule");
  }
}
