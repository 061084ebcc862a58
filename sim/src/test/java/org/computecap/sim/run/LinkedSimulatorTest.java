package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.computecap.sim.scenario.LinkedScenario;
import org.computecap.sim.scenario.ScenarioTree;
import org.junit.jupiter.api.Test;

/**
 * Linked runs (issue 18) on the shipped two-jurisdiction example: a lax A (cap 250,000) and a
 * strict B (150,000) with the same developers, B's small companies free to move to A. The engines'
 * clearing prices must be the linked equilibrium's, regime by regime, to the price grid's
 * resolution: the call auction clears on grid prices spaced {@code gridStepPpm} (0.2%) apart, so a
 * price within one step and a half of the theory is on the theory's grid point or the next.
 */
class LinkedSimulatorTest {
  private static final Path FILE = Path.of("..", "examples", "linked", "strict-lax.yaml");
  private static final double GRID = 2_000 / 1e6;
  private static final double TOLERANCE = 1.5 * GRID;

  private static ScenarioTree tree(String... settings) {
    ScenarioTree t = ScenarioTree.load(FILE).with("periods", "1");
    for (int i = 0; i < settings.length; i += 2) {
      t = t.with(settings[i], settings[i + 1]);
    }
    return t;
  }

  private static LinkedPeriod first(String... settings) {
    return LinkedSimulator.run(tree(settings).linkedScenario()).periods().get(0);
  }

  private static void onTheory(LinkedPeriod p) {
    for (int j = 0; j < 2; j++) {
      assertThat(p.price()[j])
          .as("price of jurisdiction %d", j)
          .isCloseTo(p.theoryPrice()[j], within(TOLERANCE * p.theoryPrice()[j]));
    }
  }

  @Test
  void without_a_link_each_market_clears_at_its_own_price_and_b_firms_leak_to_a() {
    LinkedPeriod p = first("link.regime", "NONE");
    onTheory(p);
    assertThat(p.price()[1]).isGreaterThan(3 * p.price()[0]);
    assertThat(p.flowPermits()).isZero();
    assertThat(p.linkedUnits()).isZero();
    // B's four small companies pay far more than $10,000 more at B's price than at A's: they go.
    assertThat(p.movers()).isEqualTo(4);
    assertThat(p.leakedCompute()).isPositive();
    // Both caps bind, so leakage moves compute between them and leaves the total at their sum.
    assertThat(p.totalRiskWeighted()).isCloseTo(400_000, within(400_000 * TOLERANCE));
  }

  @Test
  void a_two_way_link_at_par_equalises_the_prices_and_stops_the_leakage() {
    LinkedPeriod p = first("link.regime", "TWO_WAY");
    onTheory(p);
    assertThat(p.price()[1]).isCloseTo(p.price()[0], within(TOLERANCE * p.price()[0]));
    assertThat((double) p.flowPermits())
        .isCloseTo(p.theoryFlow(), within(1.0 + GRID * p.theoryFlow()));
    assertThat(p.linkedUnits()).isEqualTo(p.flowPermits());
    assertThat(p.movers()).isZero();
    assertThat(p.totalRiskWeighted()).isCloseTo(400_000, within(400_000 * TOLERANCE));
  }

  @Test
  void a_one_way_link_from_the_cheap_market_equalises_like_a_two_way_one() {
    LinkedPeriod oneWay = first("link.regime", "ONE_WAY");
    LinkedPeriod twoWay = first("link.regime", "TWO_WAY");
    onTheory(oneWay);
    assertThat(oneWay.price()[1]).isLessThanOrEqualTo(oneWay.price()[0] * (1 + TOLERANCE));
    assertThat(oneWay.flowPermits()).isEqualTo(twoWay.flowPermits());
  }

  @Test
  void a_quota_stops_the_flow_at_its_share_of_the_cap_and_keeps_the_prices_apart() {
    LinkedPeriod p = first("link.regime", "TWO_WAY", "link.quotaShare", "0.1");
    onTheory(p);
    // 10% of B's cap of 150,000: the engine issues exactly that many linked units and no more.
    assertThat(p.linkedUnits()).isEqualTo(15_000);
    assertThat(p.price()[1]).isGreaterThan(2 * p.price()[0]);
  }

  @Test
  void an_exchange_rate_holds_b_price_at_a_price_over_the_rate_and_shrinks_the_total() {
    LinkedPeriod p = first("link.regime", "TWO_WAY", "link.exchangeRate", "0.5");
    onTheory(p);
    assertThat(p.price()[1] / p.price()[0]).isCloseTo(2.0, within(2.0 * 2 * TOLERANCE));
    assertThat(p.linkedUnits()).isEqualTo(p.flowPermits() / 2);
    // A's permits became half as many units of B: the total is the caps less half the flow.
    assertThat(p.totalRiskWeighted())
        .isCloseTo(400_000 - 0.5 * p.flowPermits(), within(400_000 * TOLERANCE));
  }

  @Test
  void a_two_way_link_carries_b_units_to_a_when_a_is_the_dear_market_and_a_one_way_link_cannot() {
    // A's cap cut to 100,000 and B's raised to 300,000: now A is the strict one.
    String[] swapped = {
      "jurisdictions.lax.program.cap.startPermits", "100000",
      "jurisdictions.strict.program.cap.startPermits", "300000"
    };
    LinkedPeriod twoWay = first(with(swapped, "link.regime", "TWO_WAY"));
    onTheory(twoWay);
    assertThat(twoWay.flowPermits()).isNegative();
    assertThat(-twoWay.flowPermits()).isEqualTo(twoWay.linkedUnits());
    assertThat(twoWay.price()[1])
        .isCloseTo(twoWay.price()[0], within(TOLERANCE * twoWay.price()[0]));
    // One-way (B recognises A): nothing may flow from B, and B stays the cheaper market.
    LinkedPeriod oneWay = first(with(swapped, "link.regime", "ONE_WAY"));
    onTheory(oneWay);
    assertThat(oneWay.flowPermits()).isZero();
    assertThat(oneWay.price()[1]).isLessThan(oneWay.price()[0]);
  }

  private static String[] with(String[] base, String... more) {
    String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  @Test
  void one_seed_gives_one_pair_of_state_hashes_and_each_jurisdiction_its_own_seed() {
    LinkedScenario s = tree("link.regime", "TWO_WAY").linkedScenario();
    LinkedResult a = LinkedSimulator.run(s);
    LinkedResult b = LinkedSimulator.run(s);
    assertThat(a.stateHashes()).containsExactly(b.stateHashes());
    assertThat(a.stateHashes()[0]).isNotEqualTo(a.stateHashes()[1]);
    long seedA = s.jurisdictions().get(0).scenario().seed();
    long seedB = s.jurisdictions().get(1).scenario().seed();
    assertThat(seedA).isNotEqualTo(seedB);
    LinkedScenario other = tree("link.regime", "TWO_WAY", "seed", "19").linkedScenario();
    assertThat(other.jurisdictions().get(0).scenario().seed()).isNotEqualTo(seedA);
  }

  @Test
  void the_desk_bids_within_the_auctions_purchase_limit_and_buys_the_rest_on_the_exchange() {
    // Nobody may bid for more than 3% of A's auction (7,500 permits), a sixth of the desk's
    // flow: the engine refuses a bid above the limit, so the desk bids the limit and buys the
    // rest in the main call auction.
    LinkedPeriod p =
        first(
            "link.regime", "TWO_WAY",
            "jurisdictions.lax.program.auction.purchaseLimitPpm", "30000");
    assertThat(p.flowPermits()).isPositive();
    assertThat(p.linkedUnits()).isEqualTo(p.flowPermits());
  }

  @Test
  void a_linked_scenario_read_as_one_program_says_how_to_run_it() {
    assertThatThrownBy(() -> ScenarioTree.load(FILE).scenario())
        .hasMessageContaining("jurisdictions: a linked scenario (two programs, issue 18) runs as");
  }

  @Test
  void a_linked_scenario_refuses_bad_fields_naming_the_field_and_the_rule() {
    assertThatThrownBy(() -> tree("link.exchangeRate", "0").linkedScenario())
        .hasMessageContaining("link.exchangeRate: 0.0 is not in (0, 10.0]");
    assertThatThrownBy(() -> tree("link.quotaShare", "1.5").linkedScenario())
        .hasMessageContaining("link.quotaShare: 1.5 is not in [0, 1]");
    assertThatThrownBy(() -> tree("link.regime", "SIDEWAYS").linkedScenario())
        .hasMessageContaining("link.regime: 'SIDEWAYS' is not one of NONE, ONE_WAY, TWO_WAY");
    assertThatThrownBy(() -> tree("jurisdictions.strict.program.banking", "true").linkedScenario())
        .hasMessageContaining("jurisdictions[1].program.banking: must be false in a linked run");
    assertThatThrownBy(
            () ->
                tree("jurisdictions.lax.program.linking", "{exchangeRatePpm: 1000000}")
                    .linkedScenario())
        .hasMessageContaining("jurisdictions[0].program.linking: is set by the scenario's link");
    assertThatThrownBy(
            () ->
                tree("jurisdictions.strict.developers.strict-small-company.spread", "0.5")
                    .linkedScenario())
        .hasMessageContaining(
            "jurisdictions[1].developers[1].spread: a developer that may relocate");
  }
}
