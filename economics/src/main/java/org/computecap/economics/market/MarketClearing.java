package org.computecap.economics.market;

import java.util.OptionalDouble;

/**
 * The permit price that clears the market (P2 Eq. 6): aggregate risk-weighted demand
 * {@code S(p) = sum lambdaBar_i·c_i(p)} equals the cap Q, or p = 0 when the cap does not bind.
 *
 * <p>S is strictly decreasing, so the root is unique. It is found in log-price space
 * u = ln p on {@code f(u) = ln S - ln Q}: safeguarded Newton with the analytic derivative
 * {@code d ln S/du} (the demand-weighted mean elasticity), falling back to bisection whenever a
 * step leaves the bracket or a sum overflows, and widening the bracket geometrically until the
 * root is enclosed. For POWER/LOG populations ln S is convex in u, so Newton converges
 * monotonically from anywhere; one shared beta (or all LOG) has a closed form, used as the
 * starting point. Sums are compensated (Neumaier) so the relative residual reaches 1e-12 even
 * for 10^7 developers. Every pass is one loop over primitive arrays with no allocation.
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
     * A pass that follows one with at most this residual fills the compute array as it goes:
     * Newton squares the residual, so that pass almost always meets TOLERANCE and is the last.
     */
    private static final double FILL_AT = 1e-7;

    private MarketClearing() {
    }

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
        CoefficientPass pass = new CoefficientPass(pop, compute);
        u = solveLogPrice(pass, capQ, u, FILL_AT);
        double supplied = pass.filledAt(u);
        double price = Math.exp(u);
        double residual = Math.abs(supplied - capQ) / capQ;
        boolean priceOutOfRange =
                price >= 0.5 * Double.MAX_VALUE || price <= 2 * Double.MIN_NORMAL;
        if (!(residual <= GUARANTEE) && priceOutOfRange) {
            throw new IllegalArgumentException("capQ " + capQ + " puts the clearing price"
                    + " outside the range of a double; it is out of scale for this population");
        }
        if (!(residual <= GUARANTEE)) {
            throw new AssertionError("market clearing failed: residual " + residual
                    + " at price " + price + " for cap " + capQ);
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
        LogPricePass sample = (u, fill, slope) -> {
            double price = Math.exp(u);
            double sum = 0.0;
            double derivative = 0.0;
            for (int i : picked) {
                byte family = pop.family[i];
                double lambda = pop.lambdaBar[i];
                double term = lambda * Demand.of(family, pop.theta[i], pop.beta[i], pop.k[i],
                        pop.a[i], lambda, price);
                sum += term;
                derivative += term * Demand.elasticity(family, pop.beta[i], pop.k[i], pop.a[i],
                        lambda, price);
            }
            slope[0] = derivative;
            slope[1] = Double.NaN;
            return finiteOrInfinite(sum);
        };
        return solveLogPrice(sample, sampleCap, 0.0, 0.0);
    }

    /**
     * Aggregate risk-weighted demand {@code S(p) = sum lambdaBar_i·c_i(p)} (infinite at p = 0
     * unless every developer is P1 with a &gt; 0).
     */
    public static double aggregateDemand(Population pop, double price) {
        if (!(price >= 0.0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and >= 0, was " + price);
        }
        return aggregate(pop, price, null);
    }

    /**
     * The closed-form clearing price when every developer is POWER with one shared beta,
     * {@code p = (sum lambda_i (theta_i/lambda_i)^(1/(1-beta)) / Q)^(1-beta)}, or every
     * developer is LOG, {@code p = sum theta_i / Q}; empty otherwise. Evaluated in logs with
     * the largest term factored out, so it cannot overflow.
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

    // Safeguarded Newton on f(u) = ln S(e^u) - ln Q over the developers that `pass` sums;
    // returns the log-price with least residual. When `fillAt` > 0 a pass whose predecessor's
    // residual was at most `fillAt` is asked to fill the compute array as it goes (see
    // LogPricePass); the loop then stops as soon as such a pass meets the tolerance.
    private static double solveLogPrice(LogPricePass pass, double capQ, double start,
                                        double fillAt) {
        double logQ = Math.log(capQ);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double u = start;
        double bestU = start;
        double bestResidual = Double.POSITIVE_INFINITY;
        double previousResidual = Double.POSITIVE_INFINITY;
        double widen = 1.0;
        double[] slope = new double[2];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean fill = previousResidual <= fillAt;
            double supplied = pass.supplied(u, fill, slope);
            double residual = Math.abs(supplied - capQ) / capQ;
            previousResidual = residual;
            if (residual < bestResidual) {
                bestResidual = residual;
                bestU = u;
            }
            if (residual <= TOLERANCE) {
                return u;
            }
            if (fill) {
                fillAt = 0.0;
            }
            if (supplied > capQ) {
                lo = u;
            } else {
                hi = u;
            }
            double next = u + step(Math.log(supplied) - logQ, slope[0] / supplied,
                    slope[1] / supplied);
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
        return Double.isFinite(damping) && damping >= 0.5 && damping <= 2.0
                ? newton / damping : newton;
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
            double c = Demand.of(pop.family[i], pop.theta[i], pop.beta[i], pop.k[i], pop.a[i],
                    pop.lambdaBar[i], price);
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
            correction += Math.abs(sum) >= Math.abs(value) ? (sum - t) + value
                    : (value - t) + sum;
            sum = t;
        }
        return sum + correction;
    }

    /**
     * One evaluation of S(e^u) with dS/du into slope[0] and d^2S/du^2 into slope[1] (NaN when
     * not computed), optionally filling compute.
     */
    @FunctionalInterface
    private interface LogPricePass {
        double supplied(double u, boolean fill, double[] slope);
    }

    /**
     * The pass over every developer, made cheap by a per-solve precomputation stored in the
     * compute array itself (so a solve allocates nothing beyond its result): for POWER the log
     * demand at price 1, {@code ln c_i(1) = ln(theta_i/lambda_i)/(1 - beta_i)}, so that
     * {@code c_i(e^u) = exp(ln c_i(1) - u/(1 - beta_i))} is one exp instead of a pow; for P1
     * {@code ln(k_i)/(k_i + 1)}, so that {@code c_i = exp(that - ln(a_i + p·lambda_i)/(k_i + 1))}
     * is a log and an exp; LOG needs nothing ({@code lambda_i·c_i = theta_i/p}). A filling pass
     * overwrites each coefficient with the demand it yields, so the final pass is also the
     * fill; if that pass then misses the tolerance the coefficients are recomputed.
     */
    private static final class CoefficientPass implements LogPricePass {
        private final Population pop;
        private final double[] compute;
        private boolean holdsCoefficients;
        private double filledU = Double.NaN;
        private double filledSupply;

        CoefficientPass(Population pop, double[] compute) {
            this.pop = pop;
            this.compute = compute;
        }

        /** S at log-price u with compute filled for it; reuses the last pass when it was u. */
        double filledAt(double u) {
            if (!(filledU == u)) {
                supplied(u, true, new double[2]);
            }
            return filledSupply;
        }

        @Override
        public double supplied(double u, boolean fill, double[] slope) {
            if (!holdsCoefficients) {
                storeCoefficients();
            }
            byte[] family = pop.family;
            double[] theta = pop.theta;
            double[] beta = pop.beta;
            double[] k = pop.k;
            double[] a = pop.a;
            double[] lambdaBar = pop.lambdaBar;
            double[] coefficient = compute;
            double price = Math.exp(u);
            double inversePrice = 1.0 / price;
            double sum = 0.0;
            double correction = 0.0;
            double derivative = 0.0;
            double curvature = 0.0;
            for (int i = 0; i < family.length; i++) {
                double lambda = lambdaBar[i];
                double term;
                double elasticity;
                double elasticitySlope = 0.0;
                double c;
                switch (family[i]) {
                    case BenefitFamily.POWER_CODE -> {
                        elasticity = -1.0 / (1.0 - beta[i]);
                        c = Math.exp(coefficient[i] + elasticity * u);
                        term = lambda * c;
                    }
                    case BenefitFamily.LOG_CODE -> {
                        elasticity = -1.0;
                        term = theta[i] * inversePrice;
                        c = term / lambda;
                    }
                    case BenefitFamily.P1_CODE -> {
                        double r = 1.0 / (k[i] + 1.0);
                        double marginalCost = price * lambda;
                        double full = a[i] + marginalCost;
                        double share = marginalCost / full;
                        elasticity = -r * share;
                        elasticitySlope = elasticity * (1.0 - share);
                        c = Math.exp(coefficient[i] - r * Math.log(full));
                        term = lambda * c;
                    }
                    default -> throw new AssertionError("unknown benefit family code "
                            + family[i]);
                }
                if (fill) {
                    coefficient[i] = c;
                }
                derivative += term * elasticity;
                curvature += term * (elasticity * elasticity + elasticitySlope);
                double t = sum + term;
                correction += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term
                        : (term - t) + sum;
                sum = t;
            }
            slope[0] = derivative;
            slope[1] = curvature;
            double supplied = finiteOrInfinite(sum + correction);
            if (fill) {
                holdsCoefficients = false;
                filledU = u;
                filledSupply = supplied;
            }
            return supplied;
        }

        private void storeCoefficients() {
            for (int i = 0; i < compute.length; i++) {
                switch (pop.family[i]) {
                    case BenefitFamily.POWER_CODE -> compute[i] =
                            Math.log(pop.theta[i] / pop.lambdaBar[i]) / (1.0 - pop.beta[i]);
                    case BenefitFamily.P1_CODE -> compute[i] =
                            Math.log(pop.k[i]) / (pop.k[i] + 1.0);
                    default -> compute[i] = 0.0;
                }
            }
            holdsCoefficients = true;
            filledU = Double.NaN;
        }
    }
}
