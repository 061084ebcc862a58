package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * P2 Prop 2 / Cor 3 and App. A with noise, tolerance and make-good, as properties: the closed forms
 * agree with numerical integration, deterrence holds exactly when {@code rho·Psi'(0) >= p}, the
 * best shortfall beats every other, and App. A's condition is a safe (never lower) threshold.
 */
class EnforcementProperties {

  @Property(tries = 300)
  void the_expected_charge_equals_its_integral_over_the_noise(
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 20) double shortfall,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 5) double sigma,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 10) double tolerance,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 10) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double quadratic) {
    Enforcement e =
        new Enforcement(1.0, new PenaltyFunction(linear, quadratic), 0, sigma, tolerance);
    // Simpson's rule over eta in [-12 sigma, 12 sigma]; the kink of (x)+ limits it to ~1e-7.
    int steps = 20_000;
    double h = 24 * sigma / steps;
    double sum = 0;
    for (int j = 0; j <= steps; j++) {
      double eta = -12 * sigma + j * h;
      double x = Math.max(0, shortfall - tolerance + eta);
      double f = (linear * x + quadratic * x * x) * Normal.pdf(eta / sigma) / sigma;
      sum += f * (j == 0 || j == steps ? 1 : (j % 2 == 1 ? 4 : 2));
    }
    double integral = sum * h / 3;
    assertThat(e.expectedCharge(shortfall))
        .isCloseTo(integral, within(1e-6 * Math.max(1, integral)));
  }

  @Property(tries = 300)
  void the_marginal_charge_is_the_derivative_of_the_expected_charge(
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 20) double shortfall,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 5) double sigma,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 10) double tolerance,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 10) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double quadratic) {
    Enforcement e =
        new Enforcement(1.0, new PenaltyFunction(linear, quadratic), 0, sigma, tolerance);
    double h = 1e-5;
    double numeric = (e.expectedCharge(shortfall + h) - e.expectedCharge(shortfall - h)) / (2 * h);
    assertThat(e.marginalCharge(shortfall))
        .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
  }

  @Property(tries = 300)
  void no_shortfall_pays_exactly_when_rho_times_marginal_charge_at_zero_covers_the_price(
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 100) double price,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 1) double rho,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 200) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double quadratic,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 5) double sigma,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 3) double toleranceSigmas,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 50) double makeGood) {
    Enforcement e =
        new Enforcement(
            rho, new PenaltyFunction(linear, quadratic), makeGood, sigma, toleranceSigmas * sigma);
    double owed = 1000;
    double best = e.bestShortfall(owed, price);
    assertThat(best == 0.0).isEqualTo(rho * e.marginalCharge(0) >= price);
    assertThat(best == 0.0).isEqualTo(e.deters(price));
    // The gain p·D - rho·(Psi(D) - Psi(0)) at the best shortfall is at least every other's.
    double bestGain = price * best - e.expectedPenalty(best);
    for (int j = 0; j <= 100; j++) {
      double other = owed * j / 100.0;
      double gain = price * other - e.expectedPenalty(other);
      assertThat(gain).isLessThanOrEqualTo(bestGain + 1e-7 * Math.max(1, price * owed));
      if (best == 0.0) {
        assertThat(gain).isLessThanOrEqualTo(1e-7 * Math.max(1, price * owed));
      }
    }
  }

  @Property(tries = 200)
  void appendix_a_never_asks_for_fewer_audits_and_asks_for_the_same_without_a_quadratic_term(
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 100) double price,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 200) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double quadratic,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 5) double sigma,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 3) double toleranceSigmas) {
    Enforcement e =
        new Enforcement(
            1.0, new PenaltyFunction(linear, quadratic), 0, sigma, toleranceSigmas * sigma);
    double exact = e.minimumAuditProbability(price);
    double appendixA = e.appendixAMinimumAuditProbability(price);
    assertThat(appendixA).isGreaterThanOrEqualTo(exact * (1 - 1e-9));
    if (quadratic == 0) {
      assertThat(appendixA).isCloseTo(exact, within(1e-8 * exact));
    }
  }

  @Property(tries = 200)
  void more_noise_or_more_tolerance_never_lowers_the_audits_needed_without_quadratic_term(
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 100) double price,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 200) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 5) double sigma,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 5) double tolerance,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 5) double more) {
    PenaltyFunction phi = new PenaltyFunction(linear, 0);
    double base = new Enforcement(1, phi, 0, sigma, tolerance).minimumAuditProbability(price);
    double wider =
        new Enforcement(1, phi, 0, sigma, tolerance + more).minimumAuditProbability(price);
    double perfect = Enforcement.perfect(1, linear, 0).minimumAuditProbability(price);
    assertThat(wider).isGreaterThanOrEqualTo(base * (1 - 1e-12));
    assertThat(base).isGreaterThanOrEqualTo(2 * perfect * (1 - 1e-12));
  }
}
