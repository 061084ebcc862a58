package org.computecap.economics.market;

/**
 * The benefit functions v(c) a developer can have (P2 Sec 3.1 and SPEC §8): each is strictly
 * increasing and concave with v'(c) -> 0 as c grows. POWER and LOG also satisfy v'(0) = inf (P2's
 * assumption), so their demand is infinite at a zero price; P1 has v'(0) finite only through its
 * cost term, so its demand at p = 0 is finite when a > 0.
 *
 * <p>The families are stored in {@link Population} as their {@link #code()} in a byte array, so the
 * solvers switch on a byte in tight loops instead of touching enum objects.
 */
public enum BenefitFamily {
  /** {@code v(c) = theta·c^beta/beta}, 0 &lt; beta &lt; 1. */
  POWER,
  /** {@code v(c) = theta·ln c}. */
  LOG,
  /** {@code v(c) = -c^(-k) - a·c} (P1 Sec 5). */
  P1;

  static final byte POWER_CODE = 0;
  static final byte LOG_CODE = 1;
  static final byte P1_CODE = 2;

  private static final BenefitFamily[] BY_CODE = values();

  /** The stable byte stored for this family in {@link Population}. */
  public byte code() {
    return (byte) ordinal();
  }

  /** The family stored as {@code code}. */
  public static BenefitFamily fromCode(byte code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException(
          "family code must be in [0, " + (BY_CODE.length - 1) + "], was " + code);
    }
    return BY_CODE[code];
  }

  /** {@code v(c)} of this family; parameters the family does not use are ignored. */
  public double value(double theta, double beta, double k, double a, double compute) {
    return value(code(), theta, beta, k, a, compute);
  }

  /** The marginal benefit {@code v'(c)} of this family; unused parameters are ignored. */
  public double marginal(double theta, double beta, double k, double a, double compute) {
    return marginal(code(), theta, beta, k, a, compute);
  }

  static double marginal(byte family, double theta, double beta, double k, double a, double c) {
    switch (family) {
      case POWER_CODE:
        return theta * Math.pow(c, beta - 1.0);
      case LOG_CODE:
        return theta / c;
      case P1_CODE:
        return k * Math.pow(c, -k - 1.0) - a;
      default:
        throw new AssertionError("unknown benefit family code " + family);
    }
  }

  static double value(byte family, double theta, double beta, double k, double a, double c) {
    switch (family) {
      case POWER_CODE:
        return theta * Math.pow(c, beta) / beta;
      case LOG_CODE:
        return theta * Math.log(c);
      case P1_CODE:
        return -Math.pow(c, -k) - a * c;
      default:
        throw new AssertionError("unknown benefit family code " + family);
    }
  }
}
