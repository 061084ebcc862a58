package org.computecap.economics.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Fig1Test {

  @Test
  void grid_spans_1e_minus_4_to_1e_minus_1_on_a_log_scale_with_both_ends() {
    List<Fig1.Row> rows = Fig1.rows(1.0, 4);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).a()).isEqualTo(1e-4);
    assertThat(rows.get(1).a()).isCloseTo(1e-3, within(1e-15));
    assertThat(rows.get(2).a()).isCloseTo(1e-2, within(1e-14));
    assertThat(rows.get(3).a()).isEqualTo(1e-1);
  }

  @Test
  void first_row_matches_hand_values_for_k_equal_one() {
    // a = 1e-4: x_nocap = sqrt(1e4) = 100; b = 0.01 = sqrt(a), so both capped values are
    // sqrt(1/0.0101) = 9.950371902099892.
    Fig1.Row row = Fig1.rows(1.0, 7).get(0);
    assertThat(row.xNoCap()).isCloseTo(100.0, within(1e-10));
    assertThat(row.bFixed()).isEqualTo(0.01);
    assertThat(row.bSqrt()).isCloseTo(0.01, within(1e-17));
    assertThat(row.xCapFixed()).isCloseTo(9.950371902099892, within(1e-12));
    assertThat(row.xCapSqrt()).isCloseTo(9.950371902099892, within(1e-12));
  }

  @Test
  void last_row_matches_hand_values_for_k_equal_one() {
    // a = 0.1: x_nocap = sqrt(10) = 3.1622776601683795; b = 0.01: sqrt(1/0.11) =
    // 3.0151134457776365; b = sqrt(0.1) = 0.31622776601683794: sqrt(1/0.41622776601683794)
    // = 1.55000991400714.
    Fig1.Row row = Fig1.rows(1.0, 7).get(6);
    assertThat(row.xNoCap()).isCloseTo(3.1622776601683795, within(1e-12));
    assertThat(row.xCapFixed()).isCloseTo(3.0151134457776365, within(1e-12));
    assertThat(row.bSqrt()).isCloseTo(0.31622776601683794, within(1e-15));
    assertThat(row.xCapSqrt()).isCloseTo(1.55000991400714, within(1e-12));
  }

  @Test
  void capped_compute_is_below_no_cap_compute_on_every_row() {
    for (Fig1.Row row : Fig1.rows(1.0, 50)) {
      assertThat(row.xCapFixed()).isLessThan(row.xNoCap());
      assertThat(row.xCapSqrt()).isLessThan(row.xNoCap());
    }
  }

  @Test
  void fewer_than_two_points_are_rejected() {
    assertThatThrownBy(() -> Fig1.rows(1.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points");
    assertThatThrownBy(() -> Fig1.rows(0.0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must");
  }
}
