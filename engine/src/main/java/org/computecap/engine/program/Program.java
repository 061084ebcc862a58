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
    Exchange exchange,
    StabilityReserve stabilityReserve,
    PriceControls priceControls,
    RegistryControls registryControls,
    Representatives representatives,
    Metering metering,
    EnforcementLevers enforcement,
    Linking linking) {

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

  /**
   * Primary auction rules (SPEC §5, and issue 14's supply rules; docs/rules.md states each one
   * precisely): no sale below the reserve price, which escalates by {@code
   * reservePriceEscalationPpm} per period from the program's first period ({@link Ppm#escalate}); a
   * per-bidder purchase limit; what happens to unsold permits; whether an undersubscribed auction
   * is cancelled; and the cost and emissions containment reserves (RGGI's CCR and ECR), each off
   * when absent. The defaults are the original rules exactly.
   */
  public record Auction(
      long reservePriceCents,
      long purchaseLimitPpm,
      long reservePriceEscalationPpm,
      Unsold unsold,
      boolean cancelWhenUndersubscribed,
      Containment costContainment,
      Containment emissionsContainment) {

    public Auction {
      Objects.requireNonNull(unsold, "unsold");
      Objects.requireNonNull(costContainment, "costContainment");
      Objects.requireNonNull(emissionsContainment, "emissionsContainment");
    }

    /** The original rules: a fixed reserve price, unsold permits kept, no containment. */
    public Auction(long reservePriceCents, long purchaseLimitPpm) {
      this(
          reservePriceCents,
          purchaseLimitPpm,
          0,
          Unsold.KEEP,
          false,
          Containment.NONE,
          Containment.NONE);
    }

    /**
     * Whether any rule beyond the original ones is on. Only then does the auction state record (and
     * encode) what those rules need, so the state hash of a program without them is the same as
     * before they existed.
     */
    public boolean hasSupplyRules() {
      return reservePriceEscalationPpm != 0
          || unsold.policy() != UnsoldPolicy.KEEP
          || cancelWhenUndersubscribed
          || costContainment.isOn()
          || emissionsContainment.isOn();
    }
  }

  /**
   * The unsold-permit policy; {@code reofferMaxSharePpm} (for {@code REOFFER}) bounds what one
   * auction re-offers to a share of its own volume.
   */
  public record Unsold(UnsoldPolicy policy, long reofferMaxSharePpm) {
    /** Unsold permits stay in the auction reserve. */
    public static final Unsold KEEP = new Unsold(UnsoldPolicy.KEEP, Ppm.ONE);

    public Unsold {
      Objects.requireNonNull(policy, "policy");
    }
  }

  /**
   * A containment reserve (RGGI type): up to {@code volume} permits a period, triggered by a price
   * that escalates by {@code escalationPpm} per period from the program's first period. {@code
   * volume} 0 means off.
   */
  public record Containment(long triggerPriceCents, long volume, long escalationPpm) {
    /** No containment reserve. */
    public static final Containment NONE = new Containment(0, 0, 0);

    public boolean isOn() {
      return volume > 0;
    }
  }

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
    Objects.requireNonNull(priceControls, "priceControls");
    Objects.requireNonNull(registryControls, "registryControls");
    Objects.requireNonNull(enforcement, "enforcement");
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

  /**
   * The volume of {@code period}'s vintage that primary auctions may offer: the cap less the free
   * budget less the cost containment reserve's room ({@link #costContainmentPermits}).
   */
  public long auctionVolumePermits(int period) {
    return capPermits(period)
        - freeBudgetPermits(period)
        - costContainmentPermits(period)
        - priceContainmentPermits(period);
  }

  /**
   * The price containment reserve carved out of {@code period}'s cap: every tier's permits in the
   * first period (issued into the reserve account when the market opens, in the first vintage), 0
   * in every other period.
   */
  public long priceContainmentPermits(int period) {
    return period == periods.first() ? priceControls.reserve().totalPermits() : 0;
  }

  /**
   * The price of price containment tier {@code tier} in {@code period}: its first period's price
   * escalated by {@code priceContainment.escalationPpm} a period, rounded half up each period.
   */
  public long tierPriceCents(int tier, int period) {
    PriceControls.Reserve r = priceControls.reserve();
    return escalated(r.tiers().get(tier).priceCents(), r.escalationPpm(), period);
  }

  /** The price of {@code period}'s highest price containment tier (what a reserve bid holds). */
  public long topTierPriceCents(int period) {
    return tierPriceCents(priceControls.reserve().tiers().size() - 1, period);
  }

  /**
   * Whether an auction clearing at {@code priceCents} triggers a reserve sale in {@code period}: at
   * or above the trigger share of that period's lowest tier price.
   */
  public boolean reserveSaleTriggeredBy(long priceCents, int period) {
    PriceControls.Reserve r = priceControls.reserve();
    return r.isOn() && r.triggeredBy(priceCents, tierPriceCents(0, period));
  }

  /** The price ceiling of {@code period}, escalated from the first period; 0 when off. */
  public long priceCeilingCents(int period) {
    PriceControls.Ceiling c = priceControls.ceiling();
    return escalated(c.priceCents(), c.escalationPpm(), period);
  }

  /**
   * The cost containment reserve of {@code period}: {@code min(volume, cap - free budget)} permits
   * of the period's cap that are not auctioned but released by auctions that would clear above the
   * trigger. The reserve is carved out of the cap (as California's price containment reserve is),
   * because the registry never issues above the cap; to model RGGI, whose CCR is in addition to the
   * cap, raise the cap by the CCR volume. Room not released in its period is never issued.
   */
  public long costContainmentPermits(int period) {
    return Math.min(
        auction.costContainment().volume(), capPermits(period) - freeBudgetPermits(period));
  }

  /** The auction reserve price of {@code period}, escalated from the first period. */
  public long reservePriceCents(int period) {
    return escalated(auction.reservePriceCents(), auction.reservePriceEscalationPpm(), period);
  }

  /** The cost containment trigger price of {@code period}, escalated from the first period. */
  public long costContainmentTriggerCents(int period) {
    Containment c = auction.costContainment();
    return escalated(c.triggerPriceCents(), c.escalationPpm(), period);
  }

  /** The emissions containment trigger price of {@code period}, escalated from the first period. */
  public long emissionsContainmentTriggerCents(int period) {
    Containment c = auction.emissionsContainment();
    return escalated(c.triggerPriceCents(), c.escalationPpm(), period);
  }

  /**
   * Whether the registry opens the stability reserve account: only a program that sends permits
   * there has it, so every other program's ledger (and state hash) is unchanged.
   */
  public boolean usesStabilityReserve() {
    return auction.unsold().policy() == UnsoldPolicy.TO_STABILITY_RESERVE || hasStabilityReserve();
  }

  /**
   * Whether the program has a {@code stabilityReserve} section (issue 14's EU MSR type rule). The
   * engine keeps (and encodes) the stability state only then, so every other program's state hash
   * is what it was before the rule existed. Without one, {@link #stabilityReserve()} is null.
   */
  public boolean hasStabilityReserve() {
    return stabilityReserve != null;
  }

  /** Whether the registry opens the price containment reserve account. */
  public boolean usesPriceContainmentReserve() {
    return priceControls.reserve().isOn();
  }

  /**
   * Whether the program has a {@code representatives} section (issue 15): then commands are
   * initiated by persons, and the engine keeps (and encodes) the representatives state; without
   * one, {@link #representatives()} is null and the state hash is what it was before the rule.
   */
  public boolean hasRepresentatives() {
    return representatives != null;
  }

  /** Whether the program has attested metering (issue 17's {@code metering} section). */
  public boolean hasMetering() {
    return metering != null;
  }

  /**
   * Whether the program recognises another program's permits (issue 18's {@code linking} section);
   * without one, {@link #linking()} is null and the state hash is what it was before linking.
   */
  public boolean hasLinking() {
    return linking != null;
  }

  private long escalated(long base, long ratePpm, int period) {
    return Ppm.escalate(base, ratePpm, Math.max(0, period - periods.first()));
  }
}
