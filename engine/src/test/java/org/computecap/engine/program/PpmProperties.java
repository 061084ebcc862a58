package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The long fast path of {@link Ppm} agrees with plain big-number arithmetic everywhere, including
 * products just below and far beyond 63 bits, where it must fall back.
 */
class PpmProperties {
  private static final BigInteger ONE = BigInteger.valueOf(Ppm.ONE);

  @Property(tries = 2_000)
  void mul_div_floor_is_the_exact_floor(
      @ForAll @LongRange(min = 0) long a,
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long b,
      @ForAll @LongRange(min = 1) long c) {
    BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(big(c));
    if (exact.bitLength() < 64) {
      assertThat(Ppm.mulDivFloor(a, b, c)).isEqualTo(exact.longValue());
    } else {
      assertThatThrownBy(() -> Ppm.mulDivFloor(a, b, c)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Property(tries = 2_000)
  void floor_and_ceil_of_a_share_are_the_exact_ones(
      @ForAll @LongRange(min = 0) long amount,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long ppm) {
    BigInteger[] qr = big(amount).multiply(big(ppm)).divideAndRemainder(ONE);
    BigInteger ceil = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    if (ceil.bitLength() < 64) {
      assertThat(Ppm.floorOf(amount, ppm)).isEqualTo(qr[0].longValueExact());
      assertThat(Ppm.ceilOf(amount, ppm)).isEqualTo(ceil.longValueExact());
    } else {
      assertThatThrownBy(() -> Ppm.ceilOf(amount, ppm)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Property
  void products_at_the_edge_of_63_bits_take_the_right_path(
      @ForAll @LongRange(min = 2, max = 1_000_000) long ppm) {
    long amount = Long.MAX_VALUE / ppm;
    BigInteger exact = big(amount).multiply(big(ppm)).divide(ONE);
    assertThat(Ppm.floorOf(amount, ppm)).isEqualTo(exact.longValueExact());
    assertThat(Ppm.floorOf(amount + 1, ppm))
        .isEqualTo(big(amount + 1).multiply(big(ppm)).divide(ONE).longValueExact());
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
