package org.computecap.economics.market;

/**
 * Total surplus {@code W = sum v_i(c_i)} of an allocation (P2 Prop 6). Permit payments are
 * transfers and cancel out, so welfare is benefit only; comparing allocations with the same
 * risk-weighted total is how the market is ranked against command-and-control.
 */
public final class Welfare {

  private Welfare() {}

  /** {@code sum v_i(c_i)}; -infinity if a LOG or P1 developer gets no compute. */
  public static double total(Population pop, double[] compute) {
    if (compute == null || compute.length != pop.size()) {
      throw new IllegalArgumentException(
          "compute must have one entry per developer (" + pop.size() + ")");
    }
    double sum = 0.0;
    double correction = 0.0;
    for (int i = 0; i < compute.length; i++) {
      double c = compute[i];
      if (!(c >= 0.0)) {
        throw new IllegalArgumentException("compute[" + i + "] must be >= 0, was " + c);
      }
      double v =
          BenefitFamily.value(pop.family[i], pop.theta[i], pop.beta[i], pop.k[i], pop.a[i], c);
      double t = sum + v;
      correction += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
      sum = t;
    }
    double total = sum + correction;
    return Double.isNaN(total) ? sum : total;
  }
}
