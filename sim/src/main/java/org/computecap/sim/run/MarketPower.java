package org.computecap.sim.run;

/**
 * A period's market power beside its theory (Hahn 1984, {@link PriceSetting}): what the economics'
 * dominant-firm equilibrium predicts for the price-setting developers (one firm, or every
 * PRICE_SETTING developer acting as one coalition) and what they held after trading. Every value is
 * NaN in a period without price-setters, or when the cap does not bind (no price to move).
 *
 * @param hahnPriceCents the price of Hahn's equilibrium for the period's population and permits
 * @param welfareLossUtils the competitive equilibrium's welfare less Hahn's, utility units (theory)
 * @param demandShare the price-setters' competitive holding x* over the permits in circulation
 * @param allocationShare their permits at trading open over the permits in circulation
 * @param hahnHoldingPermits their holding in Hahn's equilibrium
 * @param holdingPermits what they held after trading (simulated)
 */
public record MarketPower(
    double hahnPriceCents,
    double welfareLossUtils,
    double demandShare,
    double allocationShare,
    double hahnHoldingPermits,
    double holdingPermits) {

  /** A period without price-setters. */
  public static final MarketPower NONE =
      new MarketPower(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
