package org.computecap.engine.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The rules a regulator sets (SPEC §2), immutable once loaded. Built only by {@link ProgramLoader},
 * which validates every range, so the engine can trust these values. Rates are integers in parts
 * per million ({@link Ppm}) and money is in cents, so no {@code double} reaches the engine; the
 * audit noise sigma is a {@link BigDecimal} because only the simulator uses it.
 *
 * <p>Cap trajectory (EU ETS linear reduction factor, applied to the starting cap): for the periods
 * {@code t = first .. first+count-1}, {@code cap(t) = max(0, start - floor((t-first) · start · lrf
 * / 10^6))}; after the last period the cap is 0, so nothing more can be issued once the program has
 * ended. Each period's cap splits into a free-allocation budget {@code floor(cap · free / 10^6)}
 * (which contains the new-entrant reserve {@code floor(cap · ner / 10^6)}) and the auction volume
 * {@code cap - free budget}.
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

  /**
   * The compliance periods {@code first .. first+count-1} (e.g. 2026 for calendar years, or 1), and
   * a label for people ("yearly"). A period's number is also the vintage it issues.
   */
  public record Periods(int first, int count, String label) {
    /** The number of the last period. */
    public int last() {
      return first + count - 1;
    }
  }

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
   * Risk multipliers: {@code lambda(L) = 1}, {@code lambda(H) = alpha > 1} (P2 Sec 3.1). {@code
   * unevaluatedSignal} is the signal assumed when no evaluation was recorded.
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
   * Audit policy (P2 Sec 3.3, 6): each participant is drawn with {@code probabilityPpm}, or {@code
   * targetedProbabilityPpm} when its meter reading exceeds its report by more than {@code
   * meterExcessThresholdPpm}; at most {@code floor(budget / cost)} audits a period. An audit's
   * measurement is trusted only beyond a tolerance ({@link #toleranceUnits}): {@code
   * toleranceSigmas} standard deviations of the audit noise, or {@code tolerancePpm} of the report,
   * whichever is larger, so that noise alone rarely fines an honest report (P2 App. A).
   */
  public record Audit(
      long probabilityPpm,
      long targetedProbabilityPpm,
      long meterExcessThresholdPpm,
      long auditCostCents,
      long budgetPerPeriodCents,
      BigDecimal noiseSigma,
      BigDecimal toleranceSigmas,
      long tolerancePpm) {

    /**
     * The measurement tolerance for a report of {@code reportedQuantity} units: {@code
     * max(ceil(toleranceSigmas · noiseSigma), ceil(reported · tolerancePpm / 10^6))}. An audit
     * deducts it from what it measured before comparing with the report, so it charges only what
     * lies beyond the tolerance.
     */
    public long toleranceUnits(long reportedQuantity) {
      long bySigma =
          toleranceSigmas.multiply(noiseSigma).setScale(0, RoundingMode.CEILING).longValueExact();
      return Math.max(bySigma, Ppm.ceilOf(reportedQuantity, tolerancePpm));
    }

    /**
     * The most audits the enforcement budget pays for in one period: {@code floor(B/k)}, or no
     * limit when audits cost nothing ({@code k = 0}).
     */
    public long maxAuditsPerPeriod() {
      return auditCostCents == 0 ? Long.MAX_VALUE : budgetPerPeriodCents / auditCostCents;
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

  /** The number of the first compliance period (and vintage), >= 0, e.g. 2026 or 1. */
  public int firstPeriod() {
    return periods.first();
  }

  /** Whether {@code period} is one of the program's periods. */
  public boolean hasPeriod(int period) {
    return period >= periods.first() && period <= periods.last();
  }

  /**
   * The cap of {@code period} in permits (see the class comment for the formula); 0 after the last
   * period.
   */
  public long capPermits(int period) {
    if (period < periods.first()) {
      throw new IllegalArgumentException(
          "period: " + period + " is before the first period " + periods.first());
    }
    if (period > periods.last()) {
      return 0;
    }
    long reduction =
        Ppm.mulDivFloor(
            (long) (period - periods.first()) * cap.startPermits(),
            cap.linearReductionPpm(),
            Ppm.ONE);
    return Math.max(0, cap.startPermits() - reduction);
  }

  /** Sum of the caps of the periods from the first through {@code period}. */
  public long capsThroughPermits(int period) {
    long sum = 0;
    for (int t = periods.first(); t <= Math.min(period, periods.last()); t++) {
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
}
