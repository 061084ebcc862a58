package org.computecap.engine.allocation;

import java.math.BigInteger;

/**
 * An exact non-negative rational number, kept in lowest terms with a positive denominator.
 * Allocation multiplies outputs, energy intensities and factors; doing that exactly and flooring
 * once at the end is the only way every participant's permits are reproducible bit for bit and the
 * budget is never exceeded by rounding. Not a hot path.
 */
public record Fraction(BigInteger numerator, BigInteger denominator)
    implements Comparable<Fraction> {
  public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

  public Fraction {
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("denominator: " + denominator + " must be above 0");
    }
    if (numerator.signum() < 0) {
      throw new IllegalArgumentException("numerator: " + numerator + " is below 0");
    }
    BigInteger g = numerator.gcd(denominator);
    if (g.signum() > 0 && !g.equals(BigInteger.ONE)) {
      numerator = numerator.divide(g);
      denominator = denominator.divide(g);
    }
  }

  public static Fraction of(long numerator, long denominator) {
    return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  public static Fraction whole(long value) {
    return of(value, 1);
  }

  public Fraction plus(Fraction o) {
    return new Fraction(
        numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Fraction minus(Fraction o) {
    return new Fraction(
        numerator.multiply(o.denominator).subtract(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Fraction times(Fraction o) {
    return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  public Fraction dividedBy(Fraction o) {
    if (o.numerator.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
  }

  /** The largest whole number not above this value, as a long (throws if it does not fit). */
  public long floor() {
    return numerator.divide(denominator).longValueExact();
  }

  /** This value less its floor, in {@code [0, 1)}. */
  public Fraction fractionalPart() {
    return new Fraction(numerator.mod(denominator), denominator);
  }

  public boolean isZero() {
    return numerator.signum() == 0;
  }

  @Override
  public int compareTo(Fraction o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
