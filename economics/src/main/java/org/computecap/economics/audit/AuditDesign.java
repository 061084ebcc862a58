package org.computecap.economics.audit;

/**
 * Audit and penalty design with perfect audits: P2 Prop 2 and Cor 3 (truthful retirement iff {@code
 * rho·phi'(0) >= p}), Prop 8 (cost-minimising {@code rho* = p/linear}, enforcement cost {@code
 * n·k·p/linear}) and Remark 7 (feasible only if {@code rho* <= B/(n·k)}). It also gives the evasion
 * a strategic developer chooses when not deterred, which the simulator uses.
 *
 * <p>Probabilities are not clipped where the formula is a requirement: {@code rhoStar} may exceed
 * 1, which simply means no audit rate deters at that price and penalty.
 */
public final class AuditDesign {

  private AuditDesign() {}

  /** Smallest audit probability deterring every shortfall: {@code p/linear} (Prop 8 ii). */
  public static double rhoStar(double p, double linear) {
    Arguments.nonNegative("p", p);
    Arguments.positive("linear", linear);
    return p / linear;
  }

  /** Expected audit spending at {@code rho*}: {@code n·k·p/linear} (Prop 8 iii). */
  public static double enforcementCost(long n, double auditCost, double p, double linear) {
    Arguments.positiveCount("n", n);
    Arguments.nonNegative("auditCost", auditCost);
    return n * auditCost * rhoStar(p, linear);
  }

  /**
   * Highest audit probability the budget pays for, {@code min(1, B/(n·k))} (Sec 3.3); 1 when audits
   * are free, since a probability cannot exceed 1.
   */
  public static double rhoMax(double budget, long n, double auditCost) {
    Arguments.nonNegative("budget", budget);
    Arguments.positiveCount("n", n);
    Arguments.nonNegative("auditCost", auditCost);
    if (auditCost == 0.0) {
      return 1.0;
    }
    return Math.min(1.0, budget / (n * auditCost));
  }

  /** Whether the budget sustains truthful compliance: {@code rho* <= rhoMax} (Remark 7). */
  public static boolean feasible(double p, double linear, double budget, long n, double auditCost) {
    return rhoStar(p, linear) <= rhoMax(budget, n, auditCost);
  }

  /** Whether truthful retirement is a best response: {@code rho·linear >= p} (Cor 3). */
  public static boolean deters(double p, double rho, double linear) {
    Arguments.nonNegative("p", p);
    Arguments.probability("rho", rho);
    Arguments.nonNegative("linear", linear);
    return rho * linear >= p;
  }

  /**
   * The shortfall D >= 0 maximising {@code p·D - rho·phi(D)} for a developer who owes {@code
   * lambda·compute} permits: 0 when deterred, otherwise {@code min(lambda·compute, (p -
   * rho·linear)/(2·rho·quadratic))} (all of it when the penalty has no quadratic term or the audit
   * probability is 0).
   */
  public static double bestShortfall(
      double lambda, double compute, double p, double rho, double linear, double quadratic) {
    Arguments.positive("lambda", lambda);
    Arguments.nonNegative("compute", compute);
    Arguments.nonNegative("quadratic", quadratic);
    if (deters(p, rho, linear)) {
      return 0.0;
    }
    double owed = lambda * compute;
    double curvature = 2.0 * rho * quadratic;
    if (curvature == 0.0) {
      return owed;
    }
    return Math.min(owed, (p - rho * linear) / curvature);
  }
}
