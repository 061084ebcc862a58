package org.computecap.economics.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** P2 Prop 9 and the safety-effort extension as properties. */
class InsuranceProperties {

  @Property
  void insurance_strictly_lowers_the_manipulation_threshold_when_delta_is_positive(
      @ForAll @Scale(8) @DoubleRange(min = 0.001, max = 1000) double p,
      @ForAll @Scale(8) @DoubleRange(min = 1.01, max = 100) double alpha,
      @ForAll @Scale(8) @DoubleRange(min = 0.001, max = 1e6) double c,
      @ForAll @Scale(8) @DoubleRange(min = 1e-6, max = 1e4) double delta) {
    double without = ManipulationIncentive.thresholdWithout(p, alpha, c);
    double with = ManipulationIncentive.thresholdWith(p, alpha, c, delta);
    assertThat(with).isLessThan(without).isGreaterThanOrEqualTo(0.0);
    assertThat(ManipulationIncentive.thresholdWith(p, alpha, c, 0.0)).isEqualTo(without);
  }

  @Property
  void optimal_effort_is_a_share_and_minimises_expected_cost(
      @ForAll @Scale(8) @DoubleRange(min = 0, max = 100) double p,
      @ForAll @Scale(8) @DoubleRange(min = 1, max = 20) double alpha,
      @ForAll @Scale(8) @DoubleRange(min = 0, max = 1) double theta,
      @ForAll @Scale(8) @DoubleRange(min = 0, max = 100) double c,
      @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 1e5) double kappa) {
    double e = SafetyEffort.optimal(p, alpha, theta, c, kappa);
    assertThat(e).isBetween(0.0, 1.0);
    double best = cost(e, p, alpha, theta, c, kappa);
    for (int j = 0; j <= 100; j++) {
      double other = cost(j / 100.0, p, alpha, theta, c, kappa);
      assertThat(best).isLessThanOrEqualTo(other + 1e-9 * Math.max(1.0, other));
    }
  }

  // Permit cost at the expected multiplier plus effort cost: the developer's objective.
  private static double cost(
      double e, double p, double alpha, double theta, double c, double kappa) {
    double lambdaBar = 1 + (alpha - 1) * theta * (1 - e);
    return p * lambdaBar * c + kappa * e * e / 2;
  }
}
