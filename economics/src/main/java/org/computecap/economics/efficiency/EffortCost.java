package org.computecap.economics.efficiency;

/**
 * What an efficiency effort {@code e} in [0, 1) costs a developer each period: {@code K(e) =
 * (kappa·e^2 + phi·e)/(1 - e)}. With {@code phi = 0} it is the family {@code kappa·e^2/(1 -
 * e)}; {@code phi} is the marginal cost of the first unit of effort, {@code K'(0) = phi}, so a
 * positive phi gives a threshold price below which nobody invests.
 *
 * <p>Why this family: it is convex (both {@code e^2/(1 - e)} and {@code e/(1 - e)} are), it is zero
 * at e = 0, and it grows without bound as e approaches 1, so no finite price buys energy per unit
 * compute down to zero. Its marginal {@code K'(e) = (kappa·e·(2 - e) + phi)/(1 - e)^2} puts both
 * terms over {@code (1 - e)^2}, which is what makes the optimal effort unique (see {@link
 * EfficiencyChoice}).
 *
 * @param kappa scale of the quadratic part, finite and &gt;= 0
 * @param phi marginal cost at zero effort, finite and &gt;= 0; kappa + phi &gt; 0 (free effort
 *     would buy energy down to zero)
 */
public record EffortCost(double kappa, double phi) {

  /** Validates both coefficients and that effort is not free. */
  public EffortCost {
    EfficiencyFirm.nonNegative("kappa", kappa);
    EfficiencyFirm.nonNegative("phi", phi);
    if (!(kappa + phi > 0.0)) {
      throw new IllegalArgumentException(
          "kappa + phi must be > 0 (free effort would cut energy to zero), was " + (kappa + phi));
    }
  }

  /** The family {@code kappa·e^2/(1 - e)}, with no threshold. */
  public static EffortCost quadratic(double kappa) {
    return new EffortCost(kappa, 0.0);
  }

  /** {@code K(e)} per period, for e in [0, 1). */
  public double cost(double e) {
    requireEffort(e);
    return (kappa * e * e + phi * e) / (1.0 - e);
  }

  /** {@code K'(e) = (kappa·e·(2 - e) + phi)/(1 - e)^2}, for e in [0, 1). */
  public double marginal(double e) {
    requireEffort(e);
    double s = 1.0 - e;
    return (kappa * e * (2.0 - e) + phi) / (s * s);
  }

  static void requireEffort(double e) {
    if (!(e >= 0.0 && e < 1.0)) {
      throw new IllegalArgumentException("effort must be in [0, 1), was " + e);
    }
  }
}
