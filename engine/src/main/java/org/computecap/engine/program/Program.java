package org.computecap.engine.program;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rules a regulator sets (SPEC §2), immutable once loaded. Built only by
 * {@link ProgramLoader}, which validates every range, so the engine can trust these values.
 * Rates are integers in parts per million ({@link Ppm}) and money is in cents, so no
 * {@code double} reaches the engine; the audit noise sigma is a {@link BigDecimal} because
 * only the simulator uses it.
 *
 * <p>Cap trajectory (EU ETS linear reduction factor, applied to the starting cap):
 * {@code cap(t) = max(0, start - floor((t-1) · start · lrf / 10^6))} for {@code t = 1..count}.
 * Each period's cap splits into a free-allocation budget {@code floor(cap · free / 10^6)}
 * (which contains the new-entrant reserve {@code floor(cap · ner / 10^6)}) and the auction
 * volume {@code cap - free budget}.
 */
public record Program(
    String name,
    String coveredQuantity,
    String unit,
    Scope scope,
    Periods periods,
    Cap cap,
    Allocation allocation,
    Risk risk,
    Penalty penalty,
    Audit audit,
    boolean banking,
    Auction auction,
    Insurance insurance,
    Exchange exchange) {

  /** Number and name of compliance periods; periods are numbered {@code 1..count}. */
  public record Periods(int count, String label) {}

  /** Starting cap and the per-period linear reduction, a share of the starting cap. */
  public record Cap(long startPermits, long linearReductionPpm) {}

  /** Free allocation: its share of the cap, method and the method's parameters. */
  public record Allocation(
      AllocationMethod method,
      long freeSharePpm,
      long benchmarkPercentilePpm,
      long activityChangeThresholdPpm,
      long newEntrantReservePpm) {}

  /**
   * Risk multipliers: {@code lambda(L) = 1}, {@code lambda(H) = alpha > 1} (P2 Sec 3.1).
   * {@code unevaluatedSignal} is the signal assumed when no evaluation was recorded.
   */
  public record Risk(long alphaPpm, RiskSignal unevaluatedSignal) {
    /** {@code lambda(signal)} in parts per million. */
    public long multiplierPpm(RiskSignal signal) {
      return signal == RiskSignal.H ? alphaPpm : Ppm.ONE;
    }
  }

  /** {@code phi(D) = linear·D + quadratic·D^2} cents, and whether a shortfall is still owed. */
  public record Penalty(
      long linearCentsPerPermit, long quadraticCentsPerPermitSquared, boolean makeGood) {}

  /**
   * Audit policy (P2 Sec 3.3, 6): each participant is drawn with {@code probabilityPpm}, or
   * {@code targetedProbabilityPpm} when its meter reading exceeds its report by more than
   * {@code meterExcessThresholdPpm}; at most {@code floor(budget / cost)} audits a period.
   */
  public record Audit(
      long probabilityPpm,
      long targetedProbabilityPpm,
      long meterExcessThresholdPpm,
      long auditCostCents,
      long budgetPerPeriodCents,
      BigDecimal noiseSigma) {
    /** The most audits the enforcement budget pays for in one period: {@code floor(B/k)}. */
    public long maxAuditsPerPeriod() {
      return budgetPerPeriodCents / auditCostCents;
    }
  }

  /** Primary auction rules: no sale below the reserve price, a per-bidder purchase limit. */
  public record Auction(long reservePriceCents, long purchaseLimitPpm) {}

  /** Insurance premiums {@code pi(L)}, {@code pi(H)} per unit of reported quantity. */
  public record Insurance(long premiumLowCentsPerUnit, long premiumHighCentsPerUnit) {
    /** {@code pi(signal)} in cents per unit. */
    public long premiumCentsPerUnit(RiskSignal signal) {
      return signal == RiskSignal.H ? premiumHighCentsPerUnit : premiumLowCentsPerUnit;
    }
  }

  /** Exchange settings read by the order book (§6). */
  public record Exchange(
      long tickCents, long lotPermits, boolean selfTradePrevention, BookLayout books) {}

  public Program {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(allocation, "allocation");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(penalty, "penalty");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(auction, "auction");
    Objects.requireNonNull(insurance, "insurance");
    Objects.requireNonNull(exchange, "exchange");
  }

  /** Whether {@code period} is one of the program's periods {@code 1..count}. */
  public boolean hasPeriod(int period) {
    return period >= 1 && period <= periods.count();
  }

  /** The cap of {@code period} in permits (see the class comment for the formula). */
  public long capPermits(int period) {
    requirePeriod(period);
    long reduction = Ppm.mulDivFloor(
        (long) (period - 1) * cap.startPermits(), cap.linearReductionPpm(), Ppm.ONE);
    return Math.max(0, cap.startPermits() - reduction);
  }

  /** Sum of the caps of periods {@code 1..period}; 0 for period 0. */
  public long capsThroughPermits(int period) {
    if (period < 0 || period > periods.count()) {
      throw new IllegalArgumentException(
          "period: " + period + " is outside 0.." + periods.count());
    }
    long sum = 0;
    for (int t = 1; t <= period; t++) {
      sum = Math.addExact(sum, capPermits(t));
    }
    return sum;
  }

  /** The free-allocation budget of {@code period}, new-entrant reserve included. */
  public long freeBudgetPermits(int period) {
    return Ppm.floorOf(capPermits(period), allocation.freeSharePpm());
  }

  /** The new-entrant reserve of {@code period}, part of its free-allocation budget. */
  public long newEntrantReservePermits(int period) {
    return Ppm.floorOf(capPermits(period), allocation.newEntrantReservePpm());
  }

  /** What incumbents share at {@code AllocateFreePermits}: free budget less the reserve. */
  public long incumbentBudgetPermits(int period) {
    return freeBudgetPermits(period) - newEntrantReservePermits(period);
  }

  /** The volume of {@code period}'s vintage that primary auctions may sell. */
  public long auctionVolumePermits(int period) {
    return capPermits(period) - freeBudgetPermits(period);
  }

  private void requirePeriod(int period) {
    if (!hasPeriod(period)) {
      throw new IllegalArgumentException(
          "period: " + period + " is outside 1.." + periods.count());
    }
  }
}
