package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.computecap.economics.foreclosure.Hoarding;
import org.computecap.economics.market.Population;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.ScenarioTree;
import org.computecap.sim.scenario.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, foreclosure by hoarding, on scenarios/foreclosure.yaml: entrants enter through the
 * engine in their period, the HOARDING coalition banks its share of every cap and the price is the
 * economics' price of the cap less the hoard, a holding limit stops the coalition through the
 * engine's refusals, and bad scenario fields are refused by name.
 */
class ForeclosureTest {
  private static final Path FILE = Path.of("..", "scenarios", "foreclosure.yaml");
  private static final String LIMIT =
      "{basePermits: 1000000000, baseSharePpm: 120000, aboveBaseSharePpm: 0}";

  // The call auction finds the price on a grid of 0.2% steps (gridStepPpm 2000), to the cent.
  private static final double GRID = 0.002;

  private static Scenario scenario(Map<String, String> set) {
    return ScenarioTree.load(FILE).withAll(set).scenario();
  }

  private static SimulationResult run(Map<String, String> set) {
    return Simulator.run(scenario(set), null, null);
  }

  private static final Map<String, String> NO_HOARDING =
      Map.of(
          "developers.incumbent.strategy", "PRICE_TAKING", "developers.incumbent.hoardShare", "0");

  private static List<DeveloperPeriodRow> rowsOf(SimulationResult r, String type, int period) {
    return r.developerPeriods().stream()
        .filter(x -> x.period() == period && x.developer().type().equals(type))
        .toList();
  }

  @Test
  void an_entrant_is_absent_before_its_period_and_trades_after() {
    SimulationResult r = run(NO_HOARDING);
    for (int t = 1; t <= 4; t++) {
      for (DeveloperPeriodRow x : rowsOf(r, "entrant-late", t)) {
        assertThat(x.active()).as("late entrant in period " + t).isEqualTo(t >= 3);
        if (t < 3) {
          assertThat(x.heldAtOpen() + x.auctionWon() + x.heldAfterTrading()).isZero();
          assertThat(x.compute()).isZero();
        } else {
          assertThat(x.auctionWon()).as("bought in the auction in period " + t).isPositive();
          assertThat(x.compute()).isPositive();
          assertThat(x.surrendered()).isEqualTo(x.obligation()).isPositive();
        }
      }
    }
    // No trade names an entrant's account before it enters.
    long firstLate = rowsOf(r, "entrant-late", 1).get(0).developer().accountId();
    assertThat(r.trades())
        .filteredOn(x -> x.period() < 3)
        .allSatisfy(x -> assertThat(x.buyAccountId()).isLessThan(firstLate));
    assertThat(r.periods().get(0).foreclosure().entrants()).isZero();
    assertThat(r.periods().get(1).foreclosure().entrants()).isEqualTo(5);
    assertThat(r.periods().get(2).foreclosure().entrants()).isEqualTo(10);
  }

  @Test
  void the_new_entrant_reserve_grants_each_entrant_the_periods_mean_incumbent_grant() {
    SimulationResult r = run(Map.of("allocation.newEntrantReservePpm", "100000"));
    // GRANDFATHER: the incumbents share the free budget less the reserve, 20% - 10% of 100,000,
    // ten ways, and a new entrant is granted the period's mean incumbent grant, 1,000.
    for (DeveloperPeriodRow x : rowsOf(r, "entrant-early", 2)) {
      assertThat(x.heldAtOpen()).isEqualTo(1_000);
    }
    SimulationResult without = run(Map.of());
    for (DeveloperPeriodRow x : rowsOf(without, "entrant-early", 2)) {
      assertThat(x.heldAtOpen()).isZero();
    }
  }

  @Test
  void a_scenario_whose_types_all_enter_in_the_first_period_runs_as_before() {
    // entryPeriod: 1 written out is the default: the same journal, so the same state hash.
    String text = readScenario();
    String explicit =
        text.replace("entryPeriod: 2", "entryPeriod: 1")
            .replace("entryPeriod: 3", "entryPeriod: 1");
    String implicit = text.replace(", entryPeriod: 2", "").replace(", entryPeriod: 3", "");
    assertThat(implicit).doesNotContain("entryPeriod");
    SimulationResult a = Simulator.run(ScenarioLoader.parse("a.yaml", explicit, null), null, null);
    SimulationResult b = Simulator.run(ScenarioLoader.parse("b.yaml", implicit, null), null, null);
    assertThat(a.stateHash()).isEqualTo(b.stateHash());
  }

  @Test
  void the_default_scenarios_state_hash_is_unchanged() {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "default.yaml"));
    assertThat(Simulator.run(s, null, null).stateHash())
        .isEqualTo("0ae279e2054425c864f51ca6ad08bca596aa6b76c8475d30242e6646cc8eaff8");
  }

  @Test
  void hoarding_raises_the_price_to_the_theorys_price_of_the_cap_less_the_hoard() {
    SimulationResult r = run(Map.of());
    SimulationResult off = run(NO_HOARDING);
    double cpu = scenario(Map.of()).market().centsPerUtil();
    long hoardIn = 0;
    for (PeriodResult p : r.periods()) {
      ForeclosureTotals f = p.foreclosure();
      // What the hoarders kept: the coalition withdraws 30% of each 100,000 cap, less at most a
      // permit of rounding per hoarder and its own use's rounding.
      assertThat(f.withdrawnPermits()).isBetween(29_500L, 30_000L);
      // The theory, rebuilt here from the period's developers: the permits in circulation less
      // the hoard carried in, reduced by the period's withdrawal.
      Population pop = RegimesTest.population(r, p.period());
      Hoarding.Outcome o =
          Hoarding.of(pop, p.permitsInCirculation() - hoardIn, f.withdrawnPermits());
      double theory = o.hoarded().price() * cpu;
      assertThat(p.clearingPrice())
          .as("period " + p.period())
          .isCloseTo(theory, within(theory * GRID + 1));
      // ... and above the price of the same period without the hoard, as the theory says.
      assertThat(p.clearingPrice()).isGreaterThan(o.competitive().price() * cpu * 1.05);
      hoardIn = f.hoardPermits();
    }
    for (int t = 2; t <= 4; t++) {
      ForeclosureTotals on = r.periods().get(t - 1).foreclosure();
      ForeclosureTotals without = off.periods().get(t - 1).foreclosure();
      // Entrants run less when incumbents hoard, what the theory's price gives them.
      assertThat(on.entrantsCompute()).isLessThan(0.8 * without.entrantsCompute());
      assertThat(on.entrantsCompute())
          .isCloseTo(on.entrantsTheoryCompute(), within(0.01 * on.entrantsTheoryCompute()));
      // The hoard costs the incumbents surplus against the same seed without it.
      assertThat(on.incumbentsSurplusCents()).isLessThan(without.incumbentsSurplusCents());
    }
    // Hoarders are incumbents, and they never sold a permit.
    long firstHoarder = rowsOf(r, "incumbent", 1).get(0).developer().accountId();
    long lastHoarder = firstHoarder + 9;
    assertThat(r.trades())
        .noneMatch(x -> x.sellAccountId() >= firstHoarder && x.sellAccountId() <= lastHoarder);
    assertThat(rowsOf(r, "incumbent", 1))
        .allSatisfy(x -> assertThat(x.developer().strategy()).isEqualTo(Strategy.HOARDING));
  }

  @Test
  void a_holding_limit_stops_the_coalition_through_the_engines_refusals() {
    SimulationResult limited = run(Map.of("registryControls.holdingLimit", LIMIT));
    SimulationResult free = run(Map.of());
    long refusals = 0;
    for (PeriodResult p : limited.periods()) {
      refusals += p.foreclosure().holdingLimitRefusals();
      // Nobody holds more than 12% of the 100,000 cap after trading: no report is filed yet, so
      // the compliance exemption is 0.
      for (DeveloperPeriodRow x : limited.developerPeriods()) {
        assertThat(x.heldAfterTrading()).isLessThanOrEqualTo(12_000);
      }
    }
    assertThat(refusals).isPositive();
    long last = limited.periods().get(3).foreclosure().hoardPermits();
    assertThat(last).isLessThan(free.periods().get(3).foreclosure().hoardPermits() * 7 / 10);
    // The hoard each incumbent keeps is at most the limit less its own use.
    for (DeveloperPeriodRow x : rowsOf(limited, "incumbent", 4)) {
      assertThat(x.banked()).isLessThanOrEqualTo(12_000 - x.surrendered());
    }
  }

  @Test
  void bad_hoarding_and_entry_fields_are_refused_naming_the_field() {
    String text = readScenario();
    assertThatThrownBy(() -> parse(text.replace("hoardShare: 0.3", "hoardShare: 0")))
        .hasMessageContaining("developers[0].hoardShare")
        .hasMessageContaining("must be in (0, 0.9] for a type with HOARDING developers");
    assertThatThrownBy(
            () ->
                parse(
                    text.replace(
                        "strategy: HOARDING, hoardShare", "strategy: PRICE_TAKING, hoardShare")))
        .hasMessageContaining("developers[0].hoardShare")
        .hasMessageContaining("HOARDING");
    assertThatThrownBy(() -> parse(text.replace("banking: true", "banking: false")))
        .hasMessageContaining("developers[0].strategy")
        .hasMessageContaining("banking: true");
    assertThatThrownBy(() -> parse(text.replace("entryPeriod: 3", "entryPeriod: 5")))
        .hasMessageContaining("developers[2].entryPeriod")
        .hasMessageContaining("must be in [1, 4]");
    assertThatThrownBy(() -> parse(text.replace("hoardShare: 0.3", "hoardShare: 0.95")))
        .hasMessageContaining("developers[0].hoardShare")
        .hasMessageContaining("[0.0, 0.9]");
    assertThatThrownBy(
            () -> parse(text.replace("spread: 0, strategy", "entryPeriod: 2, spread: 0, strategy")))
        .hasMessageContaining("developers[0].entryPeriod")
        .hasMessageContaining("HOARDING incumbents");
  }

  private static Scenario parse(String text) {
    return ScenarioLoader.parse("foreclosure.yaml", text, null);
  }

  private static String readScenario() {
    try {
      return Files.readString(FILE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
