package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Finer risk classes: the classification, its noise and the equilibrium, worked by hand. */
class RiskClassesTest {
  private static final double EPS = 1e-9;
  // Phi(-1), to 1e-9.
  private static final double PHI_MINUS_ONE = 0.158655253931;

  @Test
  void evenly_spaced_classes_run_from_one_to_alpha_with_thresholds_midway() {
    assertThat(RiskClasses.evenlySpaced(3, 3.0)).containsExactly(1.0, 2.0, 3.0);
    assertThat(RiskClasses.thresholds(new double[] {1, 2, 3})).containsExactly(0.25, 0.75);
    // {1, 2, 3.5}: b1 = (1.5-1)/2.5 = 0.2, b2 = (2.75-1)/2.5 = 0.7.
    assertThat(RiskClasses.thresholds(new double[] {1, 2, 3.5}))
        .containsExactly(new double[] {0.2, 0.7}, within(EPS));
    assertThat(RiskClasses.evenlySpaced(2, 3.0)).containsExactly(1.0, 3.0);
  }

  @Test
  void without_noise_a_developer_is_in_the_nearest_class_for_certain() {
    double[] five = RiskClasses.evenlySpaced(5, 3.0);
    // r = 0.3 lies between the thresholds 0.125 and 0.375: class 1, multiplier 1.5; mu = 1.6.
    assertThat(RiskClasses.classOf(five, 0.3)).isEqualTo(1);
    assertThat(RiskClasses.probabilities(five, 0.3, 0.0)).containsExactly(0, 1, 0, 0, 0);
    assertThat(RiskClasses.expectedMultiplier(five, 0.3, 0.0)).isEqualTo(1.5);
    assertThat(RiskClasses.trueMultiplier(five, 0.3)).isCloseTo(1.6, within(EPS));
    assertThat(RiskClasses.misclassified(five, 0.3, 0.0)).isZero();
    // Scores beyond [0, 1] fall in the end classes.
    assertThat(RiskClasses.classOf(five, -2.0)).isZero();
    assertThat(RiskClasses.classOf(five, 7.0)).isEqualTo(4);
  }

  @Test
  void with_two_classes_the_expected_multiplier_is_p2s_with_the_noisy_signal_model() {
    double[] two = {1.0, 3.0};
    // r = 0.3, sigma = 0.2: Pr(H) = 1 - Phi((0.5-0.3)/0.2) = Phi(-1).
    double[] p = RiskClasses.probabilities(two, 0.3, 0.2);
    assertThat(p[1]).isCloseTo(PHI_MINUS_ONE, within(EPS));
    double viaP2 = RiskMultiplier.expected(3.0, 0.3, 0.0, (theta, e) -> PHI_MINUS_ONE);
    assertThat(RiskClasses.expectedMultiplier(two, 0.3, 0.2)).isCloseTo(viaP2, within(EPS));
    assertThat(viaP2).isCloseTo(1.0 + 2.0 * PHI_MINUS_ONE, within(EPS));
  }

  @Test
  void noise_spreads_a_middle_developer_symmetrically_over_three_classes() {
    double[] three = {1.0, 2.0, 3.0};
    // r = 0.5, sigma = 0.25, thresholds 0.25 and 0.75: Phi(-1) either side.
    double[] p = RiskClasses.probabilities(three, 0.5, 0.25);
    assertThat(p)
        .containsExactly(
            new double[] {PHI_MINUS_ONE, 1 - 2 * PHI_MINUS_ONE, PHI_MINUS_ONE}, within(EPS));
    assertThat(RiskClasses.expectedMultiplier(three, 0.5, 0.25)).isCloseTo(2.0, within(EPS));
    assertThat(RiskClasses.misclassified(three, 0.5, 0.25))
        .isCloseTo(2 * PHI_MINUS_ONE, within(EPS));
  }

  @Test
  void noise_pulls_the_expected_multiplier_of_an_extreme_developer_toward_the_middle() {
    double[] five = RiskClasses.evenlySpaced(5, 3.0);
    double quiet = RiskClasses.expectedMultiplier(five, 1.0, 0.0);
    double noisy = RiskClasses.expectedMultiplier(five, 1.0, 0.3);
    assertThat(quiet).isEqualTo(3.0);
    assertThat(noisy).isLessThan(quiet).isGreaterThan(RiskClasses.trueMultiplier(five, 0.5));
  }

  @Test
  void the_evaluation_cost_grows_with_the_number_of_classes() {
    assertThat(RiskClasses.evaluationCost(5, 0.01)).isCloseTo(0.05, within(EPS));
    assertThatThrownBy(() -> RiskClasses.evaluationCost(2, -1))
        .hasMessage("costPerClass must be finite and >= 0, was -1.0");
  }

  @Test
  void bad_multipliers_risks_and_noise_are_refused_by_name() {
    assertThatThrownBy(() -> RiskClasses.thresholds(new double[] {1, 1}))
        .hasMessage("multipliers[1] must be finite and above multipliers[0] = 1.0, was 1.0");
    assertThatThrownBy(() -> RiskClasses.thresholds(new double[] {0.5, 1}))
        .hasMessage("multipliers[0] must be finite and >= 1, was 0.5");
    assertThatThrownBy(() -> RiskClasses.probabilities(new double[] {1, 2}, 1.5, 0))
        .hasMessage("risk must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> RiskClasses.probabilities(new double[] {1, 2}, 0.5, -0.1))
        .hasMessage("noise must be finite and >= 0, was -0.1");
  }

  // Two LOG developers v = ln c (theta 1), cap Q = 1 on permits: the price is sum theta / Q = 2
  // and c_i = 1 / (lambda_i·2) whatever the multipliers.
  private static Population twoLog() {
    return Population.builder().addLog(1.0, 1.0).addLog(1.0, 1.0).build();
  }

  @Test
  void two_noise_free_classes_charge_true_risk_exactly_when_risk_is_zero_or_one() {
    Targeting t =
        Targeting.solve(
            twoLog(), new double[] {0, 1}, new double[] {0, 0}, new double[] {1, 3}, 1.0, 1.0, 0);
    assertThat(t.equilibrium().price()).isCloseTo(2.0, within(1e-6));
    assertThat(t.equilibrium().compute())
        .containsExactly(new double[] {0.5, 1.0 / 6}, within(1e-6));
    assertThat(t.trueRiskWeighted()).isCloseTo(1.0, within(1e-6));
    assertThat(t.trueRiskPerPermit()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void finer_classes_bring_true_risk_weighted_compute_toward_the_cap() {
    double[] risk = {0.2, 0.8};
    double[] quiet = {0, 0};
    // K = 2: lambda = 1, 3 against mu = 1.4, 2.6; c = 0.5, 1/6; T = 0.7 + 2.6/6.
    Targeting two =
        Targeting.solve(twoLog(), risk, quiet, RiskClasses.evenlySpaced(2, 3), 1.0, 1.0, 0.01);
    assertThat(two.trueRiskWeighted()).isCloseTo(0.7 + 2.6 / 6, within(1e-6));
    // ln 0.5 + ln(1/6) - 1·T - 2 developers · 0.01 · 2 classes.
    assertThat(two.netWelfare())
        .isCloseTo(Math.log(0.5) + Math.log(1.0 / 6) - (0.7 + 2.6 / 6) - 0.04, within(1e-6));
    // K = 5: lambda = 1.5, 2.5; c = 1/3, 1/5; T = 1.4/3 + 2.6/5 = 0.98667.
    Targeting five =
        Targeting.solve(twoLog(), risk, quiet, RiskClasses.evenlySpaced(5, 3), 1.0, 1.0, 0.01);
    assertThat(five.trueRiskWeighted()).isCloseTo(1.4 / 3 + 2.6 / 5, within(1e-6));
    assertThat(five.evaluationCost()).isCloseTo(0.1, within(EPS));
    // The planner charges mu = 1.4, 2.6: c = 1/2.8, 1/5.2 and T = 1 = the cap.
    Targeting planner = Targeting.planner(twoLog(), risk, RiskClasses.evenlySpaced(2, 3), 1.0, 1.0);
    assertThat(planner.trueRiskWeighted()).isCloseTo(1.0, within(1e-6));
    assertThat(planner.netWelfare())
        .isCloseTo(Math.log(1 / 2.8) + Math.log(1 / 5.2) - 1.0, within(1e-6));
    assertThat(planner.netWelfare()).isGreaterThan(five.netWelfare());
  }
}
