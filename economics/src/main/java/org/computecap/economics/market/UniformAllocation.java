package org.computecap.economics.market;

/**
 * Uniform command-and-control (P2 Prop 6): every developer gets the same quota {@code
 * Q/(n·lambdaBar_avg)}, lambdaBar_avg the arithmetic mean, so the risk-weighted total of the quotas
 * is exactly the cap. A quota is a ceiling, not an order: a developer whose own unconstrained
 * demand (finite only for the P1 form with a &gt; 0) is below its quota uses that demand instead,
 * so a slack cap never forces anyone to compute more than it wants. It ignores differences in
 * marginal value, which is why the permit market beats it whenever developers differ.
 */
public final class UniformAllocation {

  private UniformAllocation() {}

  /** {@code c_i = min(Q/(n·lambdaBar_avg), c_i(0))} for every i. */
  public static double[] compute(Population pop, double capQ) {
    if (!(capQ > 0.0) || Double.isInfinite(capQ)) {
      throw new IllegalArgumentException("capQ must be finite and > 0, was " + capQ);
    }
    double quota = capQ / (pop.size() * pop.lambdaBarMean());
    double[] compute = new double[pop.size()];
    for (int i = 0; i < compute.length; i++) {
      compute[i] = Math.min(quota, Demand.compute(pop, i, 0.0));
    }
    return compute;
  }
}
