package org.computecap.economics.firm;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** P1 Sec 5 KKT result as properties over many orders of magnitude of a, b and k. */
class P1FirmProperties {

  @Property
  void capped_compute_is_strictly_below_no_cap_compute_for_any_positive_price(
      @ForAll @DoubleRange(min = -6, max = 6) double log10A,
      @ForAll @DoubleRange(min = -6, max = 6) double log10PriceOverCost,
      @ForAll @DoubleRange(min = -2, max = 2) double log10K) {
    double a = Math.pow(10, log10A);
    double b = a * Math.pow(10, log10PriceOverCost);
    double k = Math.pow(10, log10K);
    assertThat(P1Firm.capCompute(a, b, k)).isLessThan(P1Firm.noCapCompute(a, k));
    assertThat(P1Firm.reductionRatio(a, b, k)).isGreaterThan(0.0).isLessThan(1.0);
  }

  @Property
  void capped_compute_tends_to_no_cap_compute_as_the_price_vanishes(
      @ForAll @DoubleRange(min = -6, max = 6) double log10A,
      @ForAll @DoubleRange(min = -12, max = 0) double log10PriceOverCost,
      @ForAll @DoubleRange(min = -2, max = 2) double log10K) {
    double a = Math.pow(10, log10A);
    double b = a * Math.pow(10, log10PriceOverCost);
    double k = Math.pow(10, log10K);
    // 1 - (1 - t)^(1/(k+1)) <= t with t = b/(a+b): the gap closes at least linearly in b.
    double ratio = P1Firm.reductionRatio(a, b, k);
    assertThat(ratio).isLessThanOrEqualTo(b / (a + b) * (1 + 1e-12));
    double halfPriceRatio = P1Firm.reductionRatio(a, b / 2, k);
    assertThat(halfPriceRatio).isLessThan(ratio);
    double xNoCap = P1Firm.noCapCompute(a, k);
    double xCap = P1Firm.capCompute(a, b, k);
    assertThat((xNoCap - xCap) / xNoCap).isLessThanOrEqualTo(b / (a + b) + 1e-14);
  }

  @Property
  void quota_splits_into_own_compute_plus_trade(
      @ForAll @DoubleRange(min = 0, max = 1e6) double quota,
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -4, max = 0) double log10B) {
    double a = Math.pow(10, log10A);
    double b = Math.pow(10, log10B);
    double x = P1Firm.capCompute(a, b, 1.0);
    assertThat(x + P1Firm.trade(quota, a, b, 1.0))
        .isCloseTo(quota, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1.0, quota)));
  }
}
