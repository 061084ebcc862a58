package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.MarketClearing;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, market power: a PRICE_SETTING developer (Hahn 1984) quotes its first-order-condition
 * schedule in the engine's call auction, and the engine's uniform price lands on the economics'
 * dominant-firm equilibrium. Before, there was no such strategy: every agent took the price, and
 * the market cleared at the competitive price whatever the allocation.
 */
class PriceSettingTest {
  // One grid step (gridStepPpm 2000, 0.2%): the call clears at a grid price next to the root.
  private static final double GRID_STEP = 0.002;

  static SimulationResult run(String dominantHistory, String strategy) {
    String yaml =
        RegimesTest.text("market-power")
            .replace("history: [36, 36]", "history: " + dominantHistory)
            .replace("strategy: PRICE_SETTING", "strategy: " + strategy);
    return RegimesTest.run("market-power", yaml);
  }

  @Test
  void a_net_seller_clears_at_hahns_price_above_the_competitive_one() {
    // History 100 against 200: the dominant firm gets 100/300 of 59,000, 19,666 permits, more
    // than twice its efficient 9,000.
    PeriodResult p = run("[100, 100]", "PRICE_SETTING").periods().get(0);
    MarketPower m = p.marketPower();
    RegimesTest.print("market-power seller", p, "hahn " + m.hahnPriceCents() / 100);
    assertThat(m.allocationShare()).isCloseTo(1.0 / 3, within(1.0 / 59000));
    assertThat(m.demandShare()).isCloseTo(9.0 / 59, within(1e-9));
    assertThat(p.clearingPrice())
        .isCloseTo(m.hahnPriceCents(), within(GRID_STEP * m.hahnPriceCents()));
    // Withholding raises the price well beyond a grid step.
    assertThat(m.hahnPriceCents()).isGreaterThan(p.theoreticalPrice() * (1 + 3 * GRID_STEP));
    assertThat(m.holdingPermits()).isGreaterThan(9000 * (1 + 3 * GRID_STEP));
    assertThat(m.holdingPermits())
        .isCloseTo(m.hahnHoldingPermits(), within(2 * GRID_STEP * m.hahnHoldingPermits()));
    assertThat(p.welfareRatio()).isLessThan(1.0);
    assertThat(m.welfareLossUtils()).isPositive();
    // The simulated loss is the theory's within what one grid step moves it.
    double simulatedLoss = p.plannerWelfare() - p.welfare();
    assertThat(simulatedLoss).isCloseTo(m.welfareLossUtils(), within(0.1 * m.welfareLossUtils()));
  }

  @Test
  void a_net_buyer_clears_at_hahns_price_below_the_competitive_one() {
    PeriodResult p = run("[2, 2]", "PRICE_SETTING").periods().get(0);
    MarketPower m = p.marketPower();
    RegimesTest.print("market-power buyer", p, "hahn " + m.hahnPriceCents() / 100);
    assertThat(p.clearingPrice())
        .isCloseTo(m.hahnPriceCents(), within(GRID_STEP * m.hahnPriceCents()));
    assertThat(m.hahnPriceCents()).isLessThan(p.theoreticalPrice() * (1 - 3 * GRID_STEP));
    assertThat(m.holdingPermits()).isLessThan(9000 * (1 - 3 * GRID_STEP));
    assertThat(m.holdingPermits())
        .isCloseTo(m.hahnHoldingPermits(), within(2 * GRID_STEP * m.hahnHoldingPermits()));
  }

  @Test
  void allocated_its_efficient_holding_it_does_what_a_price_taker_does() {
    SimulationResult setter = run("[36, 36]", "PRICE_SETTING");
    SimulationResult taker = run("[36, 36]", "PRICE_TAKING");
    PeriodResult p = setter.periods().get(0);
    PeriodResult q = taker.periods().get(0);
    MarketPower m = p.marketPower();
    RegimesTest.print("market-power neutral", p, "hahn " + m.hahnPriceCents() / 100);
    assertThat(m.allocationShare()).isCloseTo(9.0 / 59, within(1e-12));
    assertThat(m.hahnPriceCents())
        .isCloseTo(p.theoreticalPrice(), within(1e-9 * p.theoreticalPrice()));
    assertThat(p.clearingPrice())
        .isCloseTo(q.clearingPrice(), within(GRID_STEP * q.clearingPrice()));
    assertThat(p.clearingPrice())
        .isCloseTo(p.theoreticalPrice(), within(GRID_STEP * p.theoreticalPrice()));
    assertThat(m.holdingPermits()).isCloseTo(9000, within(9000 * GRID_STEP));
    assertThat(p.welfareRatio()).isCloseTo(q.welfareRatio(), within(1e-6));
    assertThat(m.welfareLossUtils()).isCloseTo(0.0, within(1e-9 * Math.abs(p.plannerWelfare())));
    // Without a price-setter there is nothing to measure.
    assertThat(q.marketPower()).isEqualTo(MarketPower.NONE);
  }

  @Test
  void a_coalition_of_price_setters_acts_as_one_firm_with_their_demand_and_allocation() {
    // Three developers of theta sqrt(3) want 3·3/p², as the single dominant firm of theta 3;
    // histories of 50 each give them together what history 150 gives it.
    String yaml =
        RegimesTest.text("market-power")
            .replace("count: 1, sizeClass: FRONTIER", "count: 3, sizeClass: FRONTIER")
            .replace("theta: 3.0", "theta: " + Math.sqrt(3))
            .replace("history: [36, 36]", "history: 50");
    PeriodResult coalition = RegimesTest.run("market-power", yaml).periods().get(0);
    PeriodResult single = run("[150, 150]", "PRICE_SETTING").periods().get(0);
    MarketPower c = coalition.marketPower();
    MarketPower s = single.marketPower();
    RegimesTest.print("market-power coalition", coalition, "hahn " + c.hahnPriceCents() / 100);
    assertThat(c.allocationShare()).isCloseTo(150.0 / 350, within(3.0 / 59000));
    assertThat(s.allocationShare()).isCloseTo(150.0 / 350, within(1.0 / 59000));
    // Equal but for the allocation's whole-permit rounding (a permit or two of 59,000).
    assertThat(c.hahnPriceCents()).isCloseTo(s.hahnPriceCents(), within(1e-4 * s.hahnPriceCents()));
    assertThat(coalition.clearingPrice())
        .isCloseTo(single.clearingPrice(), within(GRID_STEP * single.clearingPrice()));
    assertThat(coalition.clearingPrice())
        .isCloseTo(c.hahnPriceCents(), within(GRID_STEP * c.hahnPriceCents()));
    assertThat(coalition.clearingPrice())
        .isGreaterThan(coalition.theoreticalPrice() * (1 + 3 * GRID_STEP));
    assertThat(c.holdingPermits())
        .isCloseTo(c.hahnHoldingPermits(), within(2 * GRID_STEP * c.hahnHoldingPermits()));
  }

  @Test
  void with_a_cap_that_does_not_bind_there_is_no_price_to_move_and_nothing_to_measure() {
    String yaml =
        RegimesTest.text("slack-cap")
            .replace(
                "market: {centsPerUtil: 1.0e6}",
                "market: {centsPerUtil: 1.0e6, trading: CALL_AUCTION}")
            .replace(
                "count: 30,", "count: 30, strategyCounts: {PRICE_SETTING: 3, PRICE_TAKING: 27},");
    SimulationResult r = RegimesTest.run("slack-cap-price-setting", yaml);
    assertThat(r.periods()).hasSize(3);
    for (PeriodResult p : r.periods()) {
      assertThat(p.marketPower()).isEqualTo(MarketPower.NONE);
      assertThat(p.theoreticalPrice()).isZero();
      // Everyone, the price-setters included, runs its no-cap optimum within whole units.
      assertThat(p.totalCompute())
          .isCloseTo(p.competitiveCompute(), within(0.01 * p.competitiveCompute()));
    }
  }

  @Test
  void the_competitive_price_of_the_regime_is_the_market_librarys() {
    // (9 + 50)/p² = 59,000 gives p = 1/sqrt(1000) utility, $126.49 at 4e5 cents per utility.
    PeriodResult q = run("[36, 36]", "PRICE_TAKING").periods().get(0);
    assertThat(q.theoreticalPrice()).isCloseTo(4e5 / Math.sqrt(1000), within(1e-6));
    assertThat(
            MarketClearing.closedFormPrice(
                    RegimesTest.population(run("[36, 36]", "PRICE_TAKING"), 1), 59000)
                .getAsDouble())
        .isCloseTo(1 / Math.sqrt(1000), within(1e-12));
  }

  @Test
  void scenarios_the_simulator_cannot_play_as_hahns_model_are_refused_naming_the_field() {
    String base = RegimesTest.text("market-power");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "m.yaml", base.replace("trading: CALL_AUCTION", "trading: CONTINUOUS"), null))
        .hasMessageContaining("developers[0] (dominant).strategy PRICE_SETTING")
        .hasMessageContaining("market.trading CALL_AUCTION");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "m.yaml", base.replace("freeSharePpm: 1000000", "freeSharePpm: 500000"), null))
        .hasMessageContaining("allocation.freeSharePpm 1000000");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "m.yaml", base.replace("banking: false", "banking: true"), null))
        .hasMessageContaining("banking: false");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "m.yaml",
                    base.replace(
                        "name: low, count: 10, strategy: PRICE_TAKING",
                        "name: low, count: 10, strategy: ZI_C"),
                    null))
        .hasMessageContaining("developers[1] (low).strategy cannot include ZI_C");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "m.yaml",
                    base.replace("strategy: PRICE_TAKING", "strategy: PRICE_SETTING"),
                    null))
        .hasMessageContaining("needs a fringe");
  }
}
