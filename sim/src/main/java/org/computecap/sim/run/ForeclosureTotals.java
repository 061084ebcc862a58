package org.computecap.sim.run;

/**
 * A period's measures of foreclosure by hoarding (issue 18), simulated beside the economics' theory
 * ({@code org.computecap.economics.foreclosure.Hoarding}) on the same developers and permits.
 * Incumbents are the developers there from the first period, entrants those of a type with a later
 * {@code entryPeriod}.
 *
 * @param entrants entrants active in the period
 * @param entrantsCompute compute the entrants ran, in the scenario's compute unit (NaN, like the
 *     entrants' other measures, in a period before any enters)
 * @param entrantsTheoryCompute what they would run at the theory's price with the hoard
 * @param incumbentsSurplusCents the incumbents' benefit of the compute they ran (in cents) plus
 *     their cash from permits in the period (sales less purchases and auction payments) less the
 *     penalties they paid: the difference between a run without hoarding and one with it, on the
 *     same seed, is what the strategy cost them
 * @param entrantsSurplusCents the same for the entrants: a new-entrant reserve's grant shows here
 * @param hoardPermits the HOARDING coalition's hoard at the end of the period
 * @param withdrawnPermits what the coalition added to its hoard in the period (negative: what it
 *     took out of it, as when a holding limit leaves it room for its own use only)
 * @param competitivePriceCents the theory's price of the period without this period's withdrawal
 * @param hoardCostTheoryCents the theory's cost of the period's withdrawal to the incumbents,
 *     {@code Hoarding.incumbentsCost} in cents, with their free permits as the endowment
 * @param holdingLimitRefusals purchases and bids the engine refused with HOLDING_LIMIT_EXCEEDED
 */
public record ForeclosureTotals(
    int entrants,
    double entrantsCompute,
    double entrantsTheoryCompute,
    double incumbentsSurplusCents,
    double entrantsSurplusCents,
    long hoardPermits,
    long withdrawnPermits,
    double competitivePriceCents,
    double hoardCostTheoryCents,
    long holdingLimitRefusals) {

  /** Nothing measured (tests of outputs that do not look at foreclosure). */
  public static final ForeclosureTotals NONE =
      new ForeclosureTotals(0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0);
}
