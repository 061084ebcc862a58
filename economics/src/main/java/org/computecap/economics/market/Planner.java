package org.computecap.economics.market;

/**
 * The social planner of P2 Prop 5: maximise {@code sum v_i(c_i)} subject to {@code sum
 * lambdaBar_i·c_i <= Q}. Solved through its own Lagrangian, deliberately sharing no code with
 * {@link MarketClearing} or {@link Demand}, so that "the market allocation equals the planner's" is
 * a real check of Prop 5 and not a tautology.
 *
 * <p>Method: minimise the convex dual {@code D(mu) = sum_i max_c [v_i(c) - mu·lambda_i·c] + mu·Q}
 * over mu &gt; 0, with each inner maximum in closed form. D is convex in mu, hence unimodal in t =
 * ln mu: a downhill walk brackets the minimiser and golden-section search on the values of D
 * narrows it. Golden section can only resolve t to about sqrt(machine epsilon), so the last digits
 * come from bisection on the sign of the dual derivative {@code D'(mu) = Q - sum lambda_i c_i(mu)}
 * inside the golden bracket. If the unconstrained optimum already fits under the cap (only possible
 * for P1 developers with a &gt; 0), mu = 0.
 */
public final class Planner {

  private static final double INV_PHI = (Math.sqrt(5.0) - 1.0) / 2.0;
  private static final double GOLDEN_WIDTH = 1e-4;
  private static final int MAX_STEPS = 2000;

  private Planner() {}

  /** The planner's optimum for cap {@code capQ} > 0. */
  public static PlannerSolution solve(Population pop, double capQ) {
    if (!(capQ > 0.0) || Double.isInfinite(capQ)) {
      throw new IllegalArgumentException("capQ must be finite and > 0, was " + capQ);
    }
    double[] compute = new double[pop.size()];
    if (unconstrainedFits(pop, capQ, compute)) {
      return new PlannerSolution(0.0, compute);
    }
    double[] bracket = bracketMinimum(pop, capQ);
    golden(pop, capQ, bracket);
    double t = bisectDerivative(pop, capQ, bracket[0], bracket[1]);
    double mu = Math.exp(t);
    for (int i = 0; i < compute.length; i++) {
      compute[i] = argmax(pop, i, mu);
    }
    return new PlannerSolution(mu, compute);
  }

  /** The dual function {@code D(mu)}; its minimum over mu >= 0 is the optimal welfare. */
  public static double dual(Population pop, double capQ, double mu) {
    double sum = mu * capQ;
    for (int i = 0; i < pop.family.length; i++) {
      sum += lagrangianMax(pop, i, mu);
    }
    return sum;
  }

  // Each developer's maximiser of v_i(c) - mu·lambda_i·c, from the first-order condition.
  private static double argmax(Population pop, int i, double mu) {
    double slope = mu * pop.lambdaBar[i];
    switch (pop.family[i]) {
      case BenefitFamily.POWER_CODE:
        return Math.exp(Math.log(pop.theta[i] / slope) / (1.0 - pop.beta[i]));
      case BenefitFamily.LOG_CODE:
        return pop.theta[i] / slope;
      case BenefitFamily.P1_CODE:
        return Math.exp(Math.log(pop.k[i] / (pop.a[i] + slope)) / (pop.k[i] + 1.0));
      default:
        throw new AssertionError("unknown benefit family code " + pop.family[i]);
    }
  }

  // max_c [v_i(c) - mu·lambda_i·c], simplified at the maximiser so nothing cancels.
  private static double lagrangianMax(Population pop, int i, double mu) {
    double slope = mu * pop.lambdaBar[i];
    double c = argmax(pop, i, mu);
    switch (pop.family[i]) {
      case BenefitFamily.POWER_CODE:
        // theta·c^beta/beta - slope·c with theta·c^(beta-1) = slope.
        return slope * c * (1.0 - pop.beta[i]) / pop.beta[i];
      case BenefitFamily.LOG_CODE:
        return pop.theta[i] * (Math.log(c) - 1.0);
      case BenefitFamily.P1_CODE:
        return -Math.pow(c, -pop.k[i]) - (pop.a[i] + slope) * c;
      default:
        throw new AssertionError("unknown benefit family code " + pop.family[i]);
    }
  }

  private static boolean unconstrainedFits(Population pop, double capQ, double[] compute) {
    double used = 0.0;
    for (int i = 0; i < pop.family.length; i++) {
      if (pop.family[i] != BenefitFamily.P1_CODE || !(pop.a[i] > 0.0)) {
        return false;
      }
      compute[i] = argmax(pop, i, 0.0);
      used += pop.lambdaBar[i] * compute[i];
    }
    return used <= capQ;
  }

  private static double h(Population pop, double capQ, double t) {
    double value = dual(pop, capQ, Math.exp(t));
    return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
  }

  // Walk downhill from t = 0 with doubling steps until D rises: [lo, hi] holds the minimum.
  private static double[] bracketMinimum(Population pop, double capQ) {
    double t0 = 0.0;
    double f0 = h(pop, capQ, t0);
    double step = 1.0;
    // An infinite D at t0 means overflowing demand: the minimum lies at larger mu.
    double direction = f0 == Double.POSITIVE_INFINITY || h(pop, capQ, t0 + step) < f0 ? 1.0 : -1.0;
    double previous = t0 - direction * step;
    double current = t0;
    double fCurrent = f0;
    for (int n = 0; n < MAX_STEPS; n++) {
      double next = current + direction * step;
      double fNext = h(pop, capQ, next);
      if (fNext > fCurrent) {
        return new double[] {Math.min(previous, next), Math.max(previous, next)};
      }
      previous = current;
      current = next;
      fCurrent = fNext;
      step *= 2.0;
    }
    throw new AssertionError("planner could not bracket the dual minimum for cap " + capQ);
  }

  private static void golden(Population pop, double capQ, double[] bracket) {
    double lo = bracket[0];
    double hi = bracket[1];
    double x1 = hi - INV_PHI * (hi - lo);
    double x2 = lo + INV_PHI * (hi - lo);
    double f1 = h(pop, capQ, x1);
    double f2 = h(pop, capQ, x2);
    while (hi - lo > GOLDEN_WIDTH) {
      if (f1 <= f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - INV_PHI * (hi - lo);
        f1 = h(pop, capQ, x1);
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + INV_PHI * (hi - lo);
        f2 = h(pop, capQ, x2);
      }
    }
    bracket[0] = lo;
    bracket[1] = hi;
  }

  // D'(e^t) = Q - sum lambda_i c_i: negative below the optimum, positive above.
  private static double derivative(Population pop, double capQ, double t) {
    double mu = Math.exp(t);
    double used = 0.0;
    for (int i = 0; i < pop.family.length; i++) {
      used += pop.lambdaBar[i] * argmax(pop, i, mu);
    }
    return Double.isNaN(used) ? Double.NEGATIVE_INFINITY : capQ - used;
  }

  private static double bisectDerivative(Population pop, double capQ, double lo, double hi) {
    double width = hi - lo;
    for (int n = 0; n < MAX_STEPS && derivative(pop, capQ, lo) > 0.0; n++) {
      lo -= width;
      width *= 2.0;
    }
    width = hi - lo;
    for (int n = 0; n < MAX_STEPS && derivative(pop, capQ, hi) < 0.0; n++) {
      hi += width;
      width *= 2.0;
    }
    for (int n = 0; n < 200; n++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (derivative(pop, capQ, mid) < 0.0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
