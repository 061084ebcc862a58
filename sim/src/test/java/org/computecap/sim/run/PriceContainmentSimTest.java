package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;
import org.computecap.economics.stability.SupplyCurve;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: simulated developers take part in price containment reserve sales. Before, the
 * simulator never opened one: a program with tiers and a ceiling kept its tiers unsold while the
 * price rose past them, and its ceiling could never be used, since the engine sells at the ceiling
 * only once the tiers are gone.
 */
class PriceContainmentSimTest {

  private static final double CENTS_PER_UTIL = 4e5;
  private static final long[] TIER_VOLUME = {2000, 2000};
  private static final long[] TIER_PRICE = {8000, 8500};
  private static final long CEILING = 9000;

  // binding-cap's cap falls 10% a year and its price rises from $78.40 to $93.83 (a run without
  // the tiers: 7,840; 8,275; 8,777; 9,383 cents). Half the cap is auctioned here; the tiers
  // (carved out of the first auction), which need banking, straddle that path; a 50% discount rate
  // keeps anyone from banking, so each period's price is that period's own.
  private static String program(String controls) {
    return RegimesTest.text("binding-cap")
        .replace("freeSharePpm: 1000000", "freeSharePpm: 500000")
        .replace("  banking: false\n", "  banking: true\n" + controls)
        .replace("trading: CALL_AUCTION}", "trading: CALL_AUCTION, discountRate: 0.5}");
  }

  private static final String CONTROLS =
      "  priceContainment: {triggerSharePpm: 900000, tiers: [{volumePermits: 2000, priceCents:"
          + " 8000}, {volumePermits: 2000, priceCents: 8500}]}\n"
          + "  priceCeiling: {priceCents: 9000}\n";

  @Test
  void short_developers_buy_the_tiers_at_the_supply_curve_price_and_the_ceiling_only_after() {
    SimulationResult r = RegimesTest.run("apcr", program(CONTROLS));
    SimulationResult free = RegimesTest.run("no-apcr", program(""));
    long soldBefore = 0;
    for (PeriodResult p : r.periods()) {
      // The tiers left when the period's sale opened, sold in ascending price order.
      long[] left = new long[TIER_VOLUME.length];
      long taken = soldBefore;
      for (int t = 0; t < left.length; t++) {
        left[t] = TIER_VOLUME[t] - Math.min(taken, TIER_VOLUME[t]);
        taken -= TIER_VOLUME[t] - left[t];
      }
      SupplyCurve curve = SupplyCurve.of(p.permitsInCirculation()).withCeiling(CEILING);
      for (int t = 0; t < left.length; t++) {
        curve = left[t] > 0 ? curve.withTier(TIER_PRICE[t], left[t]) : curve;
      }
      Population pop = RegimesTest.population(r, p.period());
      double theory =
          curve.clearingPrice(c -> MarketClearing.aggregateDemand(pop, c / CENTS_PER_UTIL));
      RegimesTest.print(
          "apcr",
          p,
          "curve "
              + theory
              + " reserve sale "
              + p.reserveSalePermits()
              + " ceiling "
              + p.ceilingPermits());
      // Measured: within 0.11% (period 2: 8,176 against 8,184.9); the exchange's last lots
      // trade a few cents below the step the curve prices.
      assertThat(p.clearingPrice()).isCloseTo(theory, within(0.003 * theory));
      assertThat(p.theoreticalPrice()).isCloseTo(theory, within(1e-6 * theory));
      // The ceiling sells only once every tier is gone, this period's sale included.
      if (soldBefore + p.reserveSalePermits() < 4000) {
        assertThat(p.ceilingPermits()).isZero();
      }
      assertThat(p.evasionRate()).isZero();
      assertThat(p.excessCompute()).isZero();
      assertThat(p.penaltiesCollected()).isZero();
      soldBefore += p.reserveSalePermits();
    }
    // Periods 2 and 3 price on the tiers (below the run without them) and sell them; the last
    // period's price reaches the ceiling, whose permits it buys once the tiers are gone.
    assertThat(r.periods().get(1).reserveSalePermits()).isGreaterThan(1900);
    assertThat(r.periods().get(2).reserveSalePermits()).isGreaterThan(1900);
    assertThat(r.periods().get(1).clearingPrice())
        .isLessThan(free.periods().get(1).clearingPrice() - 50);
    assertThat(soldBefore).isEqualTo(4000);
    PeriodResult last = r.periods().get(3);
    assertThat(last.ceilingPermits()).isPositive();
    assertThat(last.clearingPrice()).isLessThanOrEqualTo(CEILING).isGreaterThan(CEILING * 0.99);
  }

  // A sale opens only after an auction that cleared at or above the trigger share of the lowest
  // tier price: with the whole tier price as the trigger and prices below it, nothing is sold.
  @Test
  void no_sale_is_held_while_auctions_clear_below_the_trigger() {
    SimulationResult r =
        RegimesTest.run(
            "apcr-high",
            program(
                "  priceContainment: {triggerSharePpm: 1000000, tiers: [{volumePermits: 2000,"
                    + " priceCents: 9900}]}\n"));
    for (PeriodResult p : r.periods()) {
      assertThat(p.auctionPrice()).isLessThan(9900.0);
      assertThat(p.reserveSalePermits()).isZero();
    }
  }
}
