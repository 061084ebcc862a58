package org.computecap.sim.scenario;

import org.computecap.engine.program.Program;
import org.computecap.engine.program.Scope;
import org.computecap.engine.program.Workload;

/**
 * The numbers of a program (SPEC §2) that the agents and the benchmarks read. The engine parses the
 * same program text itself (from {@code OpenMarket}) and is the authority on its rules; these terms
 * are the agents' knowledge of them.
 *
 * @param capStartPermits cap of the first period
 * @param linearReductionPpm per-period reduction, a share of the starting cap
 * @param alpha the high-risk multiplier lambda(H); lambda(L) = 1
 * @param alphaPpm alpha in parts per million, as the engine computes obligations with it
 * @param makeGood whether a shortfall is owed again next period on top of its penalty
 * @param auditNoiseSigma standard deviation of the audit's measurement, in the program's unit
 * @param toleranceSigmas measurement tolerance in standard deviations of the audit noise
 * @param tolerancePpm measurement tolerance as a share of the report
 * @param tickCents the exchange's price increment: every order price is a multiple of it
 * @param lotPermits the exchange's quantity increment
 * @param workload the workload reports are filed under: the one the program's scope covers
 *     (TRAINING for a TRAINING scope, INFERENCE otherwise), from the engine's parsed program
 * @param scope the workloads the program covers, from the engine's parsed program
 * @param program the engine's parsed program, the authority on every per-period rule the agents
 *     read from it (the escalated reserve price, the auction volume)
 */
public record ProgramTerms(
    int firstPeriod,
    int periodCount,
    long capStartPermits,
    long linearReductionPpm,
    String allocationMethod,
    long freeSharePpm,
    double alpha,
    long alphaPpm,
    boolean unevaluatedHigh,
    double linearCentsPerPermit,
    double quadraticCentsPerPermitSquared,
    boolean makeGood,
    double auditProbability,
    long auditCostCents,
    long auditBudgetCents,
    double auditNoiseSigma,
    double toleranceSigmas,
    long tolerancePpm,
    boolean banking,
    long reservePriceCents,
    long purchaseLimitPpm,
    long premiumLowCentsPerUnit,
    long premiumHighCentsPerUnit,
    long tickCents,
    long lotPermits,
    Workload workload,
    Scope scope,
    Program program) {

  /**
   * The auction reserve price of {@code period}: the program's, escalated by its rate a period
   * (issue 14), as the engine computes it.
   */
  public long reservePriceCents(int period) {
    return program.reservePriceCents(period);
  }

  /**
   * What {@code period}'s primary auctions offer: the cap less the free budget less the cost
   * containment reserve's room, as the engine computes it (re-offered unsold permits come on top of
   * it, added by the engine when the auction opens).
   */
  public long auctionVolumePermits(int period) {
    return program.auctionVolumePermits(period);
  }

  /** The cap of {@code period}, by the engine's formula; 0 after the last period. */
  public long capPermits(int period) {
    if (period < firstPeriod || period >= firstPeriod + periodCount) {
      return 0;
    }
    long reduction =
        Math.multiplyExact((long) (period - firstPeriod), capStartPermits)
                / 1_000_000L
                * linearReductionPpm
            + Math.multiplyExact((long) (period - firstPeriod), capStartPermits)
                % 1_000_000L
                * linearReductionPpm
                / 1_000_000L;
    return Math.max(0, capStartPermits - reduction);
  }

  /** The caps of periods {@code from .. last}, the permits still to be issued. */
  public double[] capsFrom(int from) {
    int last = firstPeriod + periodCount - 1;
    double[] caps = new double[Math.max(0, last - from + 1)];
    for (int t = from; t <= last; t++) {
      caps[t - from] = capPermits(t);
    }
    return caps;
  }

  /** The last period of the program. */
  public int lastPeriod() {
    return firstPeriod + periodCount - 1;
  }

  /**
   * The measurement tolerance an audit applies to a report of {@code reported} units, the engine's
   * rule: {@code max(ceil(toleranceSigmas·sigma), ceil(reported·tolerancePpm/10^6))}.
   */
  public long toleranceUnits(long reported) {
    long bySigma = (long) Math.ceil(toleranceSigmas * auditNoiseSigma - 1e-9);
    long relative = Math.floorDiv(Math.multiplyExact(reported, tolerancePpm) + 999_999, 1_000_000);
    return Math.max(0, Math.max(bySigma, relative));
  }

  /** Difference of the two insurance premiums, delta of P2 Prop 9, in cents per unit. */
  public double premiumDelta() {
    return premiumHighCentsPerUnit - premiumLowCentsPerUnit;
  }

  /** Whether there is any insurance in the program. */
  public boolean insured() {
    return premiumHighCentsPerUnit > 0 || premiumLowCentsPerUnit > 0;
  }
}
