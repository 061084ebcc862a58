package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {

  @Test
  void cdf_matches_reference_values_in_the_body_and_the_tails() {
    // Reference values from 0.5·erfc(-z/sqrt(2)) (C library erfc).
    assertThat(Normal.cdf(0.0)).isEqualTo(0.5);
    assertThat(Normal.cdf(1.0)).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(Normal.cdf(0.5)).isCloseTo(0.6914624612740131, within(1e-15));
    assertThat(Normal.cdf(2.5)).isCloseTo(0.9937903346742238, within(1e-15));
    assertThat(Normal.cdf(4.3)).isCloseTo(0.999991460094529, within(1e-15));
    assertThat(Normal.cdf(-3.0) / 0.0013498980316300957).isCloseTo(1.0, within(1e-13));
    assertThat(Normal.cdf(-5.0) / 2.866515718791946e-07).isCloseTo(1.0, within(1e-13));
    assertThat(Normal.cdf(-10.0) / 7.619853024160593e-24).isCloseTo(1.0, within(1e-13));
  }

  @Test
  void cdf_is_monotone_across_the_switch_between_series_and_continued_fraction() {
    double previous = 0.0;
    for (double z = -8.0; z <= 8.0; z += 1e-3) {
      double value = Normal.cdf(z);
      assertThat(value).isGreaterThanOrEqualTo(previous);
      previous = value;
    }
  }
}
