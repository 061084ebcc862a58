package org.computecap.economics.insurance;

/**
 * Endogenous safety effort (SPEC §8 extension of P2 Sec 3.1). A developer choosing effort e pays
 * {@code p·lambdaBar(e)·c + kappa·e^2/2} with {@code lambdaBar = 1 + (alpha-1)·theta·(1-e)}; the
 * first-order condition gives {@code e* = p·(alpha-1)·theta·c/kappa}, capped at 1 because effort is
 * a share. It shows how a permit price prices safety, not only compute.
 */
public final class SafetyEffort {

  private SafetyEffort() {}

  /**
   * {@code min(1, p·(alpha-1)·theta·c/kappa)}.
   *
   * @param p permit price, >= 0
   * @param alpha high-risk multiplier, >= 1
   * @param theta hazard type, the probability of a high-risk signal at zero effort, in [0, 1]
   * @param c compute, >= 0
   * @param kappa effort cost scale, > 0
   */
  public static double optimal(double p, double alpha, double theta, double c, double kappa) {
    Arguments.nonNegative("p", p);
    Arguments.atLeastOne("alpha", alpha);
    Arguments.unitInterval("theta", theta);
    Arguments.nonNegative("c", c);
    Arguments.positive("kappa", kappa);
    return Math.min(1.0, p * (alpha - 1.0) * theta * c / kappa);
  }
}
