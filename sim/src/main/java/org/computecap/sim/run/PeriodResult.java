package org.computecap.sim.run;

/**
 * What one simulated period produced beside its theory. Prices and money are in cents, compute in
 * the scenario's compute unit, welfare in its utility unit. A price is NaN when nothing traded.
 *
 * @param permitsInCirculation free permits held by developers when trading opened: the supply the
 *     theoretical price is computed for
 * @param clearingPrice volume-weighted average price of the period's trades on the exchange, or the
 *     primary auction's price when the exchange did not trade
 * @param auctionPrice the primary auction's uniform price (NaN when none ran or none sold)
 * @param complianceRate share of active developers assessed compliant at period close
 * @param evasionRate share of the true obligation (permits) left unreported
 * @param tradeEfficiency gains from trade realised over the largest possible gains (Gode and
 *     Sunder's allocative efficiency): welfare of the compute used less welfare of the holdings
 *     when trading opened, over the planner's welfare less the latter; NaN when the possible gains
 *     are under 1% of the planner's welfare (nothing to measure)
 * @param revenueSmallFirms net cash small companies and academic labs earned trading
 * @param leakedFirms developers that have relocated out of the program so far
 * @param welfare gross benefit {@code sum v_i(c_i)} of the compute actually run, evaders'
 *     unreported compute included (permit payments and penalties are transfers), less the period's
 *     efficiency investment in utility units
 * @param plannerWelfare the planner's optimum for the permits the period could use: those in
 *     circulation after the primary auction, less make-good owed and the bank carried out; less the
 *     same investment (the planner allocates permits among developers as efficient as they are)
 * @param expectedPrice the price agents planned with (P2's rational expectation by default)
 * @param closingPrice price of the last trade of the period's main session
 * @param bankedPermits free permits developers kept after surrender, carried into the next period
 * @param excessCompute risk-weighted compute above the permits the period could use: {@code (sum
 *     lambdaBar_i·base_i - cap)+}, positive only when evasion put compute above the cap
 * @param honestFined developers that reported everything they used and were still charged a penalty
 *     (by an audit's noise, or a shortage at the true-up)
 * @param investment what active developers spent keeping their efficiency effort this period,
 *     {@code sum K(e_i)} in cents (issue 13; 0 when nobody invests)
 * @param benchmark the benchmark B of the period's free allocation, covered quantity per unit of
 *     verified output as the engine computed it (BENCHMARK allocation; NaN under other methods or
 *     when nothing is allocated free)
 * @param workloads compute and energy by workload, covered or not (issue 13); {@code totalCompute}
 *     and {@code totalEnergy} are what the program covers
 * @param demandMultiplier the mean over developer types of the demand multiplier this period (issue
 *     14's demand shocks; 1 when demand never moves)
 * @param ceilingPermits permits bought at the price ceiling (issue 14, issued above the cap)
 * @param targeting how well the permits charged track true risk (issue 18)
 * @param reserveSalePermits permits bought in the period's price containment reserve sale (issue
 *     14)
 * @param usedPermits the covered quantity developers used, in permits at their recorded multipliers
 *     ({@code sum lambda_i·base_i}, unreported use included): what the cap counts and the damage of
 *     compute is a function of (issue 18)
 * @param marketPower Hahn's equilibrium beside the price-setters' holdings (issue 18; {@link
 *     MarketPower#NONE} without price-setters)
 * @param foreclosure entrants, the hoard and their theory (issue 18)
 */
public record PeriodResult(
    int period,
    long capPermits,
    long permitsInCirculation,
    double clearingPrice,
    double theoreticalPrice,
    long volume,
    double auctionPrice,
    long auctionSold,
    double totalCompute,
    double baselineCompute,
    double competitiveCompute,
    double totalEnergy,
    double complianceRate,
    double evasionRate,
    int evaders,
    int audits,
    int detected,
    long penaltiesCollected,
    double welfare,
    double plannerWelfare,
    double uniformWelfare,
    double tradeEfficiency,
    long revenueSmallFirms,
    int leakedFirms,
    int manipulations,
    double meanEffort,
    double expectedPrice,
    double closingPrice,
    long bankedPermits,
    double excessCompute,
    int honestFined,
    double investment,
    double benchmark,
    WorkloadTotals workloads,
    double demandMultiplier,
    double previousPrice,
    long ceilingPermits,
    long reserveSalePermits,
    double usedPermits,
    MarketPower marketPower,
    ForeclosureTotals foreclosure,
    RiskTargeting targeting) {

  /** A period without foreclosure measures ({@link ForeclosureTotals#NONE}). */
  public PeriodResult(
      int period,
      long capPermits,
      long permitsInCirculation,
      double clearingPrice,
      double theoreticalPrice,
      long volume,
      double auctionPrice,
      long auctionSold,
      double totalCompute,
      double baselineCompute,
      double competitiveCompute,
      double totalEnergy,
      double complianceRate,
      double evasionRate,
      int evaders,
      int audits,
      int detected,
      long penaltiesCollected,
      double welfare,
      double plannerWelfare,
      double uniformWelfare,
      double tradeEfficiency,
      long revenueSmallFirms,
      int leakedFirms,
      int manipulations,
      double meanEffort,
      double expectedPrice,
      double closingPrice,
      long bankedPermits,
      double excessCompute,
      int honestFined,
      double investment,
      double benchmark,
      WorkloadTotals workloads,
      double demandMultiplier,
      double previousPrice,
      long ceilingPermits,
      long reserveSalePermits,
      double usedPermits,
      MarketPower marketPower) {
    this(
        period,
        capPermits,
        permitsInCirculation,
        clearingPrice,
        theoreticalPrice,
        volume,
        auctionPrice,
        auctionSold,
        totalCompute,
        baselineCompute,
        competitiveCompute,
        totalEnergy,
        complianceRate,
        evasionRate,
        evaders,
        audits,
        detected,
        penaltiesCollected,
        welfare,
        plannerWelfare,
        uniformWelfare,
        tradeEfficiency,
        revenueSmallFirms,
        leakedFirms,
        manipulations,
        meanEffort,
        expectedPrice,
        closingPrice,
        bankedPermits,
        excessCompute,
        honestFined,
        investment,
        benchmark,
        workloads,
        demandMultiplier,
        previousPrice,
        ceilingPermits,
        reserveSalePermits,
        usedPermits,
        marketPower,
        ForeclosureTotals.NONE,
        RiskTargeting.NONE);
  }

  /**
   * Welfare against the planner's optimum, 1 at the optimum and below 1 when worse; NaN when the
   * compute run exceeds the cap (evasion), where beating the planner would only mean using permits
   * nobody paid for. Benefits are positive for POWER developers and negative for P1 and low-compute
   * LOG developers; for a negative optimum the ratio is taken the other way round (planner over
   * market) so that "below 1" always means "worse than the planner".
   */
  public double welfareRatio() {
    if (excessCompute > 0) {
      return Double.NaN;
    }
    return plannerWelfare > 0 ? welfare / plannerWelfare : plannerWelfare / welfare;
  }

  /**
   * The price's change from the previous period, {@code p_t - p_(t-1)} in cents; NaN in the first
   * period or when either period has no price. In cents rather than relative: a price that falls
   * near zero (a slack cap) would make a relative change of the next period's price unbounded.
   */
  public double priceChange() {
    return clearingPrice - previousPrice;
  }

  /** Relative distance of the clearing price from the theoretical one. */
  public double priceError() {
    return Math.abs(clearingPrice - theoreticalPrice) / theoreticalPrice;
  }
}
