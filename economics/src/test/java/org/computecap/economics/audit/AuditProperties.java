package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** P2 Cor 3, Prop 8 and App. A as properties over wide parameter ranges. */
class AuditProperties {

  @Property
  void best_shortfall_is_zero_exactly_when_audits_deter(
      @ForAll @Scale(8) @DoubleRange(min = 1, max = 10) double lambda,
      @ForAll @Scale(8) @DoubleRange(min = -3, max = 6) double log10Compute,
      @ForAll @Scale(8) @DoubleRange(min = -3, max = 3) double log10Price,
      @ForAll @Scale(8) @DoubleRange(min = 0.001, max = 1) double rho,
      @ForAll @Scale(8) @DoubleRange(min = -3, max = 3) double log10Linear,
      @ForAll @Scale(8) @DoubleRange(min = -4, max = 2) double log10Quadratic) {
    double c = Math.pow(10, log10Compute);
    double p = Math.pow(10, log10Price);
    double linear = Math.pow(10, log10Linear);
    double quadratic = Math.pow(10, log10Quadratic);
    double d = AuditDesign.bestShortfall(lambda, c, p, rho, linear, quadratic);
    assertThat(d == 0.0).isEqualTo(rho * linear >= p);
    assertThat(d).isBetween(0.0, lambda * c);
  }

  @Property
  void best_shortfall_beats_every_other_shortfall(
      @ForAll @Scale(8) @DoubleRange(min = 1, max = 10) double lambda,
      @ForAll @Scale(8) @DoubleRange(min = 0.1, max = 1000) double c,
      @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 100) double p,
      @ForAll @Scale(8) @DoubleRange(min = 0.001, max = 1) double rho,
      @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 100) double linear,
      @ForAll @Scale(8) @DoubleRange(min = 0.0001, max = 10) double quadratic) {
    PenaltyFunction phi = new PenaltyFunction(linear, quadratic);
    double best = AuditDesign.bestShortfall(lambda, c, p, rho, linear, quadratic);
    double bestGain = p * best - rho * phi.value(best);
    double owed = lambda * c;
    for (int j = 0; j <= 200; j++) {
      double other = owed * j / 200.0;
      double gain = p * other - rho * phi.value(other);
      assertThat(gain).isLessThanOrEqualTo(bestGain + 1e-9 * Math.max(1, p * owed));
    }
  }

  @Property
  void gaussian_noisy_audits_need_twice_the_perfect_audit_probability(
      @ForAll @Scale(8) @DoubleRange(min = -4, max = 4) double log10Price,
      @ForAll @Scale(8) @DoubleRange(min = -3, max = 4) double log10Linear,
      @ForAll @Scale(8) @DoubleRange(min = -6, max = 3) double log10Quadratic,
      @ForAll @Scale(8) @DoubleRange(min = -6, max = 6) double log10Sigma) {
    double p = Math.pow(10, log10Price);
    double linear = Math.pow(10, log10Linear);
    double quadratic = Math.pow(10, log10Quadratic);
    DetectionFunction gaussian = DetectionFunction.gaussian(Math.pow(10, log10Sigma));
    double rho = NoisyAudit.minimumAuditProbability(p, linear, quadratic, gaussian);
    assertThat(rho / (2 * p / linear)).isCloseTo(1.0, within(1e-3));
  }

  @Property
  void noisy_minimum_really_deters_every_shortfall(
      @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 100) double p,
      @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 100) double linear,
      @ForAll @Scale(8) @DoubleRange(min = 0.0001, max = 10) double quadratic,
      @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 100) double sigma) {
    DetectionFunction d = DetectionFunction.gaussian(sigma);
    PenaltyFunction phi = new PenaltyFunction(linear, quadratic);
    double rho = NoisyAudit.minimumAuditProbability(p, phi, d);
    for (double shortfall = 1e-6; shortfall < 1e6; shortfall *= 1.5) {
      double deterrence = rho * d.probability(shortfall) * phi.value(shortfall);
      assertThat(deterrence).isGreaterThanOrEqualTo(p * shortfall * (1 - 1e-12));
    }
  }
}
