package org.computecap.economics.audit;

/**
 * Two-stage audits (issue 17): each report is screened with probability {@code screen} by a cheap
 * first-stage signal that misses a violation with probability {@code falseNegative} and flags an
 * honest report with probability {@code falsePositive}; only a flagged report gets the full audit,
 * which reveals the truth exactly (P2 Sec 3). A violator is therefore detected with probability
 * {@code rho_eff = screen·(1 - FN)}, which replaces rho in P2 Cor 3 ({@code rho_eff·phi'(0) >= p});
 * an honest developer bears a full audit with probability {@code screen·FP}, a cost false positives
 * put on compliance without deterring anyone.
 *
 * <p>With truthful reporting (the deterrence regime) the regulator pays per developer {@code
 * screen·(screenCost + FP·auditCost)} instead of P2's {@code rho·auditCost}: at their thresholds
 * two stages are cheaper than one exactly when {@code (screenCost + FP·auditCost)/(1 - FN) <
 * auditCost}.
 */
public record TwoStageAudit(double screen, double falseNegative, double falsePositive) {

  /** Validates the three probabilities, each in [0, 1]. */
  public TwoStageAudit {
    Arguments.probability("screen", screen);
    Arguments.probability("falseNegative", falseNegative);
    Arguments.probability("falsePositive", falsePositive);
  }

  /** The probability a violation is detected: {@code screen·(1 - FN)}. */
  public double detectionProbability() {
    return screen * (1.0 - falseNegative);
  }

  /** The probability an honest report gets a full audit: {@code screen·FP}. */
  public double falseAlarmProbability() {
    return screen * falsePositive;
  }

  /** Whether truthful reporting is a best response: {@code screen·(1 - FN)·linear >= p}. */
  public boolean deters(double price, double linear) {
    Arguments.nonNegative("price", price);
    Arguments.nonNegative("linear", linear);
    return detectionProbability() * linear >= price;
  }

  /**
   * The smallest screening probability that deters: {@code p/(linear·(1 - FN))}; not clipped to 1
   * (above 1 no screening rate deters), infinite when the signal never flags a violation.
   */
  public static double minimumScreenProbability(double price, double linear, double falseNegative) {
    Arguments.nonNegative("price", price);
    Arguments.positive("linear", linear);
    Arguments.probability("falseNegative", falseNegative);
    if (price == 0.0) {
      return 0.0;
    }
    return falseNegative == 1.0
        ? Double.POSITIVE_INFINITY
        : price / (linear * (1.0 - falseNegative));
  }

  /** What an honest developer expects to bear per period: {@code screen·FP·auditBurden}. */
  public double honestBurden(double auditBurden) {
    Arguments.nonNegative("auditBurden", auditBurden);
    return falseAlarmProbability() * auditBurden;
  }

  /**
   * Expected enforcement spending on {@code n} developers of which a share {@code violatorShare}
   * under-report: {@code n·screen·(screenCost + auditCost·(v·(1 - FN) + (1 - v)·FP))}.
   */
  public double enforcementCost(long n, double screenCost, double auditCost, double violatorShare) {
    Arguments.positiveCount("n", n);
    Arguments.nonNegative("screenCost", screenCost);
    Arguments.nonNegative("auditCost", auditCost);
    Arguments.probability("violatorShare", violatorShare);
    double flagged = violatorShare * (1.0 - falseNegative) + (1.0 - violatorShare) * falsePositive;
    return n * screen * (screenCost + auditCost * flagged);
  }

  /**
   * Whether two stages at their deterrence threshold cost the regulator less than one stage at P2's
   * {@code rho* = p/linear}: {@code (screenCost + FP·auditCost)/(1 - FN) < auditCost}.
   */
  public static boolean cheaperThanOneStage(
      double screenCost, double auditCost, double falseNegative, double falsePositive) {
    Arguments.nonNegative("screenCost", screenCost);
    Arguments.nonNegative("auditCost", auditCost);
    Arguments.probability("falseNegative", falseNegative);
    Arguments.probability("falsePositive", falsePositive);
    return screenCost + falsePositive * auditCost < auditCost * (1.0 - falseNegative);
  }
}
