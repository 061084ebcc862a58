package org.computecap.economics.audit;

/**
 * Collateral and a liability cap (issue 17; the compute-permit literature's bond): a developer
 * posts collateral K when it joins; on a detected shortfall D > 0 it forfeits the collateral and
 * pays the fine phi(D), but never more in all than the liability cap L, so the sanction is {@code
 * S(D) = min(K + phi(D), L)} (S(0) = 0: nothing is detected without a shortfall). P2 Prop 2's
 * deterrence condition becomes {@code rho·S(D) >= p·D} for every D in (0, Dmax], Dmax the most a
 * developer can leave unreported.
 *
 * <p>The collateral deters small shortfalls (S jumps to K at D = 0+), the cap weakens deterrence of
 * large ones (S stops growing at L). With {@code phi(D) = a·D + b·D^2}, {@code p·D/S(D)} rises
 * while S is below the cap up to {@code D* = sqrt(K/b)} and falls after it, and rises again (as
 * {@code p·D/L}) once the cap binds, so the smallest deterring audit probability is the larger of
 * its value at {@code min(D*, Dcap, Dmax)} and, when the cap binds before Dmax, {@code p·Dmax/L}
 * ({@code Dcap} solves {@code K + phi(D) = L}). With K = 0 and no cap this is P2's {@code p/a}.
 * Infinite Dmax or L stand for "no bound".
 */
public final class Collateral {

  private Collateral() {}

  /** The sanction of a detected shortfall: {@code min(K + phi(D), L)} for D > 0, 0 for D = 0. */
  public static double sanction(
      PenaltyFunction penalty, double collateral, double liabilityCap, double shortfall) {
    check(penalty, collateral, liabilityCap);
    if (Arguments.nonNegative("shortfall", shortfall) == 0.0) {
      return 0.0;
    }
    return Math.min(collateral + penalty.value(shortfall), liabilityCap);
  }

  /**
   * The shortfall at which the cap starts to bind, {@code K + phi(D) = L}: 0 when the collateral
   * alone reaches the cap, infinite when the sanction never reaches it.
   */
  public static double capBindsAt(PenaltyFunction penalty, double collateral, double liabilityCap) {
    check(penalty, collateral, liabilityCap);
    if (collateral >= liabilityCap) {
      return 0.0;
    }
    double room = liabilityCap - collateral;
    double a = penalty.linear();
    double b = penalty.quadratic();
    if (b > 0.0) {
      return (-a + Math.sqrt(a * a + 4.0 * b * room)) / (2.0 * b);
    }
    return a > 0.0 ? room / a : Double.POSITIVE_INFINITY;
  }

  /**
   * The smallest audit probability with {@code rho·S(D) >= p·D} for every D in (0, maxShortfall]:
   * {@code sup p·D/S(D)} (see the class comment). Not clipped to 1: above 1 no audit rate deters.
   */
  public static double minimumAuditProbability(
      double price,
      PenaltyFunction penalty,
      double collateral,
      double liabilityCap,
      double maxShortfall) {
    Arguments.nonNegative("price", price);
    positiveOrInfinite("maxShortfall", maxShortfall);
    double dCap = capBindsAt(penalty, collateral, liabilityCap);
    if (price == 0.0) {
      return 0.0;
    }
    double worst = 0.0;
    if (dCap < maxShortfall) {
      worst = price * maxShortfall / liabilityCap;
    }
    if (dCap > 0.0) {
      double b = penalty.quadratic();
      double peak = b > 0.0 ? Math.sqrt(collateral / b) : Double.POSITIVE_INFINITY;
      double d = Math.min(peak, Math.min(dCap, maxShortfall));
      double uncapped;
      if (d == 0.0) {
        // K = 0 with a quadratic term: the ratio's supremum is its limit at 0, p/a.
        uncapped = price / penalty.linear();
      } else if (d == Double.POSITIVE_INFINITY) {
        // No collateral weight at infinity and no quadratic term: the ratio tends to p/a.
        uncapped = price / penalty.linear();
      } else {
        uncapped = price * d / (collateral + penalty.value(d));
      }
      worst = Math.max(worst, uncapped);
    }
    return worst;
  }

  /** Whether {@code rho} deters every shortfall up to {@code maxShortfall}. */
  public static boolean deters(
      double price,
      double rho,
      PenaltyFunction penalty,
      double collateral,
      double liabilityCap,
      double maxShortfall) {
    Arguments.probability("rho", rho);
    return rho >= minimumAuditProbability(price, penalty, collateral, liabilityCap, maxShortfall);
  }

  /**
   * The smallest collateral that deters every shortfall up to {@code maxShortfall} at audit
   * probability {@code rho} when no cap binds: 0 when {@code rho·a >= p}; otherwise, with {@code D0
   * = (p - rho·a)/(2·rho·b)} the shortfall the fine deters least, {@code (p - rho·a)·D0/rho -
   * b·D0^2} ({@code (p - rho·a)^2/(4·rho^2·b)} when D0 is inside the range), at {@code D0 = Dmax}
   * when it is not or b = 0. Infinite when rho = 0 or an unbounded shortfall meets a linear fine.
   */
  public static double minimumCollateral(
      double price, double rho, PenaltyFunction penalty, double maxShortfall) {
    Arguments.nonNegative("price", price);
    Arguments.probability("rho", rho);
    if (!(maxShortfall >= 0.0)) {
      throw new IllegalArgumentException(
          "maxShortfall must be >= 0 (infinite for no bound), was " + maxShortfall);
    }
    double a = penalty.linear();
    double b = penalty.quadratic();
    double gap = price - rho * a;
    if (gap <= 0.0) {
      return 0.0;
    }
    if (rho == 0.0) {
      return Double.POSITIVE_INFINITY;
    }
    double d0 = b > 0.0 ? Math.min(gap / (2.0 * rho * b), maxShortfall) : maxShortfall;
    if (d0 == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return gap * d0 / rho - b * d0 * d0;
  }

  /**
   * The smallest liability cap with which any collateral can deter the largest shortfall: {@code
   * p·Dmax/rho} (below it, {@code rho·L < p·Dmax} and evading everything pays).
   */
  public static double minimumLiabilityCap(double price, double rho, double maxShortfall) {
    Arguments.nonNegative("price", price);
    Arguments.probability("rho", rho);
    Arguments.nonNegative("maxShortfall", maxShortfall);
    if (price == 0.0 || maxShortfall == 0.0) {
      return 0.0;
    }
    return rho == 0.0 ? Double.POSITIVE_INFINITY : price * maxShortfall / rho;
  }

  /**
   * The shortfall D in [0, owed] maximising {@code p·D - rho·S(D)}: the best of 0, the interior
   * optimum of the uncapped branch ({@code (p - rho·a)/(2·rho·b)} clipped to it) and its ends, and
   * all of {@code owed} when the cap binds below it (where the sanction no longer grows). Ties go
   * to 0: an indifferent developer reports truthfully. An infinite {@code owed} (no bound) counts
   * only the finite candidates.
   */
  public static double bestShortfall(
      double price,
      double rho,
      PenaltyFunction penalty,
      double collateral,
      double liabilityCap,
      double owed) {
    Arguments.nonNegative("price", price);
    Arguments.probability("rho", rho);
    if (!(owed >= 0.0)) {
      throw new IllegalArgumentException("owed must be >= 0 (infinite for no bound), was " + owed);
    }
    double dCap = Math.min(capBindsAt(penalty, collateral, liabilityCap), owed);
    double best = 0.0;
    double bestGain = 0.0;
    double[] candidates = new double[] {dCap, owed, interior(price, rho, penalty, dCap)};
    for (double d : candidates) {
      if (d > 0.0 && Double.isFinite(d)) {
        double gain =
            price * d - rho * sanction(penalty, collateral, liabilityCap, Math.min(d, owed));
        if (gain > bestGain) {
          best = d;
          bestGain = gain;
        }
      }
    }
    return best;
  }

  // The stationary point of p·D - rho·(K + a·D + b·D^2) in [0, limit].
  private static double interior(double price, double rho, PenaltyFunction penalty, double limit) {
    double curvature = 2.0 * rho * penalty.quadratic();
    if (curvature == 0.0) {
      return limit;
    }
    return Math.max(0.0, Math.min(limit, (price - rho * penalty.linear()) / curvature));
  }

  private static void positiveOrInfinite(String field, double value) {
    if (!(value > 0.0)) {
      throw new IllegalArgumentException(
          field + " must be > 0 (infinite for no bound), was " + value);
    }
  }

  private static void check(PenaltyFunction penalty, double collateral, double liabilityCap) {
    if (penalty == null) {
      throw new IllegalArgumentException("penalty must not be null");
    }
    Arguments.nonNegative("collateral", collateral);
    if (!(liabilityCap >= 0.0)) {
      throw new IllegalArgumentException(
          "liabilityCap must be >= 0 (infinite for no cap), was " + liabilityCap);
    }
  }
}
