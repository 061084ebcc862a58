package org.computecap.economics.market;

import org.computecap.economics.audit.Collateral;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.audit.PenaltyFunction;

/**
 * A strategic developer's whole decision under P2 Eq. (1): it chooses compute c and the permits D
 * it leaves unreported to maximise {@code v(c) - p·(lambda·c - D) - rho·Psi(D)}, {@code 0 <= D <=
 * lambda·c}, where {@code rho·Psi} is the expected charge of an audit ({@link Enforcement}: noise,
 * tolerance and make-good included) and lambda is the developer's lambdaBar (permits per unit of
 * compute).
 *
 * <p>Two regimes, from the first-order conditions. <b>Interior</b>: the last permit reported costs
 * p, so compute is the truthful demand of Eq. 5, {@code v'(c) = p·lambda}, and the shortfall solves
 * {@code rho·Psi'(D) = p} independently of c (0 when audits deter, P2 Cor 3). <b>Corner</b>: when
 * that shortfall would exceed all it owes, the developer reports nothing; every unit of compute
 * then costs only its expected penalty, so compute solves {@code v'(c) = lambda·rho·Psi'(lambda·c)}
 * (for perfect audits {@code lambda·rho·(linear + 2·quadratic·lambda·c)}), more than it would buy
 * at p. Either way the permits it must hold are {@code max(0, lambda·c(p) - D_interior)}: zero in
 * the corner. The objective is concave in (c, D), so these conditions give its maximum.
 *
 * <p><b>Attested meters</b> (issue 17): a developer whose compute an attested meter of relative
 * uncertainty u measures can hide at most {@code u·lambda·c} (its {@link
 * Enforcement#hideableShare}); when the interior shortfall would exceed that, it hides exactly that
 * much and its compute solves {@code v'(c) = lambda·((1 - u)·p + u·rho·Psi'(u·lambda·c))} (the
 * corner above is the case u = 1).
 */
public final class Evasion {

  /**
   * The optimum: compute, unreported permits, and whether the developer reports nothing.
   *
   * @param shortfall permits owed and not reported, {@code <= lambda·compute}
   */
  public record Choice(double compute, double shortfall, boolean reportsNothing) {}

  private static final int MAX_STEPS = 2000;

  private Evasion() {}

  /** Developer i's optimum at permit price {@code price} >= 0 under {@code enforcement}. */
  public static Choice choose(Population pop, int i, double price, Enforcement enforcement) {
    double c = Demand.compute(pop, i, price);
    double lambda = pop.lambdaBar[i];
    if (enforcement.hasCollateral()) {
      double hiddenWithBond = withCollateral(enforcement, price, lambda * c);
      return new Choice(c, hiddenWithBond, hiddenWithBond >= lambda * c && c > 0);
    }
    double hidden = enforcement.bestShortfall(Double.POSITIVE_INFINITY, price);
    double share = enforcement.hideableShare();
    if (hidden < share * lambda * c) {
      return new Choice(c, hidden, false);
    }
    if (share < 1.0) {
      double bound = boundCompute(pop, i, enforcement, price, c);
      return new Choice(bound, share * lambda * bound, false);
    }
    double corner = cornerCompute(pop, i, enforcement, c);
    return new Choice(corner, lambda * corner, true);
  }

  /**
   * Permits developer i retires at price {@code price}: {@code lambda·c(p)} when truthful ({@code
   * enforcement} null), {@code max(0, lambda·c(p) - D_interior(p))} when strategic.
   */
  public static double permits(Population pop, int i, double price, Enforcement enforcement) {
    double truthful = pop.lambdaBar[i] * Demand.compute(pop, i, price);
    if (enforcement == null) {
      return truthful;
    }
    if (enforcement.hasCollateral()) {
      return truthful - withCollateral(enforcement, price, truthful);
    }
    double hidden = enforcement.bestShortfall(Double.POSITIVE_INFINITY, price);
    double share = enforcement.hideableShare();
    if (share < 1.0 && hidden >= share * truthful) {
      double bound = boundCompute(pop, i, enforcement, price, truthful / pop.lambdaBar[i]);
      return (1.0 - share) * pop.lambdaBar[i] * bound;
    }
    return hidden >= truthful ? 0.0 : truthful - hidden;
  }

  /**
   * The price at which the permits retired, {@code sum_i permits(i, p)}, equal the cap Q: P2 Eq. 6
   * with the strategic developers' Eq. (1) demand in place of Eq. 5's; 0 when the cap does not
   * bind. {@code enforcement[i]} is null for a truthful developer. Found by {@link PriceRoot} (the
   * sum is non-increasing in p) to a relative width of 1e-13.
   */
  public static double clearingPrice(Population pop, Enforcement[] enforcement, double capQ) {
    if (!(capQ > 0.0) || Double.isInfinite(capQ)) {
      throw new IllegalArgumentException("capQ must be finite and > 0, was " + capQ);
    }
    if (enforcement == null || enforcement.length != pop.size()) {
      throw new IllegalArgumentException(
          "enforcement must have one entry per developer (" + pop.size() + ")");
    }
    if (aggregate(pop, enforcement, 0.0) <= capQ) {
      return 0.0;
    }
    double price = PriceRoot.find(p -> aggregate(pop, enforcement, p) - capQ, 1.0, 1e-13);
    if (Double.isNaN(price)) {
      throw new IllegalArgumentException(
          "capQ " + capQ + " puts the clearing price outside the range of a double");
    }
    return price;
  }

  /** {@code sum_i permits(i, p)}; infinite at p = 0 unless every demand is finite there. */
  public static double aggregate(Population pop, Enforcement[] enforcement, double price) {
    double sum = 0.0;
    for (int i = 0; i < pop.size(); i++) {
      sum += permits(pop, i, price, enforcement[i]);
    }
    return sum;
  }

  // The c with v'(c) = lambda·rho·Psi'(lambda·c), from `start` (the demand at p, where the
  // left side is not below the right in the corner) upwards, by bisection in log c;
  // infinite when no audit ever charges (then nothing stops compute).
  private static double cornerCompute(Population pop, int i, Enforcement e, double start) {
    double lo = Math.max(start, Double.MIN_NORMAL);
    double hi = lo;
    for (int n = 0; gap(pop, i, e, hi) > 0.0; n++) {
      lo = hi;
      hi *= 2.0;
      if (n > MAX_STEPS || !Double.isFinite(hi) || !Double.isFinite(pop.lambdaBar[i] * hi)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    while (hi - lo > 1e-14 * hi) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (gap(pop, i, e, mid) > 0.0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  // Collateral and a liability cap (issue 17): the sanction min(K + phi(D), L) is not convex
  // (a jump at 0, flat above the cap), so the first-order conditions above do not apply. The
  // developer computes its truthful demand and hides the best shortfall at that compute
  // (Collateral.bestShortfall, perfect audits with make-good in the linear term), at most its
  // hideable share of what it owes.
  private static double withCollateral(Enforcement e, double price, double owed) {
    PenaltyFunction phi = new PenaltyFunction(e.linearWithMakeGood(), e.penalty().quadratic());
    return Collateral.bestShortfall(
        price, e.rho(), phi, e.collateral(), e.liabilityCap(), e.hideableShare() * owed);
  }

  // The compute of a developer whose hideable share u < 1 binds (an attested meter, issue 17):
  // it hides D = u·lambda·c, so a unit of compute costs (1 - u)·lambda·p in permits and
  // u·lambda·rho·Psi'(u·lambda·c) in expected penalty; c solves v'(c) = lambda·((1 - u)·p +
  // u·rho·Psi'(u·lambda·c)), at or above the demand at p (where the bound starts to bind),
  // found by bisection as the corner is.
  private static double boundCompute(
      Population pop, int i, Enforcement e, double price, double start) {
    double lo = Math.max(start, Double.MIN_NORMAL);
    double hi = lo;
    for (int n = 0; boundGap(pop, i, e, price, hi) > 0.0; n++) {
      lo = hi;
      hi *= 2.0;
      if (n > MAX_STEPS || !Double.isFinite(hi)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    while (hi - lo > 1e-14 * hi) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (boundGap(pop, i, e, price, mid) > 0.0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static double boundGap(Population pop, int i, Enforcement e, double price, double c) {
    double lambda = pop.lambdaBar[i];
    double u = e.hideableShare();
    double marginal =
        BenefitFamily.marginal(pop.family[i], pop.theta[i], pop.beta[i], pop.k[i], pop.a[i], c);
    return marginal - lambda * ((1.0 - u) * price + u * e.rho() * e.marginalCharge(u * lambda * c));
  }

  // v'(c) - lambda·rho·Psi'(lambda·c): decreasing in c.
  private static double gap(Population pop, int i, Enforcement e, double c) {
    double lambda = pop.lambdaBar[i];
    double marginal =
        BenefitFamily.marginal(pop.family[i], pop.theta[i], pop.beta[i], pop.k[i], pop.a[i], c);
    return marginal - lambda * e.rho() * e.marginalCharge(lambda * c);
  }
}
