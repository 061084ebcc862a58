package org.computecap.economics.firm;

/**
 * The single rational firm of P1 Sec 5: utility {@code u(x) = -x^(-k) - a·x} over inference compute
 * x, optionally with a quota F tradable at price b. Implements the KKT result {@code x*_cap =
 * (k/(a+b))^(1/(k+1)) < x*_nocap = (k/a)^(1/(k+1))} (SPEC §8).
 *
 * <p>Pure closed forms. Inputs are validated so that every result is finite and positive: a &gt; 0
 * keeps the no-cap optimum finite, k &gt; 0 keeps returns diminishing, b &gt;= 0 because a negative
 * permit price would be a subsidy, not a cap.
 */
public final class P1Firm {

  private P1Firm() {}

  /** Optimal compute with no cap: the zero of {@code u'(x) = k·x^(-k-1) - a}. */
  public static double noCapCompute(double a, double k) {
    requirePositive("a", a);
    requirePositive("k", k);
    return Math.pow(k / a, 1.0 / (k + 1.0));
  }

  /** Optimal compute when each unit also costs the permit price b (opportunity cost). */
  public static double capCompute(double a, double b, double k) {
    requirePositive("a", a);
    requireNonNegative("b", b);
    requirePositive("k", k);
    return Math.pow(k / (a + b), 1.0 / (k + 1.0));
  }

  /** Optimal trade {@code y* = F - x*_cap}: positive sells surplus permits, negative buys. */
  public static double trade(double quotaF, double a, double b, double k) {
    requireNonNegative("quotaF", quotaF);
    return quotaF - capCompute(a, b, k);
  }

  /**
   * Share of no-cap compute that the cap removes, {@code 1 - x_cap/x_nocap} = {@code 1 -
   * (a/(a+b))^(1/(k+1))}; in [0, 1), zero exactly when b = 0.
   */
  public static double reductionRatio(double a, double b, double k) {
    requirePositive("a", a);
    requireNonNegative("b", b);
    requirePositive("k", k);
    // Written through the ratio a/(a+b) so it stays accurate when b is tiny.
    return -Math.expm1(Math.log1p(-b / (a + b)) / (k + 1.0));
  }

  static void requirePositive(String field, double value) {
    if (!(value > 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
    }
  }

  static void requireNonNegative(String field, double value) {
    if (!(value >= 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
    }
  }
}
