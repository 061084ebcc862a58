package org.computecap.sim.run;

/**
 * A period's targeting measures (issue 18's finer risk classes): how well the permits charged by
 * the program's risk classes track true risk. Developers without a true risk (P2's two-signal
 * model) count with their realised multiplier, 1 or alpha, as their true one.
 *
 * @param trueRiskCompute {@code sum_i mu_i·q_i}: each active developer's covered quantity {@code
 *     q_i} weighted by its true multiplier {@code mu(r_i)}
 * @param theoryTrueRiskCompute the same at the competitive equilibrium of the period's permits (the
 *     theoretical price): {@code sum_i mu_i·q_i(p*)}, the true multiplier of a two-signal developer
 *     taken as its expected one
 * @param misclassifiedShare the share of active developers with a true risk whose recorded class is
 *     not the class of their true risk (NaN when none has a true risk)
 * @param theoryMisclassifiedShare its expectation, {@code mean_i RiskClasses.misclassified}
 * @param evaluationCostCents {@code kappa_i·K} summed over the active developers with a true risk
 * @param damageCents {@code sum_i D_i·mu_i·q_i}, the damage of the true-risk-weighted compute
 * @param chargedPermits {@code sum_i lambda_i·q_i}, the permits the recorded classes charge
 * @param theoryChargedPermits the same at the competitive equilibrium, with the multipliers the
 *     developers planned with
 */
public record RiskTargeting(
    double trueRiskCompute,
    double theoryTrueRiskCompute,
    double misclassifiedShare,
    double theoryMisclassifiedShare,
    double evaluationCostCents,
    double damageCents,
    double chargedPermits,
    double theoryChargedPermits) {

  /** No measure (a period result built without them, as in tests). */
  public static final RiskTargeting NONE =
      new RiskTargeting(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN);

  /** True risk per permit charged, {@code T / charged}: 1 when the permits track true risk. */
  public double trueRiskPerPermit() {
    return trueRiskCompute / chargedPermits;
  }

  /** The same at the competitive equilibrium. */
  public double theoryTrueRiskPerPermit() {
    return theoryTrueRiskCompute / theoryChargedPermits;
  }
}
