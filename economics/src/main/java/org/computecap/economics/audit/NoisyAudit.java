package org.computecap.economics.audit;

/**
 * Minimum deterring audit probability when audits are noisy (P2 App. A): the smallest rho with
 * {@code rho·d(D)·phi(D) >= p·D} for every shortfall D > 0, i.e. {@code rho* = sup_D p /
 * (d(D)·phi(D)/D)}. With Gaussian noise the supremum is the limit D -> 0, where d = 1/2 and
 * phi(D)/D -> linear, giving {@code 2p/linear} (SPEC §8).
 *
 * <p>Solved numerically so that any detection technology can be plugged in: the D -> 0 limit is
 * evaluated directly (phi(D)/D is computed as {@code linear + quadratic·D}, no 0/0), then a log
 * grid over 40 decades of D (64 points a decade) brackets every local worst shortfall and a
 * golden-section search on log D refines each. The result is not clipped to 1; a value above 1
 * means no audit rate deters. A blind spot narrower than the grid step can be missed.
 */
public final class NoisyAudit {

  private static final double LOG_D_MIN = -20.0 * Math.log(10.0);
  private static final double LOG_D_MAX = 20.0 * Math.log(10.0);
  private static final int GRID_POINTS = 40 * 64 + 1;
  private static final int GOLDEN_STEPS = 80;
  private static final double INV_PHI = (Math.sqrt(5.0) - 1.0) / 2.0;

  private NoisyAudit() {}

  /** The default technology: Gaussian audit noise with standard deviation {@code sigma}. */
  public static double minimumAuditProbability(
      double price, double linear, double quadratic, double sigma) {
    return minimumAuditProbability(price, linear, quadratic, DetectionFunction.gaussian(sigma));
  }

  /** See the class comment; penalty {@code linear·D + quadratic·D^2}. */
  public static double minimumAuditProbability(
      double price, double linear, double quadratic, DetectionFunction detection) {
    return minimumAuditProbability(price, new PenaltyFunction(linear, quadratic), detection);
  }

  /** See the class comment. */
  public static double minimumAuditProbability(
      double price, PenaltyFunction penalty, DetectionFunction detection) {
    Arguments.nonNegative("price", price);
    if (detection == null || penalty == null) {
      throw new IllegalArgumentException("penalty and detection must not be null");
    }
    if (price == 0.0) {
      return 0.0;
    }
    double worst = required(price, penalty, detection, Double.MIN_NORMAL);
    double[] logD = new double[GRID_POINTS];
    double[] grid = new double[GRID_POINTS];
    for (int j = 0; j < GRID_POINTS; j++) {
      logD[j] = LOG_D_MIN + (LOG_D_MAX - LOG_D_MIN) * j / (GRID_POINTS - 1);
      grid[j] = required(price, penalty, detection, Math.exp(logD[j]));
      worst = Math.max(worst, grid[j]);
    }
    if (worst == Double.POSITIVE_INFINITY) {
      return worst;
    }
    // Every local maximum of the grid is refined, so a detection blind spot between grid
    // points is found even when the grid value there is below the D -> 0 limit.
    for (int j = 0; j < GRID_POINTS; j++) {
      boolean aboveLeft = j == 0 || grid[j] > grid[j - 1];
      boolean notBelowRight = j == GRID_POINTS - 1 || grid[j] >= grid[j + 1];
      if (aboveLeft && notBelowRight) {
        double lo = logD[Math.max(0, j - 1)];
        double hi = logD[Math.min(GRID_POINTS - 1, j + 1)];
        worst = Math.max(worst, refine(price, penalty, detection, lo, hi));
      }
    }
    return worst;
  }

  /** The audit probability needed to deter exactly shortfall D: {@code p/(d(D)·phi(D)/D)}. */
  static double required(
      double price, PenaltyFunction penalty, DetectionFunction detection, double shortfall) {
    double d = detection.probability(shortfall);
    if (!(d >= 0.0 && d <= 1.0)) {
      throw new IllegalArgumentException(
          "detection probability must be in [0, 1], was " + d + " at shortfall " + shortfall);
    }
    double perUnit = penalty.perUnit(shortfall);
    double denominator = d * perUnit;
    return denominator > 0.0 ? price / denominator : Double.POSITIVE_INFINITY;
  }

  // Golden-section maximisation of the required probability over log D in [lo, hi].
  private static double refine(
      double price, PenaltyFunction penalty, DetectionFunction detection, double lo, double hi) {
    double x1 = hi - INV_PHI * (hi - lo);
    double x2 = lo + INV_PHI * (hi - lo);
    double f1 = required(price, penalty, detection, Math.exp(x1));
    double f2 = required(price, penalty, detection, Math.exp(x2));
    double best = Math.max(f1, f2);
    for (int step = 0; step < GOLDEN_STEPS; step++) {
      if (f1 >= f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - INV_PHI * (hi - lo);
        f1 = required(price, penalty, detection, Math.exp(x1));
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + INV_PHI * (hi - lo);
        f2 = required(price, penalty, detection, Math.exp(x2));
      }
      best = Math.max(best, Math.max(f1, f2));
    }
    return best;
  }
}
