package org.computecap.engine.compliance;

import java.math.BigInteger;

/**
 * P2's convex penalty {@code phi(D) = linear·D + quadratic·D^2} in cents, for a shortfall of
 * D whole permits. Exact; a value beyond {@code Long.MAX_VALUE} cents (about 92 quadrillion
 * dollars, more than any balance) saturates there instead of overflowing, because the engine
 * charges at most the cash an account holds and must never fail after it starts mutating.
 */
public final class PenaltyFunction {
  private PenaltyFunction() {}

  /** {@code phi(D)} in cents. */
  public static long phiCents(long linearCentsPerPermit, long quadraticCentsPerPermitSquared,
      long shortfallPermits) {
    if (shortfallPermits < 0) {
      throw new IllegalArgumentException(
          "shortfallPermits: " + shortfallPermits + " is below 0");
    }
    if (linearCentsPerPermit < 0 || quadraticCentsPerPermitSquared < 0) {
      throw new IllegalArgumentException("penalty coefficients must be at least 0 but are "
          + linearCentsPerPermit + " and " + quadraticCentsPerPermitSquared);
    }
    BigInteger d = BigInteger.valueOf(shortfallPermits);
    BigInteger phi = BigInteger.valueOf(linearCentsPerPermit).multiply(d)
        .add(BigInteger.valueOf(quadraticCentsPerPermitSquared).multiply(d).multiply(d));
    return phi.bitLength() < 64 ? phi.longValue() : Long.MAX_VALUE;
  }
}
