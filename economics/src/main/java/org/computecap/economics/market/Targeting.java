package org.computecap.economics.market;

/**
 * How well a cap on permits charged by K risk classes controls true risk (issue 18): the
 * competitive equilibrium when developer i retires {@code q_i·lambdaBar(r_i)} permits per unit of
 * compute ({@code q_i} its permits per unit before risk weighting, the population's lambdaBar;
 * {@code lambdaBar(r)} of {@link RiskClasses#expectedMultiplier}), and what it leaves: the
 * true-risk-weighted compute {@code T = sum q_i·mu(r_i)·c_i} against the permits charged {@code sum
 * q_i·lambdaBar(r_i)·c_i} (= the cap when it binds), the expected misclassified share, and welfare
 * net of a damage per unit of true-risk-weighted compute and of the evaluation cost.
 *
 * @param equilibrium the clearing price and each developer's compute
 * @param chargedPermits permits the developers retire in expectation
 * @param trueRiskWeighted {@code T}, compute weighted by each developer's true multiplier
 * @param misclassified mean over developers of {@link RiskClasses#misclassified}
 * @param benefit {@code sum v_i(c_i)}
 * @param evaluationCost {@code n·kappa·K}, or 0 for the planner who sees true risk
 * @param netWelfare {@code benefit - damage·T - evaluationCost}
 */
public record Targeting(
    Equilibrium equilibrium,
    double chargedPermits,
    double trueRiskWeighted,
    double misclassified,
    double benefit,
    double evaluationCost,
    double netWelfare) {

  /**
   * The equilibrium under K classes.
   *
   * @param benefits the developers; lambdaBar is permits per unit of compute before risk weighting
   * @param risk each developer's true risk in [0, 1]
   * @param noise each developer's evaluation noise sigma >= 0
   * @param multipliers the K class multipliers, strictly increasing from at least 1
   * @param capQ the cap on permits retired
   * @param damage damage per unit of true-risk-weighted compute, in welfare units
   * @param costPerClass evaluation cost per developer and class, in welfare units
   */
  public static Targeting solve(
      Population benefits,
      double[] risk,
      double[] noise,
      double[] multipliers,
      double capQ,
      double damage,
      double costPerClass) {
    int n = sized(benefits, risk, "risk");
    sized(benefits, noise, "noise");
    double[] charged = new double[n];
    double misclassified = 0.0;
    for (int i = 0; i < n; i++) {
      charged[i] = RiskClasses.expectedMultiplier(multipliers, risk[i], noise[i]);
      misclassified += RiskClasses.misclassified(multipliers, risk[i], noise[i]);
    }
    double cost = n * RiskClasses.evaluationCost(multipliers.length, costPerClass);
    return of(benefits, risk, multipliers, charged, capQ, damage, misclassified / n, cost);
  }

  /**
   * The benchmark of a planner who sees true risk and charges {@code mu(r_i)} at no evaluation
   * cost: its true-risk-weighted compute is the cap when the cap binds.
   */
  public static Targeting planner(
      Population benefits, double[] risk, double[] multipliers, double capQ, double damage) {
    int n = sized(benefits, risk, "risk");
    double[] charged = new double[n];
    for (int i = 0; i < n; i++) {
      charged[i] = RiskClasses.trueMultiplier(multipliers, risk[i]);
    }
    return of(benefits, risk, multipliers, charged, capQ, damage, 0.0, 0.0);
  }

  /** {@code T / charged}: true risk per permit retired (1 when permits track true risk). */
  public double trueRiskPerPermit() {
    return trueRiskWeighted / chargedPermits;
  }

  private static Targeting of(
      Population benefits,
      double[] risk,
      double[] multipliers,
      double[] charged,
      double capQ,
      double damage,
      double misclassified,
      double cost) {
    if (!(damage >= 0.0) || !Double.isFinite(damage)) {
      throw new IllegalArgumentException("damage must be finite and >= 0, was " + damage);
    }
    int n = benefits.size();
    Population.Builder weighted = Population.builder(n);
    for (int i = 0; i < n; i++) {
      weighted.add(
          benefits.family(i),
          benefits.theta(i),
          benefits.beta(i),
          benefits.k(i),
          benefits.a(i),
          benefits.lambdaBar(i) * charged[i]);
    }
    Population pop = weighted.build();
    Equilibrium eq = MarketClearing.solve(pop, capQ);
    double permits = 0.0;
    double trueRisk = 0.0;
    for (int i = 0; i < n; i++) {
      permits += eq.permits(pop, i);
      trueRisk +=
          benefits.lambdaBar(i)
              * RiskClasses.trueMultiplier(multipliers, risk[i])
              * eq.compute()[i];
    }
    double benefit = Welfare.total(benefits, eq.compute());
    return new Targeting(
        eq, permits, trueRisk, misclassified, benefit, cost, benefit - damage * trueRisk - cost);
  }

  private static int sized(Population benefits, double[] values, String field) {
    if (values == null || values.length != benefits.size()) {
      throw new IllegalArgumentException(
          field + " must have one entry per developer (" + benefits.size() + ")");
    }
    return values.length;
  }
}
