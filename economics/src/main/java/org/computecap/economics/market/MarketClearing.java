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
        double u = closed.isPresent() ? Math.log(closed.getAsDouble()) : 0.0;
        u = Double.isFinite(u) ? Math.max(LOG_PRICE_MIN, Math.min(LOG_PRICE_MAX, u)) : 0.0;
        double price = Math.exp(solveLogPrice(pop, capQ, u));
        double supplied = aggregate(pop, price, compute);
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

    // Safeguarded Newton on f(u) = ln S(e^u) - ln Q; returns the log-price with least residual.
    private static double solveLogPrice(Population pop, double capQ, double start) {
        double logQ = Math.log(capQ);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double u = start;
        double bestU = start;
        double bestResidual = Double.POSITIVE_INFINITY;
        double widen = 1.0;
        double[] slope = new double[1];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double supplied = aggregateWithSlope(pop, Math.exp(u), slope);
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
            double next = u - (Math.log(supplied) - logQ) / (slope[0] / supplied);
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

    // S(p) and dS/du in one pass; slope[0] receives dS/du = sum lambda_i c_i elasticity_i.
    private static double aggregateWithSlope(Population pop, double price, double[] slope) {
        double sum = 0.0;
        double correction = 0.0;
        double derivative = 0.0;
        for (int i = 0; i < pop.family.length; i++) {
            byte family = pop.family[i];
            double lambda = pop.lambdaBar[i];
            double term = lambda * Demand.of(family, pop.theta[i], pop.beta[i], pop.k[i],
                    pop.a[i], lambda, price);
            derivative += term * Demand.elasticity(family, pop.beta[i], pop.k[i], pop.a[i],
                    lambda, price);
            double t = sum + term;
            correction += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        slope[0] = derivative;
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
}
