package org.computecap.sim.scenario;

/**
 * How the simulated market runs, beside the regulator's program: the money scale, the trading
 * mechanism and the agents' price grid.
 *
 * @param centsPerUtil cents per unit of benefit: the economics library's price in utility per
 *     permit times this is the price in cents
 * @param trading the secondary-market mechanism each period
 * @param continuousRounds rounds of the continuous double auction per period
 * @param gridStepPpm spacing of the price grid price-taking agents quote on (geometric, in parts
 *     per million of the price), which bounds how far the call auction can miss
 * @param finePpm the grid has steps of gridStepPpm within +-finePpm of the expected price and
 *     doubling steps beyond
 * @param bandFactor the grid spans [expected/band, expected·band]
 * @param expectations how agents form the price they plan with
 * @param evaluations when the evaluation signal is drawn and recorded
 * @param initialPriceCents the price agents expect in the first period; 0 = the rational
 *     expectation
 * @param cashCents cash each developer starts with
 * @param ziLotPermits largest quantity of one zero-intelligence order; 0 = 1% of the average
 *     holding
 */
public record MarketSettings(
    double centsPerUtil,
    TradingMode trading,
    int continuousRounds,
    long gridStepPpm,
    long finePpm,
    double bandFactor,
    Expectations expectations,
    EvaluationTiming evaluations,
    long initialPriceCents,
    long cashCents,
    long ziLotPermits) {}
