package org.computecap.economics.instruments;

import org.computecap.economics.audit.Normal;
import org.computecap.economics.instruments.Instruments.Damage;
import org.computecap.economics.instruments.Instruments.Instrument;
import org.computecap.economics.instruments.Instruments.Outcome;

/**
 * The closed forms of {@link Instruments#expected} for a POWER population with one beta, whatever
 * its thetas and intensities.
 *
 * <p>With one beta, aggregate demand is {@code S(p) = q·(p/p1)^(-1/(1-beta))}, p1 the cap q's
 * clearing price without a shock, and the multiplier m scales it: {@code S_m(p) = m·S(p)}. So under
 * the cap the price is {@code p1·m^(1-beta)}; at a held price p (a tax, a floor or a ceiling) the
 * quantity is {@code m·S(p)}. Each developer's first-order condition {@code theta_i m^(1-beta)
 * c_i^(beta-1) = p·lambdaBar_i} makes its benefit {@code p·lambdaBar_i·c_i/beta}, so the benefit is
 * always {@code price·Q/beta}. With {@code log m ~ N(-v/2, v)} every expectation over a range of
 * the standard normal z is a partial moment {@code E[m^s; l < z < h] = exp(s(s-1)v/2)· (Phi(h -
 * s·sqrt(v)) - Phi(l - s·sqrt(v)))}. Hand-checkable cases: a tax t = p1 has expected benefit {@code
 * p1·q/beta} and quantity variance {@code q^2(e^v - 1)}; a cap has expected benefit {@code
 * p1·q·e^(-beta(1-beta)v/2)/beta} and price variance {@code p1^2·e^(-beta(1-beta)v)·(e^( (1-beta)^2
 * v) - 1)}.
 */
public final class PowerInstruments {

  private PowerInstruments() {}

  /**
   * The expected outcome of {@code x} for a POWER population with exponent {@code beta} whose cap
   * of {@code x.quantity()} (or, for a tax, of {@code quantity}) clears at {@code p1} without a
   * shock, when {@code log m ~ N(-variance/2, variance)}.
   *
   * @param quantity the quantity demanded at {@code p1} without a shock (the cap)
   */
  public static Outcome expected(
      double beta, double p1, double quantity, double variance, Instrument x, Damage damage) {
    if (!(beta > 0 && beta < 1) || !(p1 > 0) || !(quantity > 0) || !(variance >= 0)) {
      throw new IllegalArgumentException(
          "beta in (0, 1), p1 > 0, quantity > 0 and variance >= 0 required, were "
              + beta
              + ", "
              + p1
              + ", "
              + quantity
              + ", "
              + variance);
    }
    double sd = Math.sqrt(variance);
    double g = 1 - beta;
    Sums s = new Sums();
    // The shocks at which the cap's price p1·m^(1-beta) meets the floor and the ceiling.
    double zFloor = x.floor() > 0 ? shockAt(x.floor(), p1, g, variance) : Double.NEGATIVE_INFINITY;
    double zCeiling = shockAt(x.ceiling(), p1, g, variance);
    if (x.isTax()) {
      zFloor = zCeiling;
    }
    // A held price p: Q = m·S(p), benefit p·Q/beta.
    for (double[] held :
        new double[][] {
          {x.floor(), Double.NEGATIVE_INFINITY, zFloor},
          {x.ceiling(), zCeiling, Double.POSITIVE_INFINITY}
        }) {
      double p = held[0];
      if (!(p > 0) || Double.isInfinite(p) || !(held[2] > held[1])) {
        continue;
      }
      double qp = quantity * Math.pow(p / p1, -1 / g);
      double m1 = moment(1, held[1], held[2], variance, sd);
      double m0 = moment(0, held[1], held[2], variance, sd);
      s.add(
          p * qp * m1 / beta,
          qp * m1,
          qp * qp * moment(2, held[1], held[2], variance, sd),
          p * m0,
          p * p * m0);
    }
    // The cap binds: Q = quantity, price p1·m^(1-beta), benefit price·quantity/beta.
    if (!x.isTax() && zCeiling > zFloor) {
      double mg = moment(g, zFloor, zCeiling, variance, sd);
      s.add(
          p1 * quantity * mg / beta,
          quantity * moment(0, zFloor, zCeiling, variance, sd),
          quantity * quantity * moment(0, zFloor, zCeiling, variance, sd),
          p1 * mg,
          p1 * p1 * moment(2 * g, zFloor, zCeiling, variance, sd));
    }
    double expectedDamage = damage.linear() * s.q + damage.slope() * s.q2 / 2;
    return new Outcome(s.benefit, expectedDamage, s.q, s.q2 - s.q * s.q, s.p, s.p2 - s.p * s.p);
  }

  // z with p1·m(z)^g = level, m(z) = exp(-v/2 + sqrt(v)·z); +-inf when the level is never met.
  private static double shockAt(double level, double p1, double g, double variance) {
    if (Double.isInfinite(level)) {
      return Double.POSITIVE_INFINITY;
    }
    double logM = Math.log(level / p1) / g;
    if (variance == 0) {
      return logM > 0 ? Double.POSITIVE_INFINITY : logM < 0 ? Double.NEGATIVE_INFINITY : 0;
    }
    return (logM + variance / 2) / Math.sqrt(variance);
  }

  // E[m^s; lo < z < hi].
  private static double moment(double s, double lo, double hi, double variance, double sd) {
    if (variance == 0) {
      return lo < 0 && 0 <= hi ? 1 : 0;
    }
    return Math.exp(s * (s - 1) * variance / 2)
        * (Normal.cdf(hi - s * sd) - Normal.cdf(lo - s * sd));
  }

  private static final class Sums {
    double benefit;
    double q;
    double q2;
    double p;
    double p2;

    void add(double benefit, double q, double q2, double p, double p2) {
      this.benefit += benefit;
      this.q += q;
      this.q2 += q2;
      this.p += p;
      this.p2 += p2;
    }
  }
}
