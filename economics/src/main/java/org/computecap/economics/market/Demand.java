package org.computecap.economics.market;

/**
 * A price-taking developer's compute demand (P2 Eq. 5): {@code c_i(p)} solves {@code v_i'(c) =
 * p·lambdaBar_i}. Closed forms: POWER {@code (theta/(p·lambdaBar))^(1/(1-beta))}, LOG {@code
 * theta/(p·lambdaBar)}, P1 {@code (k/(a + p·lambdaBar))^(1/(k+1))}. Demand is infinite at p = 0
 * except for P1 with a &gt; 0.
 *
 * <p>The elasticity {@code d ln c / d ln p} is also given, because the market-clearing Newton
 * iteration works in log-price space where it is the natural derivative.
 */
public final class Demand {

  private Demand() {}

  /** Compute demanded by developer {@code i} at permit price {@code price} >= 0. */
  public static double compute(Population pop, int i, double price) {
    if (!(price >= 0.0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be finite and >= 0, was " + price);
    }
    return of(
        pop.family[i], pop.theta[i], pop.beta[i], pop.k[i], pop.a[i], pop.lambdaBar[i], price);
  }

  /** {@code d ln c_i / d ln p} at {@code price} > 0: always negative. */
  public static double elasticity(Population pop, int i, double price) {
    if (!(price > 0.0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be finite and > 0, was " + price);
    }
    return elasticity(pop.family[i], pop.beta[i], pop.k[i], pop.a[i], pop.lambdaBar[i], price);
  }

  static double of(
      byte family, double theta, double beta, double k, double a, double lambdaBar, double price) {
    double marginalCost = price * lambdaBar;
    switch (family) {
      case BenefitFamily.POWER_CODE:
        return Math.pow(theta / marginalCost, 1.0 / (1.0 - beta));
      case BenefitFamily.LOG_CODE:
        return theta / marginalCost;
      case BenefitFamily.P1_CODE:
        return Math.pow(k / (a + marginalCost), 1.0 / (k + 1.0));
      default:
        throw new AssertionError("unknown benefit family code " + family);
    }
  }

  static double elasticity(
      byte family, double beta, double k, double a, double lambdaBar, double price) {
    switch (family) {
      case BenefitFamily.POWER_CODE:
        return -1.0 / (1.0 - beta);
      case BenefitFamily.LOG_CODE:
        return -1.0;
      case BenefitFamily.P1_CODE:
        double marginalCost = price * lambdaBar;
        return -marginalCost / ((a + marginalCost) * (k + 1.0));
      default:
        throw new AssertionError("unknown benefit family code " + family);
    }
  }
}
