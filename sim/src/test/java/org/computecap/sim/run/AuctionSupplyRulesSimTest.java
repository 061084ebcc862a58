package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: the simulator follows the engine's auction supply rules. Before, agents bid from the
 * program's first reserve price and offered the cap less the free budget, so an escalating reserve
 * had the engine refuse their bids and a cost containment reserve had it refuse the auction's
 * volume, ending the run.
 */
class AuctionSupplyRulesSimTest {

  private static final String BASE = RegimesTest.text("binding-reserve");

  @Test
  void an_escalating_reserve_price_binds_at_each_periods_escalated_value() {
    SimulationResult r =
        RegimesTest.run(
            "escalating-reserve",
            BASE.replace(
                "auction: {reservePriceCents: 10000, purchaseLimitPpm: 1000000}",
                "auction: {reservePriceCents: 10000, purchaseLimitPpm: 1000000,"
                    + " reservePriceEscalationPpm: 20000}"));
    long[] reserve = {10000, 10200, 10404};
    for (int i = 0; i < reserve.length; i++) {
      PeriodResult p = r.periods().get(i);
      assertThat(p.auctionPrice()).isEqualTo((double) reserve[i]);
      assertThat(p.auctionSold()).isPositive().isLessThan(50000);
      // The exchange prices what the auction sold at the reserve: no lower.
      assertThat(p.clearingPrice()).isGreaterThanOrEqualTo(reserve[i] * 0.999);
    }
  }

  @Test
  void a_cost_containment_reserve_is_released_when_demand_at_the_trigger_exceeds_supply() {
    // Competitive price about $83 with half the cap auctioned; a $50 trigger is crossed.
    String ccr =
        BASE.replace(
            "auction: {reservePriceCents: 10000, purchaseLimitPpm: 1000000}",
            "auction: {reservePriceCents: 100, purchaseLimitPpm: 1000000,"
                + " costContainment: {triggerPriceCents: 5000, volume: 5000}}");
    SimulationResult with = RegimesTest.run("ccr", ccr);
    for (PeriodResult p : with.periods()) {
      // Base auction volume is the cap less the free half less the reserve's 5,000 permits.
      assertThat(p.auctionSold()).isGreaterThan(50000 - 5000);
      assertThat(p.auctionSold()).isLessThanOrEqualTo(50000);
      assertThat(p.clearingPrice())
          .isCloseTo(p.theoreticalPrice(), within(0.02 * p.theoreticalPrice()));
    }
  }

  @Test
  void an_emissions_containment_reserve_withholds_when_the_price_would_be_below_its_trigger() {
    // Competitive price about $83; a $90 trigger withholds all 5,000 permits and the price rises.
    String ecr =
        BASE.replace(
            "auction: {reservePriceCents: 10000, purchaseLimitPpm: 1000000}",
            "auction: {reservePriceCents: 100, purchaseLimitPpm: 1000000,"
                + " emissionsContainment: {triggerPriceCents: 9000, volume: 5000}}");
    SimulationResult with = RegimesTest.run("ecr", ecr);
    SimulationResult without =
        RegimesTest.run(
            "no-ecr",
            BASE.replace(
                "auction: {reservePriceCents: 10000, purchaseLimitPpm: 1000000}",
                "auction: {reservePriceCents: 100, purchaseLimitPpm: 1000000}"));
    for (int i = 0; i < with.periods().size(); i++) {
      PeriodResult p = with.periods().get(i);
      assertThat(p.auctionSold()).isEqualTo(50000 - 5000);
      assertThat(p.clearingPrice())
          .isCloseTo(p.theoreticalPrice(), within(0.02 * p.theoreticalPrice()))
          .isGreaterThan(without.periods().get(i).clearingPrice());
    }
  }

  // Before, agents offered the whole auction volume and the engine refused an auction asking for
  // what the stability reserve had withheld (AUCTION_VOLUME_EXCEEDED), ending the run.
  @Test
  void a_stability_reserve_withholds_auction_volume_and_the_run_follows_it() {
    org.computecap.sim.scenario.ScenarioTree tree =
        org.computecap.sim.scenario.ScenarioTree.shipped("stability");
    SimulationResult without = Simulator.run(tree.scenario(), null, null);
    SimulationResult with =
        Simulator.run(
            tree.with(
                    "stabilityReserve",
                    "{upperThresholdPermits: 250000, lowerThresholdPermits: 150000,"
                        + " intakeRatePpm: 240000, releaseThresholdPermits: 50000,"
                        + " releaseVolumePermits: 100000}")
                .scenario(),
            null,
            null);
    long soldWith = 0;
    long soldWithout = 0;
    for (int i = 0; i < with.periods().size(); i++) {
      PeriodResult p = with.periods().get(i);
      soldWith += p.auctionSold();
      soldWithout += without.periods().get(i).auctionSold();
      assertThat(p.clearingPrice())
          .isCloseTo(p.theoreticalPrice(), within(0.01 * p.theoreticalPrice()));
    }
    // The first close banks over 200,000 permits, above the 150,000 threshold: later auctions
    // offer less.
    assertThat(with.periods().get(0).bankedPermits()).isGreaterThan(150000);
    assertThat(soldWith).isLessThan(soldWithout);
  }

  // A price ceiling sells without limit at its price: the market price stops there, and what the
  // cap leaves short is bought at the ceiling (issued above the cap), not run unreported.
  @Test
  void a_price_ceiling_caps_the_price_and_developers_buy_the_rest_at_it() {
    String cap = RegimesTest.text("binding-cap");
    SimulationResult free = RegimesTest.run("binding-cap");
    SimulationResult ceiling =
        RegimesTest.run(
            "ceiling",
            cap.replace(
                "  banking: false\n", "  banking: false\n  priceCeiling: {priceCents: 8500}\n"));
    for (int i = 0; i < free.periods().size(); i++) {
      PeriodResult f = free.periods().get(i);
      PeriodResult c = ceiling.periods().get(i);
      if (f.theoreticalPrice() < 8500) {
        assertThat(c.clearingPrice()).isEqualTo(f.clearingPrice());
        assertThat(c.ceilingPermits()).isZero();
      } else {
        assertThat(c.theoreticalPrice()).isEqualTo(8500.0);
        assertThat(c.clearingPrice()).isLessThanOrEqualTo(8500.0).isGreaterThan(8500 * 0.99);
        assertThat(c.ceilingPermits()).isPositive();
        assertThat(c.totalCompute()).isGreaterThan(f.totalCompute());
        assertThat(c.evasionRate()).isZero();
        assertThat(c.welfareRatio()).isGreaterThan(0.995);
      }
    }
  }
}
