package org.computecap.economics.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityTest {

  @Test
  void rows_match_hand_values_at_both_ends() {
    // a = 1, k = 1. b = 0.01: x = sqrt(1/1.01) = 0.9950371902099892, ratio = 1 - x.
    // b = 3: x = sqrt(1/4) = 0.5, ratio = 0.5.
    List<Sensitivity.Row> rows = Sensitivity.rows(1.0, 1.0, 0.01, 3.0, 5);
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).b()).isEqualTo(0.01);
    assertThat(rows.get(0).xCap()).isCloseTo(0.9950371902099892, within(1e-14));
    assertThat(rows.get(0).reductionRatio()).isCloseTo(0.004962809790010847, within(1e-14));
    assertThat(rows.get(4).b()).isEqualTo(3.0);
    assertThat(rows.get(4).xCap()).isCloseTo(0.5, within(1e-14));
    assertThat(rows.get(4).reductionRatio()).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void a_higher_price_always_cuts_compute_further() {
    List<Sensitivity.Row> rows = Sensitivity.rows(0.001, 2.0, 1e-6, 10.0, 40);
    for (int j = 1; j < rows.size(); j++) {
      assertThat(rows.get(j).b()).isGreaterThan(rows.get(j - 1).b());
      assertThat(rows.get(j).xCap()).isLessThan(rows.get(j - 1).xCap());
      assertThat(rows.get(j).reductionRatio()).isGreaterThan(rows.get(j - 1).reductionRatio());
    }
  }

  @Test
  void a_single_point_is_allowed_only_for_a_degenerate_range() {
    assertThat(Sensitivity.rows(1.0, 1.0, 0.5, 0.5, 1)).hasSize(1);
    assertThatThrownBy(() -> Sensitivity.rows(1.0, 1.0, 0.5, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points");
    assertThatThrownBy(() -> Sensitivity.rows(1.0, 1.0, 2.0, 1.0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bMax");
    assertThatThrownBy(() -> Sensitivity.rows(1.0, 1.0, 0.0, 1.0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bMin");
  }
}
