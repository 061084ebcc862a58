package org.computecap.economics.instruments;

import org.computecap.economics.audit.Normal;

/**
 * Weitzman's (1974) prices-vs-quantities model with linear marginal benefit and damage, and the
 * hybrid of Roberts and Spence (1976), in closed form.
 *
 * <p><b>The model.</b> Developers' marginal benefit of aggregate compute Q (in permits) is {@code
 * MB(Q, theta) = a + theta - b·Q} with slope {@code B'' = -b < 0}, shifted by a shock theta ~ N(0,
 * sigma^2) the regulator does not see when it sets the instrument and the developers do when they
 * choose Q. Marginal damage is {@code MD(Q) = d0 + d·Q}, {@code D'' = d >= 0}, known. Welfare is
 * benefit less damage, {@code W(Q, theta) = (a + theta - d0)·Q - (b + d)·Q^2/2} (permit payments
 * and tax revenue are transfers). Weitzman's cost side is here the developers' forgone benefit and
 * his benefit side the damage avoided, so his {@code C''} is our b and his {@code B''} our -d.
 *
 * <p><b>Derivation of the comparative advantage.</b> The ex-post optimum is {@code Q*(theta) = (a +
 * theta - d0)/(b + d)} and the loss of any Q against it is {@code (b + d)/2·(Q - Q*)^2} (W is
 * quadratic with curvature b + d). A cap fixes {@code Q = Qbar}; the best is {@code Qbar = E Q* =
 * (a - d0)/(b + d)}, so {@code Q - Q* = -theta/(b + d)} and the expected loss is {@code
 * sigma^2/(2(b + d))}. A tax t makes developers choose {@code MB = t}, {@code Q = (a + theta -
 * t)/b}; the expected loss is least when {@code E Q = Qbar}, i.e. {@code t = a - b·Qbar} (the tax
 * that gives the cap's expected quantity), and then {@code Q - Q* = theta·(1/b - 1/(b + d)) =
 * theta·d/(b(b + d))}, an expected loss of {@code sigma^2·d^2/(2 b^2 (b + d))}. The advantage of
 * prices over quantities is the cap's loss less the tax's:
 *
 * <pre>
 *   Delta = sigma^2/(2(b + d))·(1 - d^2/b^2) = sigma^2·(b - d)/(2 b^2) = sigma^2 (|B''| - D'')/(2 B''^2)
 * </pre>
 *
 * positive (the tax wins) when marginal damage is flatter than marginal benefit, negative (the cap
 * wins) when steeper; flat damage (d = 0) gives {@code sigma^2/(2b)}, vertical damage (d -> inf)
 * {@code -inf}.
 *
 * <p><b>The hybrid.</b> A cap Qbar with a price ceiling and a floor: developers buy above the cap
 * at the ceiling when {@code MB(Qbar, theta) > ceiling}, and fall short of it at the floor when
 * {@code MB(Qbar, theta) < floor}; in between the cap binds. Q is piecewise linear in theta, so
 * every expectation is a sum of partial moments of the normal shock over three intervals. {@code
 * floor = ceiling = t} is the tax t, an unbounded band the cap.
 *
 * @param a marginal benefit of the first permit at theta = 0 (price units, e.g. utils a permit)
 * @param b the slope of marginal benefit, {@code |B''|}, > 0
 * @param d0 marginal damage of the first permit
 * @param d the slope of marginal damage, {@code D''}, >= 0
 * @param sigma standard deviation of the additive shock to marginal benefit, >= 0
 */
public record LinearWeitzman(double a, double b, double d0, double d, double sigma) {

  /** Validates b > 0, d >= 0, sigma >= 0, all finite. */
  public LinearWeitzman {
    if (!(b > 0) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("b (|B''|) must be finite and > 0, was " + b);
    }
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("d (D'') must be finite and >= 0, was " + d);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and >= 0, was " + sigma);
    }
    if (!Double.isFinite(a) || !Double.isFinite(d0)) {
      throw new IllegalArgumentException("a and d0 must be finite, were " + a + " and " + d0);
    }
  }

  /** What one instrument gives in expectation over the shock. */
  public record Outcome(
      double welfare,
      double quantityMean,
      double quantityVariance,
      double priceMean,
      double priceVariance) {}

  /** Weitzman's Delta: expected welfare of the best tax less that of the best cap. */
  public double advantage() {
    return sigma * sigma * (b - d) / (2 * b * b);
  }

  /** The best cap, {@code E Q* = (a - d0)/(b + d)}. */
  public double optimalCap() {
    return (a - d0) / (b + d);
  }

  /** The tax whose expected quantity is {@code quantity}: {@code a - b·quantity}. */
  public double taxFor(double quantity) {
    return a - b * quantity;
  }

  /** Expected welfare of the ex-post optimum, {@code ((a - d0)^2 + sigma^2)/(2(b + d))}. */
  public double firstBestWelfare() {
    return ((a - d0) * (a - d0) + sigma * sigma) / (2 * (b + d));
  }

  /** Expected loss of the best cap against the ex-post optimum, {@code sigma^2/(2(b + d))}. */
  public double capLoss() {
    return sigma * sigma / (2 * (b + d));
  }

  /** Expected loss of the best tax against the ex-post optimum, {@code sigma^2 d^2/(2b^2(b+d))}. */
  public double taxLoss() {
    return sigma * sigma * d * d / (2 * b * b * (b + d));
  }

  /** A cap of {@code quantity} permits. */
  public Outcome cap(double quantity) {
    return hybrid(quantity, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** A tax of {@code price} a permit (floor = ceiling). */
  public Outcome tax(double price) {
    return hybrid(0.0, price, price);
  }

  /**
   * A cap of {@code quantity} with a price floor and ceiling ({@code floor <= ceiling}; infinite
   * values are no floor or no ceiling).
   */
  public Outcome hybrid(double quantity, double floor, double ceiling) {
    if (!(floor <= ceiling) || Double.isNaN(quantity)) {
      throw new IllegalArgumentException(
          "floor " + floor + " must be at most ceiling " + ceiling + ", quantity a number");
    }
    // The shock at which MB(quantity) reaches the floor and the ceiling.
    double low = floor - a + b * quantity;
    double high = ceiling - a + b * quantity;
    Moments m = new Moments();
    // Below the floor: Q = (a + theta - floor)/b, price = floor.
    if (Double.isFinite(floor)) {
      m.add(partial(Double.NEGATIVE_INFINITY, low), (a - floor) / b, 1 / b, floor, 0);
    }
    // The cap binds: Q = quantity, price = MB(quantity) = a - b·quantity + theta.
    if (high > low) {
      m.add(partial(low, high), quantity, 0, a - b * quantity, 1);
    }
    // Above the ceiling: Q = (a + theta - ceiling)/b, price = ceiling.
    if (Double.isFinite(ceiling)) {
      m.add(partial(high, Double.POSITIVE_INFINITY), (a - ceiling) / b, 1 / b, ceiling, 0);
    }
    double welfare = (a - d0) * m.q + m.thetaQ - (b + d) / 2 * m.q2;
    return new Outcome(welfare, m.q, m.q2 - m.q * m.q, m.p, m.p2 - m.p * m.p);
  }

  /** A hybrid's levels: the cap and the price floor and ceiling around it. */
  public record Hybrid(double quantity, double floor, double ceiling) {}

  /**
   * The hybrid with the highest expected welfare (Roberts and Spence 1976), found by coordinate
   * ascent (golden-section searches over the cap and the two gaps between the cap's expected price
   * {@code a - b·quantity} and the floor and the ceiling, each gap in [0, 8 sigma]). At the optimum
   * the ceiling is the expected marginal damage when it binds, the floor the same when it binds,
   * and the expected marginal benefit less marginal damage is 0 where the cap binds: the
   * first-order conditions, which the tests check. It is at least as good as the best cap and the
   * best tax, which it nests.
   */
  public Hybrid optimalHybrid() {
    double span = Math.max(8 * sigma, 1e-9 * (1 + Math.abs(a)));
    double[] x = {optimalCap(), sigma, sigma}; // the cap, the gap below, the gap above
    for (int sweep = 0; sweep < 60; sweep++) {
      double q0 = x[0];
      x[1] = golden(0, span, g -> welfareOf(x[0], g, x[2]));
      x[2] = golden(0, span, g -> welfareOf(x[0], x[1], g));
      x[0] = golden(q0 - span / b, q0 + span / b, v -> welfareOf(v, x[1], x[2]));
    }
    double q = x[0];
    double below = x[1];
    double above = x[2];
    double price = a - b * q;
    return new Hybrid(q, price - below, price + above);
  }

  private double welfareOf(double quantity, double below, double above) {
    double price = a - b * quantity;
    return hybrid(quantity, price - below, price + above).welfare();
  }

  // The maximiser of a unimodal f on [lo, hi] by golden-section search.
  private static double golden(double lo, double hi, java.util.function.DoubleUnaryOperator f) {
    double r = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - r * (hi - lo);
    double x2 = lo + r * (hi - lo);
    double f1 = f.applyAsDouble(x1);
    double f2 = f.applyAsDouble(x2);
    for (int i = 0; i < 80; i++) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + r * (hi - lo);
        f2 = f.applyAsDouble(x2);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - r * (hi - lo);
        f1 = f.applyAsDouble(x1);
      }
    }
    return (lo + hi) / 2;
  }

  // Partial moments of theta over (lo, hi): Pr, E[theta; .], E[theta^2; .].
  private double[] partial(double lo, double hi) {
    if (sigma == 0) {
      boolean in = lo < 0 && 0 <= hi;
      return new double[] {in ? 1 : 0, 0, 0};
    }
    double zl = lo / sigma;
    double zh = hi / sigma;
    double p = Normal.cdf(zh) - Normal.cdf(zl);
    double m1 = sigma * (Normal.pdf(zl) - Normal.pdf(zh));
    double m2 = sigma * sigma * (p + zPdf(zl) - zPdf(zh));
    return new double[] {p, m1, m2};
  }

  private static double zPdf(double z) {
    return Double.isInfinite(z) ? 0 : z * Normal.pdf(z);
  }

  // Accumulates E Q, E Q^2, E theta·Q, E p, E p^2 over the pieces where Q = alpha + beta·theta and
  // p = gamma + delta·theta.
  private static final class Moments {
    double q;
    double q2;
    double thetaQ;
    double p;
    double p2;

    void add(double[] m, double alpha, double beta, double gamma, double delta) {
      q += alpha * m[0] + beta * m[1];
      q2 += alpha * alpha * m[0] + 2 * alpha * beta * m[1] + beta * beta * m[2];
      thetaQ += alpha * m[1] + beta * m[2];
      p += gamma * m[0] + delta * m[1];
      p2 += gamma * gamma * m[0] + 2 * gamma * delta * m[1] + delta * delta * m[2];
    }
  }
}
