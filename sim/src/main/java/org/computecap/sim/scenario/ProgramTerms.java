package org.computecap.sim.scenario;

/**
 * The numbers of a program (SPEC §2) that the agents and the benchmarks read. The engine parses the
 * same program text itself (from {@code OpenMarket}) and is the authority on its rules; these terms
 * are the agents' knowledge of them.
 *
 * @param capStartPermits cap of the first period
 * @param linearReductionPpm per-period reduction, a share of the starting cap
 * @param alpha the high-risk multiplier lambda(H); lambda(L) = 1
 * @param tickCents the exchange's price increment: every order price is a multiple of it
 * @param lotPermits the exchange's quantity increment
 */
public record ProgramTerms(
    int firstPeriod,
    int periodCount,
    long capStartPermits,
    long linearReductionPpm,
    String allocationMethod,
    long freeSharePpm,
    double alpha,
    boolean unevaluatedHigh,
    double linearCentsPerPermit,
    double quadraticCentsPerPermitSquared,
    double auditProbability,
    long auditCostCents,
    long auditBudgetCents,
    double auditNoiseSigma,
    boolean banking,
    long reservePriceCents,
    long purchaseLimitPpm,
    long premiumLowCentsPerUnit,
    long premiumHighCentsPerUnit,
    long tickCents,
    long lotPermits) {

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

  /** Difference of the two insurance premiums, delta of P2 Prop 9, in cents per unit. */
  public double premiumDelta() {
    return premiumHighCentsPerUnit - premiumLowCentsPerUnit;
  }

  /** Whether there is any insurance in the program. */
  public boolean insured() {
    return premiumHighCentsPerUnit > 0 || premiumLowCentsPerUnit > 0;
  }
}
