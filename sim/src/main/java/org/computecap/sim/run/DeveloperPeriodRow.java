package org.computecap.sim.run;

import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Developer;

/**
 * One developer in one period, for developer-periods.csv: the developer with the parameters drawn
 * for it (so that an outside check can rebuild the population and its benefit functions exactly),
 * what it planned with, what it held, used, reported, surrendered and was charged. Money in cents,
 * compute in the scenario's compute unit, covered quantities in the program's unit, permits whole.
 *
 * @param weight permits per unit of compute the developer planned with (intensity times the
 *     expected risk multiplier, or the recorded one when evaluations come before trading)
 * @param heldAtOpen free permits when the period's trading opened (after free allocation)
 * @param heldAfterTrading free permits once trading had closed, before usage
 * @param base covered quantity used (compute times intensity), what an audit measures
 * @param multiplierPpm the multiplier of the rating recorded for it, in parts per million
 * @param measured the audit's measurement, -1 when not audited
 * @param banked free permits it kept after surrender
 * @param secondCompute compute of its second workload ({@link Usage#second()}), 0 without one
 */
public record DeveloperPeriodRow(
    int period,
    Developer developer,
    boolean active,
    double effort,
    double weight,
    long heldAtOpen,
    long auctionWon,
    long heldAfterTrading,
    double compute,
    long base,
    long reported,
    boolean trulyHigh,
    boolean manipulated,
    long multiplierPpm,
    long obligation,
    long surrendered,
    long penaltyCents,
    long measured,
    long auditShortfall,
    long makeGoodOwed,
    long banked,
    double secondCompute) {

  /** Its compute of workload {@code w} this period, covered or not; 0 when it has left. */
  public double computeOf(Workload w) {
    return active ? developer.computeOf(w, compute, secondCompute) : 0.0;
  }

  /** What its efficiency effort cost this period, cents; 0 when it never invests or has left. */
  public double investmentCents() {
    return active ? developer.investmentCents() : 0.0;
  }

  /** The permit price it chose its efficiency effort at this period; NaN when it did not choose. */
  public double investmentPrice() {
    return active && developer.investment() != null
        ? developer.investment().choicePriceCents()
        : Double.NaN;
  }
}
