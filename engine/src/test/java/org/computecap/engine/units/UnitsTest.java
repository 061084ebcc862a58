package org.computecap.engine.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void price_times_quantity_is_exact_money() {
    assertThat(Price.ofCents(1_250).times(Permits.of(3))).isEqualTo(Money.ofCents(3_750));
  }

  @Test
  void overflow_throws_instead_of_wrapping() {
    assertThatThrownBy(() -> Price.ofCents(Long.MAX_VALUE).times(Permits.of(2)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Permits.of(Long.MAX_VALUE).plus(Permits.of(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void negative_quantities_are_refused_with_the_field_named() {
    assertThatThrownBy(() -> Permits.of(-1)).hasMessageContaining("permits must be >= 0");
    assertThatThrownBy(() -> Money.ofCents(5).minus(Money.ofCents(6)))
        .hasMessageContaining("money must be >= 0");
    assertThatThrownBy(() -> Price.ofCents(-3)).hasMessageContaining("price must be >= 0");
  }

  @Test
  void money_prints_as_units_and_cents() {
    assertThat(Money.ofCents(1205)).hasToString("12.05");
    assertThat(Price.ofCents(7)).hasToString("0.07/permit");
  }
}
