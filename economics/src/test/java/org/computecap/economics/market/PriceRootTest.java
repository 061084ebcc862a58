package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PriceRootTest {
  private static final double TOLERANCE = 1e-12;

  @Property(tries = 300)
  void a_smooth_demand_is_solved_to_the_tolerance_from_any_start(
      @ForAll @DoubleRange(min = -6, max = 9) double logRoot,
      @ForAll @DoubleRange(min = -6, max = 9) double logStart) {
    double root = Math.pow(10, logRoot);
    double p = PriceRoot.find(price -> root / price - 1.0, Math.pow(10, logStart), TOLERANCE);
    assertThat(Math.abs(Math.log(p / root))).isLessThanOrEqualTo(TOLERANCE);
  }

  @Property(tries = 300)
  void a_demand_that_jumps_is_solved_to_the_tolerance(
      @ForAll @DoubleRange(min = -6, max = 9) double logRoot,
      @ForAll @DoubleRange(min = -6, max = 9) double logStart) {
    double root = Math.pow(10, logRoot);
    // Excess 5 below the root, -3 at and above it: no slope for regula falsi to use.
    double p = PriceRoot.find(price -> price < root ? 5.0 : -3.0, Math.pow(10, logStart), 1e-9);
    assertThat(Math.abs(Math.log(p / root))).isLessThanOrEqualTo(1e-9);
  }

  @Test
  void a_smooth_demand_takes_far_fewer_evaluations_than_bisection() {
    AtomicInteger calls = new AtomicInteger();
    // Demand 1000·p^-0.5 against 20 permits: the root is 2500.
    DoubleUnaryOperator excess =
        price -> {
          calls.incrementAndGet();
          return 1000.0 / Math.sqrt(price) - 20.0;
        };
    double p = PriceRoot.find(excess, 2000.0, 1e-14);
    assertThat(p).isCloseTo(2500.0, within(2500.0 * 1e-13));
    // Bracketing from 2000 takes 3 evaluations; bisection in log price from a bracket of
    // width 1/8 to 1e-14 would take about 44 more.
    assertThat(calls.get()).isLessThanOrEqualTo(15);
  }

  @Test
  void a_sign_change_beyond_the_range_of_a_double_gives_nan() {
    assertThat(PriceRoot.find(price -> 1.0, 1.0, 1e-9)).isNaN();
    assertThat(PriceRoot.find(price -> -1.0, 1.0, 1e-9)).isNaN();
  }

  @Test
  void a_start_or_tolerance_that_is_not_positive_is_refused_by_name() {
    assertThatThrownBy(() -> PriceRoot.find(price -> 1.0 - price, 0.0, 1e-9))
        .hasMessageContaining("start must be finite and > 0");
    assertThatThrownBy(() -> PriceRoot.find(price -> 1.0 - price, 1.0, 0.0))
        .hasMessageContaining("tolerance must be > 0");
  }
}
