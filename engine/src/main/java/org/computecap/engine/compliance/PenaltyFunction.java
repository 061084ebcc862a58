package org.computecap.engine.compliance;

/**
 * P2's convex penalty {@code phi(D) = linear·D + quadratic·D^2} in cents, for a shortfall of D
 * whole permits. Exact; a value beyond {@code Long.MAX_VALUE} cents (about 92 quadrillion dollars,
 * more than any balance) saturates there instead of overflowing, because the engine charges at most
 * the cash an account holds and must never fail after it starts mutating.
 */
public final class PenaltyFunction {
  private PenaltyFunction() {}

  /** {@code phi(D)} in cents. */
  public static long phiCents(
      long linearCentsPerPermit, long quadraticCentsPerPermitSquared, long shortfallPermits) {
    if (shortfallPermits < 0) {
      throw new IllegalArgumentException("shortfallPermits: " + shortfallPermits + " is below 0");
    }
    if (linearCentsPerPermit < 0 || quadraticCentsPerPermitSquared < 0) {
      throw new IllegalArgumentException(
          "penalty coefficients must be at least 0 but are "
              + linearCentsPerPermit
              + " and "
              + quadraticCentsPerPermitSquared);
    }
    long d = shortfallPermits;
    long linear = saturatingProduct(linearCentsPerPermit, d);
    long quadratic = saturatingProduct(quadraticCentsPerPermitSquared, saturatingProduct(d, d));
    long sum = linear + quadratic;
    return linear == Long.MAX_VALUE || quadratic == Long.MAX_VALUE || sum < 0
        ? Long.MAX_VALUE
        : sum;
  }

  /** {@code a · b} for non-negative a and b, or {@code Long.MAX_VALUE} when it overflows. */
  private static long saturatingProduct(long a, long b) {
    long low = a * b;
    return Math.multiplyHigh(a, b) != 0 || low < 0 ? Long.MAX_VALUE : low;
  }
}
