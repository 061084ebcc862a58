package org.computecap.economics.market;

import java.util.OptionalDouble;

/**
 * The permit price that clears the market (P2 Eq. 6): aggregate risk-weighted demand {@code S(p) =
 * sum lambdaBar_i·c_i(p)} equals the cap Q, or p = 0 when the cap does not bind.
 *
 * <p>S is strictly decreasing, so the root is unique. It is found in log-price space u = ln p on
 * {@code f(u) = ln S - ln Q}: safeguarded Newton with the analytic derivative {@code d ln S/du}
 * (the demand-weighted mean elasticity), falling back to bisection whenever a step leaves the
 * bracket or a sum overflows, and widening the bracket geometrically until the root is enclosed;
 * where the second derivative allows, the step is Halley's (cubic). For POWER/LOG populations ln S
 * is convex in u, so Newton converges monotonically from anywhere; one shared beta (or all LOG) has
 * a closed form, used as the starting point, and a large mixed population starts from the clearing
 * price of a 4,096-developer sample. Sums are compensated (Neumaier) so the relative residual
 * reaches 1e-12 even for 10^7 developers.
 *
 * <p>Why the passes look the way they do: at 10^7 developers the cost is arithmetic, not memory (a
 * pow per developer per pass was 44x the time to stream the columns once). So only the first pass
 * evaluates demand from scratch; it keeps every demand in the result array and later passes scale
 * them by the step in log-price with short Taylor series (see DemandPass), and the pass that meets
 * the tolerance has already filled the result. Every pass is one loop over primitive arrays; a
 * solve allocates nothing per developer beyond its result.
 */
public final class MarketClearing {

  /** Target relative residual |S(p) - Q|/Q. */
  static final double TOLERANCE = 1e-12;

  /** Always-on guarantee: a residual above this is a solver failure, not a result. */
  static final double GUARANTEE = 1e-9;

  private static final int MAX_ITERATIONS = 400;
  private static final double MAX_NEWTON_STEP = 64.0;
  private static final double LOG_PRICE_MAX = Math.log(Double.MAX_VALUE);
  private static final double LOG_PRICE_MIN = Math.log(Double.MIN_NORMAL);

  /** Developers in the sample that gives Newton its starting point on large populations. */
  private static final int SAMPLE = 4096;

  /**
   * Largest |argument| handed to the short Taylor series of exp (EXP_SMALL) and of log1p
   * (LOG_SMALL) in an incremental pass; within them the series' 13 and 15 terms leave a remainder
   * below 1e-18 relative, under the rounding of the pass itself.
   */
  private static final double EXP_SMALL = 1.0 / 8.0;

  private static final double LOG_SMALL = 1.0 / 16.0;

  /** Demands outside this range are recomputed from scratch, never scaled (no underflow). */
  private static final double SCALABLE_MIN = 1e-250;

  private static final double SCALABLE_MAX = 1e250;

  private MarketClearing() {}

  /**
   * The competitive equilibrium for cap {@code capQ} > 0.
   *
   * @throws IllegalArgumentException when capQ is not finite and > 0
   */
  public static Equilibrium solve(Population pop, double capQ) {
    if (!(capQ > 0.0) || Double.isInfinite(capQ)) {
      throw new IllegalArgumentException("capQ must be finite and > 0, was " + capQ);
    }
    double[] compute = new double[pop.size()];
    if (finiteDemandAtZero(pop) && aggregate(pop, 0.0, compute) <= capQ) {
      return new Equilibrium(0.0, false, compute);
    }
    OptionalDouble closed = closedFormPrice(pop, capQ);
    double u = closed.isPresent() ? Math.log(closed.getAsDouble()) : sampledStart(pop, capQ);
    u = Double.isFinite(u) ? Math.max(LOG_PRICE_MIN, Math.min(LOG_PRICE_MAX, u)) : 0.0;
    DemandPass pass = new DemandPass(pop, compute);
    u = solveLogPrice(pass, capQ, u);
    double supplied = pass.filledAt(u);
    double price = Math.exp(u);
    double residual = Math.abs(supplied - capQ) / capQ;
    boolean priceOutOfRange = price >= 0.5 * Double.MAX_VALUE || price <= 2 * Double.MIN_NORMAL;
    if (!(residual <= GUARANTEE) && priceOutOfRange) {
      throw new IllegalArgumentException(
          "capQ "
              + capQ
              + " puts the clearing price"
              + " outside the range of a double; it is out of scale for this population");
    }
    if (!(residual <= GUARANTEE)) {
      throw new AssertionError(
          "market clearing failed: residual "
              + residual
              + " at price "
              + price
              + " for cap "
              + capQ);
    }
    return new Equilibrium(price, true, compute);
  }

  // Newton's starting log-price for a large population: the clearing log-price of about
  // SAMPLE developers, one drawn from each block of n/SAMPLE (a hashed offset inside the
  // block, so that a periodic population is not aliased), against the cap scaled to the
  // sample. Only a starting point: a poor one costs passes, never correctness.
  private static double sampledStart(Population pop, double capQ) {
    int n = pop.size();
    if (n < 4 * SAMPLE) {
      return 0.0;
    }
    int stride = n / SAMPLE;
    int[] picked = new int[SAMPLE];
    for (int j = 0; j < SAMPLE; j++) {
      long mixed = (j + 1) * 0x9E3779B97F4A7C15L;
      picked[j] = j * stride + (int) ((mixed >>> 33) % stride);
    }
    double sampleCap = capQ * SAMPLE / n;
    LogPricePass sample =
        (u, slope) -> {
          double price = Math.exp(u);
          double sum = 0.0;
          double derivative = 0.0;
          for (int i : picked) {
            byte family = pop.family[i];
            double lambda = pop.lambdaBar[i];
            double term =
                lambda
                    * Demand.of(
                        family, pop.theta[i], pop.beta[i], pop.k[i], pop.a[i], lambda, price);
            sum += term;
            derivative +=
                term * Demand.elasticity(family, pop.beta[i], pop.k[i], pop.a[i], lambda, price);
          }
          slope[0] = derivative;
          slope[1] = Double.NaN;
          return finiteOrInfinite(sum);
        };
    return solveLogPrice(sample, sampleCap, 0.0);
  }

  /**
   * Aggregate risk-weighted demand {@code S(p) = sum lambdaBar_i·c_i(p)} (infinite at p = 0 unless
   * every developer is P1 with a &gt; 0).
   */
  public static double aggregateDemand(Population pop, double price) {
    if (!(price >= 0.0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be finite and >= 0, was " + price);
    }
    return aggregate(pop, price, null);
  }

  /**
   * The closed-form clearing price when every developer is POWER with one shared beta, {@code p =
   * (sum lambda_i (theta_i/lambda_i)^(1/(1-beta)) / Q)^(1-beta)}, or every developer is LOG, {@code
   * p = sum theta_i / Q}; empty otherwise. Evaluated in logs with the largest term factored out, so
   * it cannot overflow.
   */
  public static OptionalDouble closedFormPrice(Population pop, double capQ) {
    if (!(capQ > 0.0) || Double.isInfinite(capQ)) {
      throw new IllegalArgumentException("capQ must be finite and > 0, was " + capQ);
    }
    byte first = pop.family[0];
    double beta = pop.beta[0];
    for (int i = 1; i < pop.size(); i++) {
      if (pop.family[i] != first || pop.beta[i] != beta) {
        return OptionalDouble.empty();
      }
    }
    if (first == BenefitFamily.LOG_CODE) {
      return OptionalDouble.of(compensatedSum(pop.theta) / capQ);
    }
    if (first != BenefitFamily.POWER_CODE) {
      return OptionalDouble.empty();
    }
    double exponent = 1.0 / (1.0 - beta);
    double maxLog = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < pop.size(); i++) {
      maxLog = Math.max(maxLog, Math.log(pop.theta[i] / pop.lambdaBar[i]));
    }
    double sum = 0.0;
    for (int i = 0; i < pop.size(); i++) {
      double scaled = (Math.log(pop.theta[i] / pop.lambdaBar[i]) - maxLog) * exponent;
      sum += pop.lambdaBar[i] * Math.exp(scaled);
    }
    return OptionalDouble.of(Math.exp((Math.log(sum) - Math.log(capQ)) / exponent + maxLog));
  }

  // Safeguarded Newton (Halley where it is safe) on f(u) = ln S(e^u) - ln Q over the
  // developers that `pass` sums; returns the log-price with least residual.
  private static double solveLogPrice(LogPricePass pass, double capQ, double start) {
    double logQ = Math.log(capQ);
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    double u = start;
    double bestU = start;
    double bestResidual = Double.POSITIVE_INFINITY;
    double widen = 1.0;
    double[] slope = new double[2];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double supplied = pass.supplied(u, slope);
      double residual = Math.abs(supplied - capQ) / capQ;
      if (residual < bestResidual) {
        bestResidual = residual;
        bestU = u;
      }
      if (residual <= TOLERANCE) {
        return u;
      }
      if (supplied > capQ) {
        lo = u;
      } else {
        hi = u;
      }
      double next = u + step(Math.log(supplied) - logQ, slope[0] / supplied, slope[1] / supplied);
      if (!Double.isFinite(next) || Math.abs(next - u) > MAX_NEWTON_STEP) {
        next = Double.NaN;
      }
      if (!(next > lo && next < hi)) {
        if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
          next = Double.isInfinite(hi) ? u + widen : u - widen;
          widen *= 2.0;
        } else {
          next = 0.5 * (lo + hi);
        }
      }
      next = Math.max(LOG_PRICE_MIN, Math.min(LOG_PRICE_MAX, next));
      if (next == u || (hi - lo) <= 4 * Math.ulp(Math.abs(u) + 1.0)) {
        break;
      }
      u = next;
    }
    return bestU;
  }

  // The step to the root of f from f, f' = S'/S and S''/S: Halley's (cubic convergence,
  // so a pass fewer than Newton from a sampled start) when the curvature is known and the
  // correction is moderate, Newton's otherwise.
  private static double step(double f, double relativeSlope, double relativeCurvature) {
    double newton = -f / relativeSlope;
    double curvature = relativeCurvature - relativeSlope * relativeSlope;
    double damping = 1.0 - 0.5 * f * curvature / (relativeSlope * relativeSlope);
    return Double.isFinite(damping) && damping >= 0.5 && damping <= 2.0 ? newton / damping : newton;
  }

  /** True when every developer is P1 with a &gt; 0, the only way S(0) can be finite. */
  static boolean finiteDemandAtZero(Population pop) {
    for (int i = 0; i < pop.family.length; i++) {
      if (pop.family[i] != BenefitFamily.P1_CODE || !(pop.a[i] > 0.0)) {
        return false;
      }
    }
    return true;
  }

  /** S(p), filling {@code compute} when given; compensated so 10^7 terms stay accurate. */
  static double aggregate(Population pop, double price, double[] compute) {
    double sum = 0.0;
    double correction = 0.0;
    for (int i = 0; i < pop.family.length; i++) {
      double c =
          Demand.of(
              pop.family[i],
              pop.theta[i],
              pop.beta[i],
              pop.k[i],
              pop.a[i],
              pop.lambdaBar[i],
              price);
      if (compute != null) {
        compute[i] = c;
      }
      double term = pop.lambdaBar[i] * c;
      double t = sum + term;
      correction += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
      sum = t;
    }
    return finiteOrInfinite(sum + correction);
  }

  // An overflowing sum turns into NaN through the compensation term; it means "too much".
  private static double finiteOrInfinite(double sum) {
    return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
  }

  private static double compensatedSum(double[] values) {
    double sum = 0.0;
    double correction = 0.0;
    for (double value : values) {
      double t = sum + value;
      correction += Math.abs(sum) >= Math.abs(value) ? (sum - t) + value : (value - t) + sum;
      sum = t;
    }
    return sum + correction;
  }

  /**
   * One evaluation of S(e^u) with dS/du into slope[0] and d^2S/du^2 into slope[1] (NaN when not
   * computed).
   */
  @FunctionalInterface
  private interface LogPricePass {
    double supplied(double u, double[] slope);
  }

  /**
   * The pass over every developer. It keeps each developer's demand at the last log-price it
   * evaluated in the compute array, so the pass at the clearing price is also the fill, and a
   * Newton step from u to u + d needs no pow: a POWER demand scales by exp(-d/(1-beta)) and a P1
   * demand by (1 + s·(e^d - 1))^(-1/(k+1)), s = p·lambda/(a + p·lambda) its cost share, both short
   * Taylor series of exp and log1p while the arguments stay small (LOG demand is theta/(p·lambda),
   * a division). Steps from a sampled start are that small, so a solve costs one pow pass plus two
   * or three of these arithmetic passes instead of a pow per developer per pass. A large step, or a
   * demand near the ends of the double range (scaling it could lose it to underflow), takes a full
   * pass with pow.
   */
  private static final class DemandPass implements LogPricePass {
    private final Population pop;
    private final double[] compute;
    private final double maxPowerExponent;
    private double heldU = Double.NaN;
    private double heldSupply;
    private boolean scalable;

    DemandPass(Population pop, double[] compute) {
      this.pop = pop;
      this.compute = compute;
      double max = 0.0;
      for (int i = 0; i < pop.family.length; i++) {
        if (pop.family[i] == BenefitFamily.POWER_CODE) {
          max = Math.max(max, 1.0 / (1.0 - pop.beta[i]));
        }
      }
      maxPowerExponent = max;
    }

    /** S at log-price u with compute filled for it; reuses the last pass when it was u. */
    double filledAt(double u) {
      if (!(heldU == u)) {
        supplied(u, new double[2]);
      }
      return heldSupply;
    }

    @Override
    public double supplied(double u, double[] slope) {
      double d = u - heldU;
      double shrink = -Math.expm1(-d);
      // A P1 exponent is (1/(k+1))·ln(1 + z) with |z| <= LOG_SMALL, so below EXP_SMALL.
      boolean incremental =
          scalable && Math.abs(d) * maxPowerExponent <= EXP_SMALL && Math.abs(shrink) <= LOG_SMALL;
      double supplied = pass(u, incremental ? d : Double.NaN, shrink, slope);
      heldU = u;
      heldSupply = supplied;
      return supplied;
    }

    // One pass at log-price u: from scratch (pow) when d is NaN, else scaling the held
    // demands by the step d = u - heldU, with shrink = 1 - e^(-d).
    private double pass(double u, double d, double shrink, double[] slope) {
      boolean incremental = !Double.isNaN(d);
      byte[] family = pop.family;
      double[] theta = pop.theta;
      double[] beta = pop.beta;
      double[] k = pop.k;
      double[] a = pop.a;
      double[] lambdaBar = pop.lambdaBar;
      double[] held = compute;
      double price = Math.exp(u);
      double inversePrice = 1.0 / price;
      double sum = 0.0;
      double correction = 0.0;
      double derivative = 0.0;
      double curvature = 0.0;
      boolean inRange = true;
      for (int i = 0; i < family.length; i++) {
        double lambda = lambdaBar[i];
        double c;
        double elasticity;
        double elasticitySlope = 0.0;
        switch (family[i]) {
          case BenefitFamily.POWER_CODE -> {
            double exponent = 1.0 / (1.0 - beta[i]);
            c =
                incremental
                    ? held[i] * expSmall(-d * exponent)
                    : Math.pow(theta[i] * inversePrice / lambda, exponent);
            elasticity = -exponent;
          }
          case BenefitFamily.LOG_CODE -> {
            c = theta[i] * inversePrice / lambda;
            elasticity = -1.0;
          }
          case BenefitFamily.P1_CODE -> {
            double r = 1.0 / (k[i] + 1.0);
            double marginalCost = price * lambda;
            double inverseFull = 1.0 / (a[i] + marginalCost);
            double share = marginalCost * inverseFull;
            // (a + p·lambda)/(a + p_held·lambda) = 1/(1 - share·shrink).
            c =
                incremental
                    ? held[i] * expSmall(r * log1pSmall(-share * shrink))
                    : Math.pow(k[i] * inverseFull, r);
            elasticity = -r * share;
            elasticitySlope = elasticity * (1.0 - share);
          }
          default -> throw new AssertionError("unknown benefit family code " + family[i]);
        }
        held[i] = c;
        inRange &= c >= SCALABLE_MIN & c <= SCALABLE_MAX;
        double term = lambda * c;
        derivative += term * elasticity;
        curvature += term * (elasticity * elasticity + elasticitySlope);
        double t = sum + term;
        correction += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
      }
      slope[0] = derivative;
      slope[1] = curvature;
      double total = finiteOrInfinite(sum + correction);
      scalable = inRange && Double.isFinite(total);
      return total;
    }
  }

  // e^x for |x| <= EXP_SMALL: Taylor to x^12 (remainder below 1e-21 relative), evaluated by
  // Estrin's scheme so its dependency chain is 5 multiply-adds deep, not 12 (Horner's).
  static double expSmall(double x) {
    double x2 = x * x;
    double x4 = x2 * x2;
    double x8 = x4 * x4;
    double p0 = (1.0 + 1.0 * x);
    double p1 = (1.0 / 2.0 + 1.0 / 6.0 * x);
    double p2 = (1.0 / 24.0 + 1.0 / 120.0 * x);
    double p3 = (1.0 / 720.0 + 1.0 / 5040.0 * x);
    double p4 = (1.0 / 40320.0 + 1.0 / 362880.0 * x);
    double p5 = (1.0 / 3628800.0 + 1.0 / 39916800.0 * x);
    double p6 = 1.0 / 479001600.0;
    double p0_0 = p0 + p1 * x2;
    double p2_0 = p2 + p3 * x2;
    double p4_0 = p4 + p5 * x2;
    double p0_0_1 = p0_0 + p2_0 * x4;
    double p4_0_1 = p4_0 + p6 * x4;
    double p0_0_1_2 = p0_0_1 + p4_0_1 * x8;
    return p0_0_1_2;
  }

  // ln(1 + z) for |z| <= LOG_SMALL: z times the Taylor series of ln(1 + z)/z to z^14
  // (remainder below 1e-19 relative), Estrin's scheme as in expSmall.
  static double log1pSmall(double z) {
    double x2 = z * z;
    double x4 = x2 * x2;
    double x8 = x4 * x4;
    double p0 = (1.0 + -1.0 / 2.0 * z);
    double p1 = (1.0 / 3.0 + -1.0 / 4.0 * z);
    double p2 = (1.0 / 5.0 + -1.0 / 6.0 * z);
    double p3 = (1.0 / 7.0 + -1.0 / 8.0 * z);
    double p4 = (1.0 / 9.0 + -1.0 / 10.0 * z);
    double p5 = (1.0 / 11.0 + -1.0 / 12.0 * z);
    double p6 = (1.0 / 13.0 + -1.0 / 14.0 * z);
    double p7 = 1.0 / 15.0;
    double p0_0 = p0 + p1 * x2;
    double p2_0 = p2 + p3 * x2;
    double p4_0 = p4 + p5 * x2;
    double p6_0 = p6 + p7 * x2;
    double p0_0_1 = p0_0 + p2_0 * x4;
    double p4_0_1 = p4_0 + p6_0 * x4;
    double p0_0_1_2 = p0_0_1 + p4_0_1 * x8;
    return z * p0_0_1_2;
  }
}
