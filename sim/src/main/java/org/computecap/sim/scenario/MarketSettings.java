package org.computecap.sim.scenario;

/**
 * How the simulated market runs, beside the regulator's program: the money scale, the trading
 * mechanism, the agents' price grid and expectations.
 *
 * @param centsPerUtil cents per unit of benefit: the economics library's price in utility per
 *     permit times this is the price in cents
 * @param trading the secondary-market mechanism each period
 * @param continuousRounds the most rounds of the continuous double auction per period
 * @param quietRounds with zero-intelligence traders present, continuous trading stops after this
 *     many rounds in a row without a trade (price-takers alone stop after one: their quotes depend
 *     only on their holdings and the last price, so a round without a trade repeats)
 * @param gridStepPpm the uniform (geometric) step of the price grid agents quote on, in parts per
 *     million of the price, which bounds how far a call auction can miss
 * @param bandFactor the grid spans [expected/band, expected·band], widened to hold the reserve
 *     price and the banking price
 * @param scheduleSpanPpm a call-auction or primary-auction schedule is posted on the grid within
 *     this distance of the expected price, units wanted or offered beyond it at its edges (every
 *     grid price would cost an order each, and only those near the clearing price matter)
 * @param quoteWindowPpm in continuous trading a price-taker quotes its marginal values within this
 *     distance of the last trade price (at least one grid step either side)
 * @param expectations how agents form the price they plan with
 * @param expectedPricesCents the price of each simulated period, with {@code GIVEN} expectations
 *     (null otherwise)
 * @param evaluations when the evaluation signal is drawn and recorded
 * @param initialPriceCents the price agents expect in the first period; 0 = by {@code expectations}
 * @param cashCents cash each developer starts with
 * @param ziLotPermits largest quantity of one zero-intelligence order; 0 = 5% of the average
 *     holding
 * @param discountRate the agents' discount rate per period: a permit is banked when the next
 *     period's price, discounted at this rate, is above this period's (only when the program allows
 *     banking)
 * @param attestedShare the share of developers whose compute attested meters measure (issue 17), in
 *     [0, 1], spread evenly over the population ({@link #attested})
 * @param meterUncertainty the attested meters' relative uncertainty in [0, 1]: the most of what it
 *     owes an attested developer can leave unreported
 */
public record MarketSettings(
    double centsPerUtil,
    TradingMode trading,
    int continuousRounds,
    int quietRounds,
    long gridStepPpm,
    double bandFactor,
    long scheduleSpanPpm,
    long quoteWindowPpm,
    Expectations expectations,
    double[] expectedPricesCents,
    EvaluationTiming evaluations,
    long initialPriceCents,
    long cashCents,
    long ziLotPermits,
    double discountRate,
    double attestedShare,
    double meterUncertainty) {

  /** Settings with every default, for tests and code that builds scenarios directly. */
  public static MarketSettings defaults(double centsPerUtil) {
    return new MarketSettings(
        centsPerUtil,
        TradingMode.CALL_THEN_CONTINUOUS,
        3_000,
        200,
        2_000,
        4.0,
        150_000,
        2_000,
        Expectations.RATIONAL,
        null,
        EvaluationTiming.AFTER_USAGE,
        0,
        10_000_000_000_000L,
        0,
        0.05,
        0.0,
        0.0);
  }

  /** The same settings with another trading mode. */
  public MarketSettings withTrading(TradingMode mode) {
    return new MarketSettings(
        centsPerUtil,
        mode,
        continuousRounds,
        quietRounds,
        gridStepPpm,
        bandFactor,
        scheduleSpanPpm,
        quoteWindowPpm,
        expectations,
        expectedPricesCents,
        evaluations,
        initialPriceCents,
        cashCents,
        ziLotPermits,
        discountRate,
        attestedShare,
        meterUncertainty);
  }

  /** The same settings with other expectations and evaluation timing. */
  public MarketSettings withExpectations(Expectations e, EvaluationTiming timing) {
    return new MarketSettings(
        centsPerUtil,
        trading,
        continuousRounds,
        quietRounds,
        gridStepPpm,
        bandFactor,
        scheduleSpanPpm,
        quoteWindowPpm,
        e,
        e == Expectations.GIVEN ? expectedPricesCents : null,
        timing,
        initialPriceCents,
        cashCents,
        ziLotPermits,
        discountRate,
        attestedShare,
        meterUncertainty);
  }

  /** The same settings with another starting cash per developer. */
  public MarketSettings withCashCents(long cents) {
    return new MarketSettings(
        centsPerUtil,
        trading,
        continuousRounds,
        quietRounds,
        gridStepPpm,
        bandFactor,
        scheduleSpanPpm,
        quoteWindowPpm,
        expectations,
        expectedPricesCents,
        evaluations,
        initialPriceCents,
        cents,
        ziLotPermits,
        discountRate,
        attestedShare,
        meterUncertainty);
  }

  /**
   * Whether developer {@code index} (in the population's order) is metered by an attested meter:
   * {@code frac((index + 1)·g) < share} with g the golden ratio's fractional part 0.618..., a
   * low-discrepancy sequence that spreads the share evenly over the population without aliasing
   * with any regular pattern in it (strategies assigned alternately, say): none at share 0, all at
   * 1, and about {@code share·n} of any n consecutive developers.
   */
  public boolean attested(int index) {
    double u = ((index + 1) * 0.6180339887498949) % 1.0;
    return u < attestedShare;
  }
}
