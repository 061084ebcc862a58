package org.computecap.sim.run;

/**
 * One period of a linked run (issue 18), both jurisdictions side by side: index 0 is the first
 * jurisdiction, 1 the second. Prices in cents per permit (each in its own program's permits),
 * compute in the scenarios' compute unit; risk-weighted compute is compute times each developer's
 * permits per unit and risk multiplier, the quantity each cap limits.
 *
 * @param step the period's position in the run (0 first)
 * @param price each market's clearing price on the engine (NaN when nothing traded)
 * @param theoryPrice each market's price in the linked equilibrium the economics computes for the
 *     period's demand and caps
 * @param compute compute run in each jurisdiction
 * @param riskWeighted risk-weighted compute in each jurisdiction
 * @param flowPermits permits of the first program the link desk moved to the second (negative:
 *     units of the second moved to the first, in the first's permits)
 * @param theoryFlow the linked equilibrium's flow, in the first program's permits
 * @param linkedUnits linked units the destination's registry issued
 * @param movers developers that have relocated between the jurisdictions so far
 * @param leakedCompute compute run this period by developers that moved out of their home
 *     jurisdiction
 * @param leakedRiskWeighted the same, risk-weighted
 */
public record LinkedPeriod(
    int step,
    double[] price,
    double[] theoryPrice,
    double[] compute,
    double[] riskWeighted,
    long flowPermits,
    double theoryFlow,
    long linkedUnits,
    int movers,
    double leakedCompute,
    double leakedRiskWeighted) {

  /** Risk-weighted compute of both jurisdictions together. */
  public double totalRiskWeighted() {
    return riskWeighted[0] + riskWeighted[1];
  }

  /** Compute of both jurisdictions together. */
  public double totalCompute() {
    return compute[0] + compute[1];
  }
}
