package org.computecap.engine.program;

import java.math.BigInteger;

/**
 * Exact arithmetic with rates in parts per million, the engine's way of holding shares,
 * probabilities and multipliers without {@code double}. A product that fits 63 bits (nearly all of
 * them: caps, shares and prices are far below that) is divided in a {@code long}; only a larger one
 * goes through {@link BigInteger}, so {@code amount · ppm} never overflows and the common case
 * allocates nothing. Results that do not fit a {@code long} throw {@link ArithmeticException},
 * which callers prevent by validating their ranges.
 */
public final class Ppm {
  /** One whole, i.e. 100%, or a multiplier of exactly 1. */
  public static final long ONE = 1_000_000L;

  private static final BigInteger ONE_BIG = BigInteger.valueOf(ONE);

  private Ppm() {}

  /** {@code floor(amount · ppm / 10^6)} for non-negative amount and ppm. */
  public static long floorOf(long amount, long ppm) {
    return mulDivFloor(amount, ppm, ONE);
  }

  /** {@code ceil(amount · ppm / 10^6)} for non-negative amount and ppm. */
  public static long ceilOf(long amount, long ppm) {
    if (amount < 0 || ppm < 0) {
      throw new IllegalArgumentException(
          "ceilOf needs amount >= 0 and ppm >= 0 but got " + amount + ", " + ppm);
    }
    long product = amount * ppm;
    if (Math.multiplyHigh(amount, ppm) == 0 && product >= 0) {
      return product / ONE + (product % ONE > 0 ? 1 : 0);
    }
    BigInteger[] qr =
        BigInteger.valueOf(amount).multiply(BigInteger.valueOf(ppm)).divideAndRemainder(ONE_BIG);
    BigInteger q = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    return q.longValueExact();
  }

  /**
   * {@code amount} raised by {@code ratePpm} per step for {@code steps} steps, rounded half up to a
   * whole unit at every step from the previous step's rounded value: {@code v_0 = amount}, {@code
   * v_k = floor((v_{k-1} · (10^6 + rate) + 500000) / 10^6)}. This is how a regulator publishes an
   * escalating price (each year's price is last year's published price times the rate, rounded to
   * the cent), so the engine's value is the published one and not the closed form {@code amount ·
   * (1 + rate)^steps}, which may differ from it by a cent or more.
   *
   * @throws ArithmeticException when a step does not fit a {@code long} (callers bound the result)
   */
  public static long escalate(long amount, long ratePpm, int steps) {
    if (amount < 0 || ratePpm < 0 || steps < 0) {
      throw new IllegalArgumentException(
          "escalate needs amount, rate and steps >= 0 but got "
              + amount
              + ", "
              + ratePpm
              + ", "
              + steps);
    }
    long v = amount;
    if (ratePpm == 0) {
      return v;
    }
    long factor = Math.addExact(ONE, ratePpm);
    for (int k = 0; k < steps; k++) {
      v = roundHalfUp(v, factor);
    }
    return v;
  }

  /** {@code floor((v · factor + 500000) / 10^6)}: {@code v · factor / 10^6} rounded half up. */
  private static long roundHalfUp(long v, long factor) {
    long product = v * factor;
    if (Math.multiplyHigh(v, factor) == 0 && product >= 0 && product <= Long.MAX_VALUE - ONE / 2) {
      return (product + ONE / 2) / ONE;
    }
    return BigInteger.valueOf(v)
        .multiply(BigInteger.valueOf(factor))
        .add(BigInteger.valueOf(ONE / 2))
        .divide(ONE_BIG)
        .longValueExact();
  }

  /** {@code floor(a · b / c)} for non-negative a, b and positive c, exact. */
  public static long mulDivFloor(long a, long b, long c) {
    if (a < 0 || b < 0 || c <= 0) {
      throw new IllegalArgumentException(
          "mulDivFloor needs a >= 0, b >= 0, c > 0 but got " + a + ", " + b + ", " + c);
    }
    long product = a * b;
    if (Math.multiplyHigh(a, b) == 0 && product >= 0) {
      return product / c;
    }
    return BigInteger.valueOf(a)
        .multiply(BigInteger.valueOf(b))
        .divide(BigInteger.valueOf(c))
        .longValueExact();
  }
}
