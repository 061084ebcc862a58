package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void numbers_keep_six_significant_digits_in_plain_notation_between_1e_3_and_1e6() {
    assertThat(TextTable.number(0)).isEqualTo("0");
    assertThat(TextTable.number(10.0)).isEqualTo("10");
    assertThat(TextTable.number(Math.sqrt(10))).isEqualTo("3.16228");
    assertThat(TextTable.number(-0.0012345678)).isEqualTo("-0.00123457");
    assertThat(TextTable.number(123456.7)).isEqualTo("123457");
  }

  @Test
  void numbers_outside_the_plain_range_use_scientific_notation_without_trailing_zeros() {
    assertThat(TextTable.number(1e-4)).isEqualTo("1e-4");
    assertThat(TextTable.number(3.16227766e-4)).isEqualTo("3.16228e-4");
    assertThat(TextTable.number(2.5e7)).isEqualTo("2.5e7");
  }

  @Test
  void numeric_columns_are_right_aligned_and_text_columns_left_aligned() {
    StringWriter out = new StringWriter();
    new TextTable("name", "value").row("a", 1.5).row("longer", 100.0).print(new PrintWriter(out));

    assertThat(out.toString().lines())
        .containsExactly("name    value", "------  -----", "a         1.5", "longer    100");
  }

  // Issue 10: the console printed NaN where summary.json has null.
  @Test
  void a_missing_value_prints_as_n_a_never_as_nan() {
    assertThat(TextTable.number(Double.NaN)).isEqualTo("n/a");
    StringWriter out = new StringWriter();
    new TextTable("p", "price").row(1, 1.5).row(2, Double.NaN).print(new PrintWriter(out));
    assertThat(out.toString()).doesNotContain("NaN");
    assertThat(out.toString().lines()).contains("2    n/a");
  }
}
