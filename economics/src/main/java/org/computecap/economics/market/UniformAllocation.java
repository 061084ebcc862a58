package org.computecap.economics.market;

import java.util.Arrays;

/**
 * Uniform command-and-control (P2 Prop 6): every developer gets the same compute
 * {@code Q/(n·lambdaBar_avg)}, lambdaBar_avg the arithmetic mean, so the risk-weighted total
 * is exactly the cap. It ignores differences in marginal value, which is why the permit market
 * beats it whenever developers differ.
 */
public final class UniformAllocation {

    private UniformAllocation() {
    }

    /** {@code c_i = Q/(n·lambdaBar_avg)} for every i. */
    public static double[] compute(Population pop, double capQ) {
        if (!(capQ > 0.0) || Double.isInfinite(capQ)) {
            throw new IllegalArgumentException("capQ must be finite and > 0, was " + capQ);
        }
        double[] compute = new double[pop.size()];
        Arrays.fill(compute, capQ / (pop.size() * pop.lambdaBarMean()));
        return compute;
    }
}
