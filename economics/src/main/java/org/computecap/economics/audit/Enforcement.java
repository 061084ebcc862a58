package org.computecap.economics.audit;

/**
 * What under-reporting by D permits is expected to cost a developer (P2 Eq. 1 with the noisy audits
 * of App. A): each report is audited with probability {@code rho}; the audit measures the true
 * quantity with Gaussian noise {@code eta ~ N(0, sigma^2)} (sigma in permits); the regulator
 * deducts a measurement tolerance {@code tau} (permits) from what it measured and charges the
 * penalty on what is left beyond the report, {@code phi((D - tau + eta)+)}, and, when the program
 * has make-good, the detected shortfall is owed again later at {@code makeGoodPrice} a permit. So
 * the expected cost of a shortfall D is {@code rho·Psi(D)} with
 *
 * <pre>
 *   Psi(D) = E[phi_m((D - tau + eta)+)],   phi_m(x) = (linear + makeGoodPrice)·x + quadratic·x^2.
 * </pre>
 *
 * <p>Closed forms, with {@code a = D - tau}, {@code z = a/sigma}, Phi and phi the standard normal
 * distribution and density: {@code E[(a+eta)+] = a·Phi(z) + sigma·phi(z)}, {@code E[((a+eta)+)^2] =
 * (a^2 + sigma^2)·Phi(z) + a·sigma·phi(z)}, hence {@code Psi'(D) = linear_m·Phi(z) +
 * 2·quadratic·(a·Phi(z) + sigma·phi(z))}. With {@code sigma = 0} they reduce to {@code phi_m((D -
 * tau)+)}; with {@code tau = 0} as well, to P2's {@code phi_m(D)}.
 *
 * <p>Psi is convex in D (an expectation of a convex function of D), so the gain from a shortfall,
 * {@code p·D - rho·(Psi(D) - Psi(0))}, is concave: it is never positive for any D exactly when it
 * is not increasing at 0, i.e. {@code rho·Psi'(0) >= p}. That is the deterrence condition with
 * noise and tolerance, and {@link #minimumAuditProbability} is {@code p/Psi'(0)}. Psi(0) is what an
 * honest developer expects to pay for noise alone (false positives); a larger tolerance lowers it
 * and lowers {@code Psi'(0)} with it: the regulator's trade-off between false positives and
 * deterrence. P2 App. A writes the condition as {@code rho·d(D)·phi(D) >= p·D}; with the detection
 * probability {@link #detection} that condition needs {@code rho >= p/(linear_m·Phi(-tau/sigma))},
 * the same threshold when quadratic = 0 and a higher (safe) one when quadratic &gt; 0, because App.
 * A charges phi at the true shortfall while this engine charges it at the measured one.
 */
public record Enforcement(
    double rho,
    PenaltyFunction penalty,
    double makeGoodPrice,
    double sigma,
    double tolerance,
    double hideableShare,
    double collateral,
    double liabilityCap) {

  /**
   * Validates rho in [0, 1], the rest finite and &gt;= 0, and {@code hideableShare} in [0, 1]: the
   * most of what it owes a developer can leave unreported (1 for any of it; an attested meter of
   * relative uncertainty u leaves u, issue 17, see {@link
   * org.computecap.economics.market.Evasion}).
   */
  public Enforcement {
    Arguments.probability("rho", rho);
    if (penalty == null) {
      throw new IllegalArgumentException("penalty must not be null");
    }
    Arguments.nonNegative("makeGoodPrice", makeGoodPrice);
    Arguments.nonNegative("sigma", sigma);
    Arguments.nonNegative("tolerance", tolerance);
    Arguments.probability("hideableShare", hideableShare);
    Arguments.nonNegative("collateral", collateral);
    if (!(liabilityCap >= 0.0)) {
      throw new IllegalArgumentException(
          "liabilityCap must be >= 0 (infinite for no cap), was " + liabilityCap);
    }
  }

  /** Enforcement with a hideable share and no collateral or liability cap. */
  public Enforcement(
      double rho,
      PenaltyFunction penalty,
      double makeGoodPrice,
      double sigma,
      double tolerance,
      double hideableShare) {
    this(
        rho,
        penalty,
        makeGoodPrice,
        sigma,
        tolerance,
        hideableShare,
        0.0,
        Double.POSITIVE_INFINITY);
  }

  /** Enforcement under which a developer may leave any part of what it owes unreported. */
  public Enforcement(
      double rho, PenaltyFunction penalty, double makeGoodPrice, double sigma, double tolerance) {
    this(rho, penalty, makeGoodPrice, sigma, tolerance, 1.0);
  }

  /**
   * The same enforcement with collateral {@code collateral} forfeited on a detected shortfall and a
   * liability cap (infinite for none): the sanction is {@link Collateral#sanction} (issue 17).
   */
  public Enforcement withCollateral(double newCollateral, double newLiabilityCap) {
    return new Enforcement(
        rho,
        penalty,
        makeGoodPrice,
        sigma,
        tolerance,
        hideableShare,
        newCollateral,
        newLiabilityCap);
  }

  /** Whether collateral or a liability cap changes the sanction. */
  public boolean hasCollateral() {
    return collateral > 0.0 || liabilityCap != Double.POSITIVE_INFINITY;
  }

  /** The same enforcement with at most {@code share} of what is owed hideable (issue 17). */
  public Enforcement withHideableShare(double share) {
    return new Enforcement(
        rho, penalty, makeGoodPrice, sigma, tolerance, share, collateral, liabilityCap);
  }

  /** Perfect audits, no tolerance, no make-good: P2 Sec 4 exactly. */
  public static Enforcement perfect(double rho, double linear, double quadratic) {
    return new Enforcement(rho, new PenaltyFunction(linear, quadratic), 0.0, 0.0, 0.0);
  }

  /** The same enforcement with another audit probability. */
  public Enforcement withRho(double newRho) {
    return new Enforcement(
        newRho, penalty, makeGoodPrice, sigma, tolerance, hideableShare, collateral, liabilityCap);
  }

  /**
   * The same enforcement with money in a unit {@code moneyUnit} times larger (the penalty's
   * coefficients and the make-good price divided by it), e.g. cents to a benefit function's utility
   * units; probabilities and quantities are unchanged.
   */
  public Enforcement inMoneyUnit(double moneyUnit) {
    Arguments.positive("moneyUnit", moneyUnit);
    return new Enforcement(
        rho,
        new PenaltyFunction(penalty.linear() / moneyUnit, penalty.quadratic() / moneyUnit),
        makeGoodPrice / moneyUnit,
        sigma,
        tolerance,
        hideableShare,
        collateral / moneyUnit,
        liabilityCap / moneyUnit);
  }

  /** The same enforcement seen by a developer whose permits scale by {@code factor}. */
  public Enforcement scaled(double factor) {
    Arguments.positive("factor", factor);
    return new Enforcement(
        rho,
        penalty,
        makeGoodPrice,
        sigma * factor,
        tolerance * factor,
        hideableShare,
        collateral,
        liabilityCap);
  }

  /** The linear coefficient including make-good: {@code linear + makeGoodPrice}. */
  public double linearWithMakeGood() {
    return penalty.linear() + makeGoodPrice;
  }

  /**
   * App. A's detection probability {@code d(D) = Pr(D - tau + eta > 0) = Phi((D - tau)/sigma)}: the
   * chance that an audit of a shortfall D finds anything beyond the tolerance.
   */
  public double detection(double shortfall) {
    Arguments.nonNegative("shortfall", shortfall);
    double a = shortfall - tolerance;
    if (sigma == 0.0) {
      return a > 0.0 ? 1.0 : 0.0;
    }
    return Normal.cdf(a / sigma);
  }

  /** {@code Psi(D)}: the expected charge of one audit of a shortfall D (see the class comment). */
  public double expectedCharge(double shortfall) {
    Arguments.nonNegative("shortfall", shortfall);
    double a = shortfall - tolerance;
    double lin = linearWithMakeGood();
    double q = penalty.quadratic();
    if (sigma == 0.0) {
      double x = Math.max(0.0, a);
      return x * (lin + q * x);
    }
    double z = a / sigma;
    double cdf = Normal.cdf(z);
    double pdf = Normal.pdf(z);
    double first = a * cdf + sigma * pdf;
    double second = (a * a + sigma * sigma) * cdf + a * sigma * pdf;
    return lin * Math.max(0.0, first) + q * Math.max(0.0, second);
  }

  /** {@code Psi'(D)}, the right derivative where sigma = 0 makes Psi kinked. */
  public double marginalCharge(double shortfall) {
    Arguments.nonNegative("shortfall", shortfall);
    double a = shortfall - tolerance;
    double lin = linearWithMakeGood();
    double q = penalty.quadratic();
    if (sigma == 0.0) {
      return a >= 0.0 ? lin + 2.0 * q * a : 0.0;
    }
    double z = a / sigma;
    double cdf = Normal.cdf(z);
    return lin * cdf + 2.0 * q * Math.max(0.0, a * cdf + sigma * Normal.pdf(z));
  }

  /** {@code rho·(Psi(D) - Psi(0))}: what a shortfall D adds to the expected charges of honesty. */
  public double expectedPenalty(double shortfall) {
    return rho * (expectedCharge(shortfall) - expectedCharge(0.0));
  }

  /** Whether no shortfall pays at permit price {@code price}: {@code rho·Psi'(0) >= p}. */
  public boolean deters(double price) {
    Arguments.nonNegative("price", price);
    return rho * marginalCharge(0.0) >= price;
  }

  /**
   * The smallest audit probability that deters every shortfall at {@code price}: {@code p/Psi'(0)},
   * infinite when small shortfalls are never charged (a tolerance with exact audits). Not clipped
   * to 1: a value above 1 means no audit rate deters.
   */
  public double minimumAuditProbability(double price) {
    Arguments.nonNegative("price", price);
    if (price == 0.0) {
      return 0.0;
    }
    double marginal = marginalCharge(0.0);
    return marginal > 0.0 ? price / marginal : Double.POSITIVE_INFINITY;
  }

  /**
   * App. A's own threshold for this detection technology: the smallest rho with {@code
   * rho·d(D)·phi_m(D) >= p·D} for every D, solved numerically by {@link NoisyAudit}.
   */
  public double appendixAMinimumAuditProbability(double price) {
    return NoisyAudit.minimumAuditProbability(
        price, new PenaltyFunction(linearWithMakeGood(), penalty.quadratic()), this::detection);
  }

  /**
   * The shortfall D in [0, owed] maximising {@code p·D - rho·Psi(D)}: 0 when deterred; otherwise
   * the root of {@code rho·Psi'(D) = p} (in closed form when sigma = 0: {@code tau + (p -
   * rho·linear_m)/(2·rho·quadratic)}, at least tau), or all of {@code owed} when even the last
   * permit is cheaper to hide than to buy. {@code owed} may be infinite, which gives the interior
   * optimum alone (infinite when the marginal expected charge never reaches the price).
   */
  public double bestShortfall(double owed, double price) {
    Arguments.nonNegative("price", price);
    if (!(owed >= 0.0)) {
      throw new IllegalArgumentException("owed must be >= 0, was " + owed);
    }
    if (deters(price)) {
      return 0.0;
    }
    if (Double.isFinite(owed) && rho * marginalCharge(owed) <= price) {
      return owed;
    }
    double lin = linearWithMakeGood();
    double q = penalty.quadratic();
    if (sigma == 0.0) {
      if (rho * lin >= price) {
        return Math.min(owed, tolerance);
      }
      return q > 0.0 && rho > 0.0
          ? Math.min(owed, tolerance + (price - rho * lin) / (2.0 * rho * q))
          : owed;
    }
    return Math.min(owed, rootOfMarginal(price));
  }

  // The D with rho·Psi'(D) = p by bracketing then bisection (Psi' is continuous and
  // nondecreasing when sigma > 0); infinite when rho·Psi' stays below p.
  private double rootOfMarginal(double price) {
    if (penalty.quadratic() == 0.0 && rho * linearWithMakeGood() <= price) {
      return Double.POSITIVE_INFINITY;
    }
    double hi = Math.max(sigma, tolerance) + sigma;
    for (int n = 0; rho * marginalCharge(hi) < price; n++) {
      if (n > 2000 || !Double.isFinite(hi)) {
        return Double.POSITIVE_INFINITY;
      }
      hi *= 2.0;
    }
    double lo = 0.0;
    for (int n = 0; n < 200; n++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (rho * marginalCharge(mid) < price) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
