package org.computecap.economics.market;

import org.computecap.economics.audit.Normal;

/**
 * Finer risk classes (issue 18; P2's limitations ask for more than two evaluation signals). A
 * program charges {@code lambda_k} permits per unit of compute to a developer its evaluator places
 * in class k, {@code k = 0..K-1}, multipliers strictly increasing from {@code lambda_0 >= 1}.
 *
 * <p>The model: a developer's true risk is a number {@code r} in [0, 1], whose true multiplier, the
 * one a planner who saw r would charge, is {@code mu(r) = lambda_0 + (lambda_{K-1} - lambda_0)·r}.
 * The evaluator sees a noisy score {@code s = r + sigma·Z}, Z standard normal, and places it in the
 * class whose multiplier is nearest {@code mu(s)}: class k holds the scores between the thresholds
 * {@code b_k} and {@code b_{k+1}}, {@code b_k} the score whose {@code mu} is midway between {@code
 * lambda_{k-1}} and {@code lambda_k} ({@code b_0 = -inf}, {@code b_K = +inf}). So {@code Pr(k | r)
 * = Phi((b_{k+1} - r)/sigma) - Phi((b_k - r)/sigma)}, and with {@code sigma = 0} the class is the
 * nearest one for certain.
 *
 * <p>With K = 2, multipliers 1 and alpha, this is P2's two-signal program: {@code Pr(H | r)} is the
 * signal model g of {@link RiskMultiplier}, and {@link #expectedMultiplier} is {@link
 * RiskMultiplier#expected} with it. Safety effort is not modelled here (r is given).
 */
public final class RiskClasses {

  private RiskClasses() {}

  /** K multipliers evenly spaced from 1 to alpha: {@code lambda_k = 1 + (alpha-1)·k/(K-1)}. */
  public static double[] evenlySpaced(int classes, double alpha) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, was " + classes);
    }
    if (!(alpha > 1.0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and > 1, was " + alpha);
    }
    double[] m = new double[classes];
    for (int k = 0; k < classes; k++) {
      m[k] = 1.0 + (alpha - 1.0) * k / (classes - 1);
    }
    return m;
  }

  /** {@code mu(r) = lambda_0 + (lambda_{K-1} - lambda_0)·r}, the planner's multiplier. */
  public static double trueMultiplier(double[] multipliers, double risk) {
    check(multipliers);
    unit("risk", risk);
    return multipliers[0] + (multipliers[multipliers.length - 1] - multipliers[0]) * risk;
  }

  /**
   * The K-1 inner thresholds {@code b_1..b_{K-1}} on the score scale: {@code b_k = ((lambda_{k-1} +
   * lambda_k)/2 - lambda_0) / (lambda_{K-1} - lambda_0)}.
   */
  public static double[] thresholds(double[] multipliers) {
    check(multipliers);
    int n = multipliers.length;
    double span = multipliers[n - 1] - multipliers[0];
    double[] b = new double[n - 1];
    for (int k = 1; k < n; k++) {
      b[k - 1] = ((multipliers[k - 1] + multipliers[k]) / 2.0 - multipliers[0]) / span;
    }
    return b;
  }

  /** The class of a score: the number of thresholds at or below it. */
  public static int classOf(double[] multipliers, double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be a number");
    }
    int k = 0;
    for (double b : thresholds(multipliers)) {
      if (score >= b) {
        k++;
      }
    }
    return k;
  }

  /** {@code Pr(k | r)} for each class k, with evaluation noise sigma >= 0. */
  public static double[] probabilities(double[] multipliers, double risk, double noise) {
    unit("risk", risk);
    if (!(noise >= 0.0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException("noise must be finite and >= 0, was " + noise);
    }
    double[] b = thresholds(multipliers);
    double[] p = new double[multipliers.length];
    if (noise == 0.0) {
      p[classOf(multipliers, risk)] = 1.0;
      return p;
    }
    double below = 0.0;
    for (int k = 0; k < b.length; k++) {
      double upTo = Normal.cdf((b[k] - risk) / noise);
      p[k] = upTo - below;
      below = upTo;
    }
    p[b.length] = 1.0 - below;
    return p;
  }

  /**
   * {@code lambdaBar(r) = sum_k Pr(k | r)·lambda_k}, the permits per unit of compute a developer of
   * true risk r expects to retire.
   */
  public static double expectedMultiplier(double[] multipliers, double risk, double noise) {
    double[] p = probabilities(multipliers, risk, noise);
    double sum = 0.0;
    for (int k = 0; k < p.length; k++) {
      sum += p[k] * multipliers[k];
    }
    return sum;
  }

  /**
   * {@code 1 - Pr(k*(r) | r)}: the probability that the noise puts a developer of true risk r in a
   * class other than its noise-free class {@code k*(r)}, the class of the score r itself.
   */
  public static double misclassified(double[] multipliers, double risk, double noise) {
    return 1.0 - probabilities(multipliers, risk, noise)[classOf(multipliers, risk)];
  }

  /**
   * The evaluation cost per developer and period, {@code kappa·K}: placing a model among K classes
   * takes a test battery per class boundary and one to establish the baseline, so the cost grows
   * linearly with the number of classes (a stated assumption, not a measured one).
   */
  public static double evaluationCost(int classes, double costPerClass) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, was " + classes);
    }
    if (!(costPerClass >= 0.0) || !Double.isFinite(costPerClass)) {
      throw new IllegalArgumentException(
          "costPerClass must be finite and >= 0, was " + costPerClass);
    }
    return costPerClass * classes;
  }

  static void check(double[] multipliers) {
    if (multipliers == null || multipliers.length < 2) {
      throw new IllegalArgumentException("multipliers must hold at least 2 classes");
    }
    if (!(multipliers[0] >= 1.0) || !Double.isFinite(multipliers[0])) {
      throw new IllegalArgumentException(
          "multipliers[0] must be finite and >= 1, was " + multipliers[0]);
    }
    for (int k = 1; k < multipliers.length; k++) {
      if (!(multipliers[k] > multipliers[k - 1]) || !Double.isFinite(multipliers[k])) {
        throw new IllegalArgumentException(
            "multipliers["
                + k
                + "] must be finite and above multipliers["
                + (k - 1)
                + "] = "
                + multipliers[k - 1]
                + ", was "
                + multipliers[k]);
      }
    }
  }

  private static void unit(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }
}
