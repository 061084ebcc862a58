package org.computecap.economics.market;

/**
 * P2's competitive market for a population calibrated to observed compute (issue 18, the Epoch AI
 * scenario). Each developer i has P2's power benefit {@code v_i(c) = theta_i·c^beta/beta} with one
 * beta for all, and theta_i chosen so that its marginal value at its observed compute C_i is a
 * stated cost per unit of compute q: {@code v_i'(C_i) = q}, so {@code theta_i = q·C_i^(1-beta)}.
 * Under a risk-weighted cap a developer with multiplier lambda_i pays {@code lambda_i·p} per unit
 * of compute and runs {@code c_i(p) = C_i·(q/(lambda_i·p))^(1/(1-beta))} (P2 Eq. 5); the permits it
 * retires are {@code lambda_i·c_i(p)}. Setting their sum equal to the cap Q gives the competitive
 * price (P2 Eq. 6) in closed form:
 *
 * <pre>p = q·(sum_i lambda_i^(-beta/(1-beta))·C_i / Q)^(1-beta).</pre>
 *
 * <p>So with every lambda equal to 1 and Q the observed compute, p = q: the calibration reproduces
 * the observed allocation at the observed cost. The same numbers come out of {@link
 * MarketClearing#solve} on the population {@link #population} builds; this class is the formula a
 * reader can check by hand.
 */
public final class CalibratedPower {
  private CalibratedPower() {}

  /** {@code theta = q·C^(1-beta)}: the benefit scale whose marginal value at C is q. */
  public static double theta(double observed, double beta, double cost) {
    check(observed > 0 && Double.isFinite(observed), "observed", "finite and > 0", observed);
    check(beta > 0 && beta < 1, "beta", "in (0, 1)", beta);
    check(cost > 0 && Double.isFinite(cost), "cost", "finite and > 0", cost);
    return cost * Math.pow(observed, 1.0 - beta);
  }

  /** {@code c(p) = C·(q/(lambda·p))^(1/(1-beta))}: compute at permit price p. */
  public static double compute(
      double observed, double lambda, double beta, double cost, double price) {
    check(lambda > 0 && Double.isFinite(lambda), "lambda", "finite and > 0", lambda);
    check(price > 0 && Double.isFinite(price), "price", "finite and > 0", price);
    theta(observed, beta, cost);
    return observed * Math.pow(cost / (lambda * price), 1.0 / (1.0 - beta));
  }

  /**
   * The competitive permit price for a cap of {@code capPermits} risk-weighted units.
   *
   * @param observed each developer's observed compute C_i, in the cap's unit
   * @param lambda each developer's risk multiplier
   * @throws IllegalArgumentException naming the field and the rule
   */
  public static double price(
      double[] observed, double[] lambda, double beta, double cost, double capPermits) {
    check(observed.length == lambda.length, "lambda", "as long as observed", lambda.length);
    check(observed.length > 0, "observed", "non-empty", 0);
    check(
        capPermits > 0 && Double.isFinite(capPermits), "capPermits", "finite and > 0", capPermits);
    double sum = 0;
    for (int i = 0; i < observed.length; i++) {
      theta(observed[i], beta, cost);
      check(lambda[i] > 0 && Double.isFinite(lambda[i]), "lambda", "finite and > 0", lambda[i]);
      sum += Math.pow(lambda[i], -beta / (1.0 - beta)) * observed[i];
    }
    return cost * Math.pow(sum / capPermits, 1.0 - beta);
  }

  /** The calibrated developers as a {@link Population}, for the library's general solvers. */
  public static Population population(
      double[] observed, double[] lambda, double beta, double cost) {
    check(observed.length == lambda.length, "lambda", "as long as observed", lambda.length);
    Population.Builder b = Population.builder(observed.length);
    for (int i = 0; i < observed.length; i++) {
      b.addPower(theta(observed[i], beta, cost), beta, lambda[i]);
    }
    return b.build();
  }

  private static void check(boolean ok, String field, String rule, double value) {
    if (!ok) {
      throw new IllegalArgumentException(field + " must be " + rule + ", was " + value);
    }
  }
}
