package org.computecap.economics.market;

/**
 * The cap a planner would set when each unit of risk-weighted compute does a constant marginal
 * damage d (in utility per unit): maximise {@code W(Q) - d·Q}, where {@code W(Q)} is the planner's
 * welfare under cap Q (P2 Prop 5). By the envelope theorem {@code W'(Q)} is the cap's shadow price
 * mu(Q), which equals the competitive permit price (Prop 5-6), so the optimum is where the permit
 * price equals the marginal damage: {@code Q* = S(d)}, aggregate risk-weighted demand at price d
 * (P2 Eq. 6 read backwards). P2 leaves the cap's level to "a separate design problem"; this is its
 * textbook answer under constant marginal damage, which the policy search is checked against.
 */
public final class OptimalCap {
  private OptimalCap() {}

  /**
   * {@code Q* = S(d)} for marginal damage {@code d} > 0 (utility per risk-weighted unit, the
   * population's price unit).
   */
  public static double plannerCap(Population pop, double marginalDamage) {
    if (!(marginalDamage > 0.0) || Double.isInfinite(marginalDamage)) {
      throw new IllegalArgumentException(
          "marginalDamage must be finite and > 0, was " + marginalDamage);
    }
    return MarketClearing.aggregateDemand(pop, marginalDamage);
  }

  /**
   * The planner's objective at cap {@code capQ}: {@code W(Q) - d·Q}, with {@code W(Q)} the welfare
   * of the planner's allocation ({@link Planner}).
   */
  public static double netWelfare(Population pop, double capQ, double marginalDamage) {
    if (!(marginalDamage >= 0.0) || Double.isInfinite(marginalDamage)) {
      throw new IllegalArgumentException(
          "marginalDamage must be finite and >= 0, was " + marginalDamage);
    }
    return Welfare.total(pop, Planner.solve(pop, capQ).compute()) - marginalDamage * capQ;
  }
}
