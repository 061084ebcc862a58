package org.computecap.bench;

import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Population;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The generic baseline for the equilibrium benchmark: each developer's demand at a price found by a
 * general-purpose root finder (Hipparchus {@code BrentSolver}) on {@code v_i'(c) - p·lambdaBar_i =
 * 0}, the way a solver that does not know the benefit families' closed forms would do it. Works in
 * log-compute x = ln c, where the marginal benefit is smooth and the bracket [-60, 60] covers every
 * demand of the benchmark populations.
 */
final class MarginalBenefit implements UnivariateFunction {
  static final double LOG_MIN = -60.0;
  static final double LOG_MAX = 60.0;
  static final int MAX_EVALUATIONS = 500;

  private final BrentSolver solver = new BrentSolver(1e-14, 1e-12);
  private BenefitFamily family;
  private double theta;
  private double beta;
  private double k;
  private double a;
  private double marginalCost;

  /** Developer i's demand at {@code price}, by root finding. */
  double demand(Population pop, int i, double price) {
    family = pop.family(i);
    theta = pop.theta(i);
    beta = pop.beta(i);
    k = pop.k(i);
    a = pop.a(i);
    marginalCost = price * pop.lambdaBar(i);
    return Math.exp(solver.solve(MAX_EVALUATIONS, this, LOG_MIN, LOG_MAX));
  }

  /** ln v'(e^x) - ln(p·lambdaBar) (for P1, v'(c) - p·lambdaBar scaled). */
  @Override
  public double value(double x) {
    double c = Math.exp(x);
    return switch (family) {
      case POWER -> Math.log(theta) + (beta - 1.0) * x - Math.log(marginalCost);
      case LOG -> Math.log(theta) - x - Math.log(marginalCost);
      case P1 -> (k * Math.pow(c, -k - 1.0) - a - marginalCost) / (a + marginalCost);
    };
  }
}
