package org.computecap.economics.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.computecap.economics.efficiency.Instrument.Permit;
import org.computecap.economics.efficiency.Instrument.Tax;
import org.computecap.economics.firm.P1Firm;
import org.junit.jupiter.api.Test;

class EfficiencyChoiceTest {

  private static final double EPS = 1e-12;

  @Test
  void effort_cost_and_its_marginal_match_hand_values() {
    EffortCost cost = new EffortCost(1.0 / 3, 0.5);
    // K(1/2) = (1/3·1/4 + 1/2·1/2)/(1/2) = 2/3; K'(1/2) = (1/3·1/2·3/2 + 1/2)/(1/4) = 3.
    assertThat(cost.cost(0.5)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(cost.marginal(0.5)).isCloseTo(3.0, within(EPS));
    assertThat(cost.cost(0.0)).isZero();
    assertThat(cost.marginal(0.0)).isEqualTo(0.5);
  }

  @Test
  void interior_optimum_matches_a_hand_solved_case_below_one_half() {
    // k = 1, a = 1/2, E0 = 1, p = 1: at e = 1/2, c* = (1/(1/2 + 1/2))^(1/2) = 1 so p·E0·c* = 1,
    // and K'(1/2) = 3·kappa = 1 with kappa = 1/3: e* = 1/2, E = 1/2, energy = 1/2,
    // U = -1 - 1/2 - K(1/2) - 1/2 with K(1/2) = (1/3·1/4)/(1/2) = 1/6: U = -13/6.
    EfficiencyFirm firm = new EfficiencyFirm(0.5, 1.0, 1.0, EffortCost.quadratic(1.0 / 3));
    EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(1.0));
    assertThat(choice.effort()).isCloseTo(0.5, within(1e-12));
    assertThat(choice.compute()).isCloseTo(1.0, within(1e-12));
    assertThat(choice.energyPerCompute()).isCloseTo(0.5, within(1e-12));
    assertThat(choice.energy()).isCloseTo(0.5, within(1e-12));
    assertThat(choice.utility()).isCloseTo(-13.0 / 6, within(1e-12));
  }

  @Test
  void interior_optimum_matches_a_hand_solved_case_above_one_half() {
    // k = 1, a = 3/4, E0 = 1, p = 1: at e = 3/4, c* = (1/(3/4 + 1/4))^(1/2) = 1, and
    // K'(3/4) = kappa·(3/4)(5/4)/(1/16) = 15·kappa = 1 with kappa = 1/15: e* = 3/4, energy 1/4.
    EfficiencyFirm firm = new EfficiencyFirm(0.75, 1.0, 1.0, EffortCost.quadratic(1.0 / 15));
    EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(1.0));
    assertThat(choice.effort()).isCloseTo(0.75, within(1e-12));
    assertThat(choice.compute()).isCloseTo(1.0, within(1e-12));
    assertThat(choice.energy()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void effort_is_zero_at_price_zero_and_compute_is_p1s_no_cap_optimum() {
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 1.0, EffortCost.quadratic(1.0));
    EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(0.0));
    assertThat(choice.effort()).isZero();
    // P1: x*_nocap = (1/0.01)^(1/2) = 10.
    assertThat(choice.compute()).isCloseTo(10.0, within(EPS));
    assertThat(choice.energy()).isCloseTo(10.0, within(EPS));
  }

  @Test
  void below_the_threshold_price_nobody_invests_and_above_it_everybody_does() {
    // k = 1, a = 1/2, E0 = 1: p·c*(0) = p/(1/2 + p)^(1/2) equals phi = 1/2 at p = 1/2.
    EfficiencyFirm firm = new EfficiencyFirm(0.5, 1.0, 1.0, new EffortCost(1.0, 0.5));
    assertThat(EfficiencyChoice.investmentThreshold(firm)).isCloseTo(0.5, within(1e-12));
    assertThat(EfficiencyChoice.optimum(firm, new Tax(0.5)).effort()).isZero();
    assertThat(EfficiencyChoice.optimum(firm, new Tax(0.49)).effort()).isZero();
    assertThat(EfficiencyChoice.optimum(firm, new Tax(0.51)).effort()).isPositive();
    EfficiencyFirm noThreshold = new EfficiencyFirm(0.5, 1.0, 1.0, EffortCost.quadratic(1.0));
    assertThat(EfficiencyChoice.investmentThreshold(noThreshold)).isZero();
  }

  @Test
  void a_developer_with_no_energy_to_save_never_invests() {
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 0.0, new EffortCost(1.0, 0.1));
    EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(1e6));
    assertThat(choice.effort()).isZero();
    assertThat(choice.energy()).isZero();
    assertThat(choice.compute()).isEqualTo(P1Firm.noCapCompute(0.01, 1.0));
    assertThat(EfficiencyChoice.investmentThreshold(firm)).isInfinite();
  }

  @Test
  void a_huge_effort_cost_drives_effort_to_zero() {
    // With kappa large, e* ~ p·E0·c*(0)/K''(0) = 0.01·(1/0.02)^(1/2)/(2·1e9) = 3.5355e-11.
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 1.0, EffortCost.quadratic(1e9));
    double e = EfficiencyChoice.optimum(firm, new Tax(0.01)).effort();
    assertThat(e).isCloseTo(0.01 * Math.sqrt(50.0) / 2e9, withinPercentage(1e-6));
    assertThat(EfficiencyChoice.optimum(firm.withCost(EffortCost.quadratic(1e15)), new Tax(0.01)))
        .extracting(EfficiencyChoice.Choice::effort)
        .satisfies(tiny -> assertThat(tiny).isPositive().isLessThan(1e-16));
  }

  @Test
  void an_unbounded_price_drives_effort_to_one_and_energy_to_zero() {
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 1.0, EffortCost.quadratic(1.0));
    double previousEffort = 0.0;
    double previousEnergy = Double.POSITIVE_INFINITY;
    for (double p = 1.0; p <= 1e12; p *= 100) {
      EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(p));
      assertThat(choice.effort()).isGreaterThan(previousEffort).isLessThan(1.0);
      assertThat(choice.energy()).isLessThan(previousEnergy);
      assertThat(EfficiencyChoice.marginalValueOfEffort(firm, choice.effort(), p))
          .isCloseTo(0.0, within(1e-6 * firm.cost().marginal(choice.effort())));
      previousEffort = choice.effort();
      previousEnergy = choice.energy();
    }
    assertThat(previousEffort).isGreaterThan(0.999);
    assertThat(previousEnergy).isLessThan(1e-3);
  }

  @Test
  void a_permit_price_and_an_equal_tax_give_the_same_choice_and_differ_by_the_allocation() {
    EfficiencyFirm firm = new EfficiencyFirm(0.01, 1.0, 1.0, EffortCost.quadratic(1.0));
    EfficiencyChoice.Choice taxed = EfficiencyChoice.optimum(firm, new Tax(0.03));
    EfficiencyChoice.Choice permitted = EfficiencyChoice.optimum(firm, new Permit(0.03, 7.0));
    assertThat(permitted.compute()).isEqualTo(taxed.compute());
    assertThat(permitted.effort()).isEqualTo(taxed.effort());
    assertThat(permitted.utility() - taxed.utility()).isCloseTo(0.03 * 7.0, within(1e-12));
  }

  @Test
  void malformed_parameters_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> new EfficiencyFirm(0.0, 1.0, 1.0, EffortCost.quadratic(1.0)))
        .hasMessageContaining("a must");
    assertThatThrownBy(() -> new EfficiencyFirm(0.1, 1.0, -1.0, EffortCost.quadratic(1.0)))
        .hasMessageContaining("energy0 must");
    assertThatThrownBy(() -> new EfficiencyFirm(0.1, 1.0, 1.0, null))
        .hasMessageContaining("cost must");
    assertThatThrownBy(() -> new EffortCost(0.0, 0.0)).hasMessageContaining("kappa + phi");
    assertThatThrownBy(() -> new EffortCost(Double.NaN, 0.0)).hasMessageContaining("kappa must");
    assertThatThrownBy(() -> EffortCost.quadratic(1.0).cost(1.0))
        .hasMessageContaining("effort must be in [0, 1)");
    assertThatThrownBy(() -> new Tax(-1.0)).hasMessageContaining("rate must");
    assertThatThrownBy(() -> new Permit(1.0, -2.0)).hasMessageContaining("freeAllocation must");
    assertThatThrownBy(() -> new Permit(Double.POSITIVE_INFINITY, 0.0))
        .hasMessageContaining("price must");
  }
}
