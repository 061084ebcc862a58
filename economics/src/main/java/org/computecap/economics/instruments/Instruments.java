package org.computecap.economics.instruments;

import org.computecap.economics.audit.Normal;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Demand;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.Welfare;

/**
 * Prices, quantities and the hybrid for a population of the simulator's benefit families (POWER,
 * LOG, P1) under a multiplicative demand shock, by integrating over the shock: the expected
 * benefit, damage, quantity and price of each instrument, the tax that gives a cap's expected
 * quantity, and the linear model ({@link LinearWeitzman}) that approximates the population at the
 * cap. Prices are in the population's utility a permit, quantities in permits ({@code sum
 * lambdaBar_i·c_i}).
 *
 * <p><b>The shock</b> is the simulator's (issue 14): a multiplier m multiplies every developer's
 * compute at every price for POWER and LOG (POWER theta times m^(1-beta), LOG theta times m) and
 * P1's no-cap compute (a divided by m^(k+1)); {@link #scaled} applies it. Its log is normal with
 * variance v and mean -v/2, so {@code E m = 1}: the simulator's random walk in its period t has
 * {@code v = (t - 1)·sigma^2}. Every developer shares the one multiplier (one developer type).
 *
 * <p><b>Integration</b> is over the standard normal z of {@code log m = -v/2 + sqrt(v)·z} on [-8,
 * 8] (the tails beyond hold 1e-15), by composite Simpson's rule on each piece between the shocks at
 * which the cap's price meets the floor or the ceiling, so no kink falls inside a piece. For POWER
 * with one beta every expectation also has a closed form ({@link PowerInstruments}), which the
 * tests hold this integration to.
 */
public final class Instruments {

  private static final double Z_MAX = 8.0;
  private static final int INTERVALS = 256;
  private static final int BISECTIONS = 100;

  private Instruments() {}

  /**
   * A cap of {@code quantity} permits with a price floor and a ceiling: the market price is the
   * cap's clearing price held within [floor, ceiling], and at a held price developers choose their
   * own quantity. A tax is {@code floor = ceiling}.
   */
  public record Instrument(double quantity, double floor, double ceiling) {

    /** Validates {@code 0 <= floor <= ceiling}, a tax above 0, a cap above 0. */
    public Instrument {
      if (!(floor >= 0 && floor <= ceiling)) {
        throw new IllegalArgumentException(
            "floor must be >= 0 and at most the ceiling, was " + floor + " and " + ceiling);
      }
      if (floor == ceiling && !(floor > 0 && Double.isFinite(floor))) {
        throw new IllegalArgumentException("a tax must be finite and > 0, was " + floor);
      }
      if (floor != ceiling && !(quantity > 0 && Double.isFinite(quantity))) {
        throw new IllegalArgumentException("a cap must be finite and > 0, was " + quantity);
      }
    }

    /** A cap alone. */
    public static Instrument cap(double quantity) {
      return new Instrument(quantity, 0, Double.POSITIVE_INFINITY);
    }

    /** A tax of {@code price} a permit. */
    public static Instrument tax(double price) {
      return new Instrument(Double.POSITIVE_INFINITY, price, price);
    }

    /** A cap with a price floor and ceiling (Roberts and Spence 1976). */
    public static Instrument hybrid(double quantity, double floor, double ceiling) {
      return new Instrument(quantity, floor, ceiling);
    }

    boolean isTax() {
      return floor == ceiling;
    }
  }

  /**
   * Damage of aggregate compute, {@code D(Q) = linear·Q + slope·Q^2/2}: marginal damage {@code
   * linear + slope·Q}, Weitzman's {@code D'' = slope}.
   */
  public record Damage(double linear, double slope) {

    /** No damage. */
    public static final Damage NONE = new Damage(0, 0);

    /** Validates both finite and >= 0 (damage rises with compute and is convex). */
    public Damage {
      if (!(linear >= 0) || !(slope >= 0) || Double.isInfinite(linear + slope)) {
        throw new IllegalArgumentException(
            "damage linear and slope must be finite and >= 0, were " + linear + " and " + slope);
      }
    }

    /** {@code D(Q)}. */
    public double of(double quantity) {
      return linear * quantity + slope * quantity * quantity / 2;
    }
  }

  /** What an instrument gives in expectation over the shock. */
  public record Outcome(
      double benefit,
      double damage,
      double quantityMean,
      double quantityVariance,
      double priceMean,
      double priceVariance) {

    /** Expected welfare less damage (social welfare). */
    public double welfare() {
      return benefit - damage;
    }
  }

  /** The population with every developer's demand multiplied by {@code m} (as the simulator). */
  public static Population scaled(Population pop, double m) {
    if (!(m > 0) || Double.isInfinite(m)) {
      throw new IllegalArgumentException("multiplier must be finite and > 0, was " + m);
    }
    Population.Builder b = Population.builder(pop.size());
    for (int i = 0; i < pop.size(); i++) {
      BenefitFamily f = pop.family(i);
      double theta = pop.theta(i);
      double a = pop.a(i);
      switch (f) {
        case POWER -> theta *= Math.pow(m, 1.0 - pop.beta(i));
        case LOG -> theta *= m;
        case P1 -> a /= Math.pow(m, pop.k(i) + 1.0);
      }
      b.add(f, theta, pop.beta(i), pop.k(i), a, pop.lambdaBar(i));
    }
    return b.build();
  }

  /**
   * The outcome of {@code x} at one multiplier {@code m} (variances 0): what a simulated period
   * with that demand shock is checked against.
   */
  public static Outcome realised(Population pop, double m, Instrument x, Damage damage) {
    At at = at(pop, m, x);
    return new Outcome(at.benefit(), damage.of(at.quantity()), at.quantity(), 0, at.price(), 0);
  }

  /** One shock's benefit, quantity and price under an instrument. */
  record At(double benefit, double quantity, double price) {}

  static At at(Population pop, double m, Instrument x) {
    Population shocked = m == 1.0 ? pop : scaled(pop, m);
    double price = x.floor();
    double[] compute = null;
    if (!x.isTax()) {
      Equilibrium e = MarketClearing.solve(shocked, x.quantity());
      price = e.price();
      if (price >= x.floor() && price <= x.ceiling()) {
        compute = e.compute();
      } else {
        price = Math.max(x.floor(), Math.min(x.ceiling(), price));
      }
    }
    if (compute == null) {
      compute = new double[shocked.size()];
      for (int i = 0; i < compute.length; i++) {
        compute[i] = Demand.compute(shocked, i, price);
      }
    }
    double quantity = 0;
    for (int i = 0; i < compute.length; i++) {
      quantity += shocked.lambdaBar(i) * compute[i];
    }
    return new At(Welfare.total(shocked, compute), quantity, price);
  }

  /**
   * The expected outcome of {@code x} when the log of the demand multiplier has variance {@code
   * variance} (mean {@code -variance/2}, so the multiplier's mean is 1).
   */
  public static Outcome expected(Population pop, double variance, Instrument x, Damage damage) {
    if (!(variance >= 0) || Double.isInfinite(variance)) {
      throw new IllegalArgumentException("variance must be finite and >= 0, was " + variance);
    }
    if (variance == 0) {
      At at = at(pop, 1.0, x);
      return new Outcome(at.benefit(), damage.of(at.quantity()), at.quantity(), 0, at.price(), 0);
    }
    double sd = Math.sqrt(variance);
    double[] edges = edges(pop, variance, x);
    double[] sums = new double[6];
    for (int j = 0; j + 1 < edges.length; j++) {
      simpson(edges[j], edges[j + 1], z -> at(pop, Math.exp(-variance / 2 + sd * z), x), sums);
    }
    double w = sums[0];
    double q = sums[2] / w;
    double p = sums[4] / w;
    double expectedDamage = damage.linear() * q + damage.slope() * sums[3] / w / 2;
    return new Outcome(sums[1] / w, expectedDamage, q, sums[3] / w - q * q, p, sums[5] / w - p * p);
  }

  /**
   * The tax whose expected quantity equals the cap's ({@code quantity} when the cap always binds):
   * Weitzman's comparison sets the two instruments to the same expected compute.
   */
  public static double taxForExpectedQuantity(Population pop, double variance, double quantity) {
    double target = expected(pop, variance, Instrument.cap(quantity), Damage.NONE).quantityMean();
    double hi = MarketClearing.solve(pop, quantity).price();
    hi = hi > 0 ? hi : 1e-9;
    double lo = hi;
    while (meanTaxQuantity(pop, variance, lo) < target) {
      lo /= 2;
    }
    while (meanTaxQuantity(pop, variance, hi) > target) {
      hi *= 2;
    }
    for (int i = 0; i < BISECTIONS && hi - lo > 1e-15 * hi; i++) {
      double mid = Math.sqrt(lo * hi);
      if (meanTaxQuantity(pop, variance, mid) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.sqrt(lo * hi);
  }

  private static double meanTaxQuantity(Population pop, double variance, double t) {
    return expected(pop, variance, Instrument.tax(t), Damage.NONE).quantityMean();
  }

  /**
   * Weitzman's linear model of this population at the cap {@code quantity}: {@code |B''|} is the
   * slope of the inverse aggregate demand there (without a shock), sigma the standard deviation of
   * the cap's price over the shock (under a cap the price is the marginal benefit at the cap, so
   * its spread is the additive shock's), a the intercept that puts the expected marginal benefit at
   * the cap at the cap's expected price; damage as given.
   */
  public static LinearWeitzman linearised(
      Population pop, double variance, double quantity, Damage damage) {
    double price = MarketClearing.solve(pop, quantity).price();
    double slope = 0;
    for (int i = 0; i < pop.size(); i++) {
      double c = Demand.compute(pop, i, price);
      slope += pop.lambdaBar(i) * c * Demand.elasticity(pop, i, price) / price;
    }
    double b = -1 / slope;
    Outcome cap = expected(pop, variance, Instrument.cap(quantity), Damage.NONE);
    return new LinearWeitzman(
        cap.priceMean() + b * quantity,
        b,
        damage.linear(),
        damage.slope(),
        Math.sqrt(Math.max(0, cap.priceVariance())));
  }

  // The integration's piece boundaries in z: the ends and, inside, the shocks at which the cap's
  // clearing price meets the floor and the ceiling (it rises with the multiplier).
  private static double[] edges(Population pop, double variance, Instrument x) {
    if (x.isTax()) {
      return new double[] {-Z_MAX, Z_MAX};
    }
    double sd = Math.sqrt(variance);
    double[] out = new double[4];
    int n = 0;
    out[n++] = -Z_MAX;
    for (double level : new double[] {x.floor(), x.ceiling()}) {
      double z = crossing(pop, variance, sd, x.quantity(), level);
      if (z > out[n - 1] && z < Z_MAX) {
        out[n++] = z;
      }
    }
    out[n++] = Z_MAX;
    return java.util.Arrays.copyOf(out, n);
  }

  private static double crossing(
      Population pop, double variance, double sd, double quantity, double level) {
    if (!(level > 0) || Double.isInfinite(level)) {
      return Double.NaN;
    }
    double lo = -Z_MAX;
    double hi = Z_MAX;
    if (capPrice(pop, variance, sd, quantity, lo) >= level
        || capPrice(pop, variance, sd, quantity, hi) <= level) {
      return Double.NaN;
    }
    for (int i = 0; i < BISECTIONS && hi - lo > 1e-13; i++) {
      double mid = (lo + hi) / 2;
      if (capPrice(pop, variance, sd, quantity, mid) < level) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double capPrice(
      Population pop, double variance, double sd, double quantity, double z) {
    return MarketClearing.solve(scaled(pop, Math.exp(-variance / 2 + sd * z)), quantity).price();
  }

  // Adds the integrals over (lo, hi) of phi(z) times 1, benefit, Q, Q^2, p, p^2.
  private static void simpson(
      double lo, double hi, java.util.function.DoubleFunction<At> f, double[] sums) {
    double h = (hi - lo) / INTERVALS;
    for (int j = 0; j <= INTERVALS; j++) {
      double z = lo + j * h;
      double weight = (j == 0 || j == INTERVALS ? 1 : j % 2 == 1 ? 4 : 2) * h / 3 * Normal.pdf(z);
      At at = f.apply(z);
      sums[0] += weight;
      sums[1] += weight * at.benefit();
      sums[2] += weight * at.quantity();
      sums[3] += weight * at.quantity() * at.quantity();
      sums[4] += weight * at.price();
      sums[5] += weight * at.price() * at.price();
    }
  }
}
