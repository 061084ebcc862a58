package org.computecap.sim.scenario;

/**
 * How a developer agent trades and complies (SPEC §9). Price-taking agents quote their true
 * marginal value, so a uniform-price auction over their schedules finds the competitive price;
 * zero-intelligence-constrained agents (Gode and Sunder 1993) quote at random but never at a loss;
 * strategic agents trade like price-takers but under-report when the expected penalty is below the
 * permit price (P2 Cor 3); price-setting agents (issue 18) are Hahn (1984)'s dominant firm: every
 * PRICE_SETTING developer joins one coalition that quotes, in the call auction, the holding that
 * maximises its profit knowing the price clears the price-taking fringe on the rest of the cap
 * ({@code run/PriceSetting}); hoarding agents (issue 18, foreclosure) act as one coalition with
 * every other hoarding developer: they trade like price-takers for their own use, and on top buy
 * and bank a stated share of each period's cap ({@link DeveloperType#hoardShare}) that they never
 * sell or use, to raise the price later entrants pay.
 */
public enum Strategy {
  PRICE_TAKING,
  ZI_C,
  STRATEGIC,
  PRICE_SETTING,
  HOARDING
}
