package org.computecap.economics.audit;

/**
 * Standard normal CDF to near double precision, since the JDK has no erf. For |x| < 3 it sums the
 * all-positive series {@code erf(x) = 2/sqrt(pi)·e^(-x^2)·sum 2^n x^(2n+1)/(2n+1)!!}; beyond that
 * it evaluates the continued fraction of erfc with Lentz's method. Both avoid cancellation, so
 * tails keep their relative accuracy.
 */
public final class Normal {

  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double TINY = 1e-300;

  private Normal() {}

  /** {@code Phi(z) = Pr(Z <= z)} for standard normal Z. */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    double x = Math.abs(z) / Math.sqrt(2.0);
    double upperTail = 0.5 * erfc(x);
    return z >= 0 ? 1.0 - upperTail : upperTail;
  }

  /** The standard normal density {@code phi(z) = e^(-z^2/2)/sqrt(2 pi)}. */
  public static double pdf(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2.0 * Math.PI);
  }

  /** {@code erfc(x)} for x >= 0. */
  static double erfc(double x) {
    if (x < 3.0) {
      return 1.0 - erfSeries(x);
    }
    if (x > 27.0) {
      return 0.0;
    }
    return erfcContinuedFraction(x);
  }

  private static double erfSeries(double x) {
    double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 200; n++) {
      term *= 2.0 * x2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return 2.0 / SQRT_PI * Math.exp(-x2) * sum;
  }

  // erfc(x) = e^(-x^2)/sqrt(pi) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))).
  private static double erfcContinuedFraction(double x) {
    double f = x;
    double c = x;
    double d = 0.0;
    for (int n = 1; n < 500; n++) {
      double an = n / 2.0;
      d = x + an * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = x + an / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / SQRT_PI / f;
  }
}
