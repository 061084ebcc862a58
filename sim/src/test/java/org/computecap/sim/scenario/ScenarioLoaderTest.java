package org.computecap.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.computecap.economics.market.BenefitFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  static final Path SCENARIOS = Path.of("..", "scenarios");

  static final String PROGRAM =
      """
            program:
              name: t
              coveredQuantity: compute
              unit: PFLOP
              scope: TRAINING
              periods: {first: 1, count: 3, label: yearly}
              cap: {startPermits: 1000, linearReductionPpm: 100000}
              allocation: {method: UNIFORM, freeSharePpm: 1000000}
              risk: {alphaPpm: 3000000}
              penalty: {linearCentsPerPermit: 500, quadraticCentsPerPermitSquared: 1}
              audit: {probabilityPpm: 200000, auditCostCents: 100, budgetPerPeriodCents: 1000}
              banking: false
              auction: {reservePriceCents: 0}
            """;

  static Scenario parse(String developers) {
    return ScenarioLoader.parse("s.yaml", "name: s\n" + PROGRAM + developers, null);
  }

  @Test
  void every_shipped_scenario_loads() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "default.yaml",
            "p1-fig1.yaml",
            "p2-deterrence.yaml",
            "allocation-ablation.yaml",
            "insurance.yaml",
            "leakage.yaml");
    for (Path f : files) {
      Scenario s = ScenarioLoader.load(f);
      assertThat(s.developerCount()).as(f.toString()).isPositive();
      assertThat(s.programYaml()).as(f.toString()).contains("cap");
    }
  }

  @Test
  void default_scenario_has_the_calibrated_population() {
    Scenario s = ScenarioLoader.load(SCENARIOS.resolve("default.yaml"));
    assertThat(s.developerCount()).isEqualTo(60);
    DeveloperType frontier = s.developers().get(0);
    assertThat(frontier.sizeClass()).isEqualTo(SizeClass.FRONTIER);
    assertThat(frontier.benefit()).isEqualTo(BenefitFamily.P1);
    // No-cap compute (k/a)^(1/2) = 1e4 units of 1e23 FLOP = 1e27 FLOP, at 31 MWh a unit:
    // 310,000 MWh a year = 850 MWh a day; permits are 0.1 MWh.
    double noCap = Math.sqrt(frontier.k() / frontier.a());
    assertThat(noCap * frontier.energyPerUnit() / 365).isBetween(845.0, 855.0);
    assertThat(frontier.permitsPerUnit()).isEqualTo(10 * frontier.energyPerUnit());
    assertThat(s.program().capPermits(1)).isEqualTo(3_120_000);
    assertThat(s.program().capPermits(2)).isEqualTo(2_964_000);
  }

  @Test
  void a_scenario_without_developers_is_refused_naming_the_field() {
    assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", "name: s\n" + PROGRAM, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s.yaml: developers is missing");
  }

  @Test
  void a_population_whose_cash_overflows_the_ledger_is_refused_naming_cash_cents() {
    String types =
        "developers:\n"
            + "  - {name: a, count: 100000, benefit: POWER, theta: 1, beta: 0.5}\n"
            + "  - {name: b, count: 100000, benefit: POWER, theta: 1, beta: 0.5}\n";
    // 200,000 developers at 10^14 cents each: 2 * 10^19 cents, more than a long holds.
    assertThatThrownBy(() -> parse("market: {cashCents: 100000000000000}\n" + types))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("market.cashCents 100000000000000 for each of 200000 developers")
        .hasMessageContaining("market.cashCents must be at most " + Long.MAX_VALUE / 200_000);
    Scenario fits = parse("market: {cashCents: " + Long.MAX_VALUE / 200_000 + "}\n" + types);
    assertThat(fits.developerCount()).isEqualTo(200_000);
  }

  @Test
  void a_power_developer_with_beta_outside_the_unit_interval_is_refused() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                developers:
                  - {name: d, benefit: POWER, theta: 1, beta: 1.5}
                """))
        .hasMessageContaining("developers[0].beta must be in [0.0, 1.0], was 1.5");
  }

  @Test
  void a_misspelt_field_is_refused_by_name() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                developers:
                  - {name: d, benefit: LOG, theta: 1, thetta: 2}
                """))
        .hasMessageContaining("developers[0].thetta is not a known field");
  }

  @Test
  void an_unknown_strategy_is_refused_listing_the_allowed_ones() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                developers:
                  - {name: d, benefit: LOG, theta: 1, strategy: GREEDY}
                """))
        .hasMessageContaining("strategy must be one of PRICE_TAKING, ZI_C, STRATEGIC, ")
        .hasMessageContaining("PRICE_SETTING")
        .hasMessageContaining("HOARDING")
        .hasMessageEndingWith(", was GREEDY");
  }

  @Test
  void a_permit_intensity_below_one_is_refused() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                developers:
                  - {name: d, benefit: LOG, theta: 1, permitsPerUnit: 0.5}
                """))
        .hasMessageContaining("developers[0].permitsPerUnit must be in [1.0");
  }

  @Test
  void more_periods_than_the_program_has_are_refused() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "s.yaml",
                    "name: s\nperiods: 4\n"
                        + PROGRAM
                        + "developers:\n  - {name: d, benefit: LOG, theta: 1}\n",
                    null))
        .hasMessageContaining("periods must be in [1, 3], was 4");
  }

  @Test
  void a_missing_program_file_is_refused_naming_the_path(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        "name: s\nprogram: nowhere.yaml\ndevelopers:\n"
            + "  - {name: d, benefit: LOG, theta: 1}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .hasMessageContaining("program names a file that does not exist")
        .hasMessageContaining("nowhere.yaml");
  }

  @Test
  void a_program_field_missing_for_the_agents_is_refused_naming_it() {
    String broken = PROGRAM.replace("linearCentsPerPermit: 500, ", "");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "s.yaml",
                    "name: s\n" + broken + "developers:\n  - {name: d, benefit: LOG, theta: 1}\n",
                    null))
        .hasMessageContaining("penalty.linearCentsPerPermit is missing");
  }

  @Test
  void a_program_the_engine_refuses_is_refused_when_the_scenario_loads() {
    String broken = PROGRAM.replace("scope: TRAINING", "scope: EVERYTHING");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "s.yaml",
                    "name: s\n" + broken + "developers:\n  - {name: d, benefit: LOG, theta: 1}\n",
                    null))
        .hasMessageContaining("s.yaml: program")
        .hasMessageContaining("scope");
  }

  @Test
  void a_strategy_mix_and_market_settings_are_read() {
    Scenario s =
        parse(
            """
                market: {centsPerUtil: 2.5e3, trading: CONTINUOUS, continuousRounds: 7}
                developers:
                  - {name: d, count: 4, benefit: POWER, theta: 2, beta: 0.5,
                     strategy: {ZI_C: 0.25, STRATEGIC: 0.75}}
                """);
    assertThat(s.market().centsPerUtil()).isEqualTo(2500.0);
    assertThat(s.market().trading()).isEqualTo(TradingMode.CONTINUOUS);
    assertThat(s.market().continuousRounds()).isEqualTo(7);
    assertThat(s.developers().get(0).strategyMix())
        .containsEntry(Strategy.ZI_C, 0.25)
        .containsEntry(Strategy.STRATEGIC, 0.75);
    assertThat(s.program().alpha()).isEqualTo(3.0);
    assertThat(s.program().auditProbability()).isEqualTo(0.2);
  }

  @Test
  void explicit_strategy_counts_must_be_whole_and_sum_to_the_count() {
    Scenario s =
        parse(
            "developers:\n  - {name: d, benefit: LOG, theta: 1,"
                + " strategyCounts: {ZI_C: 1, STRATEGIC: 3}}\n");
    assertThat(s.developers().get(0).count()).isEqualTo(4);
    assertThat(s.developers().get(0).strategyMix())
        .containsEntry(Strategy.ZI_C, 1.0)
        .containsEntry(Strategy.STRATEGIC, 3.0);
    assertThatThrownBy(
            () ->
                parse(
                    "developers:\n  - {name: d, count: 10, benefit: LOG, theta: 1,"
                        + " strategyCounts: {PRICE_TAKING: 8, STRATEGIC: 3}}\n"))
        .hasMessageContaining("developers[0].strategyCounts must sum to count (10), sum to 11");
    assertThatThrownBy(
            () ->
                parse(
                    "developers:\n  - {name: d, benefit: LOG, theta: 1,"
                        + " strategyCounts: {STRATEGIC: 1.5}}\n"))
        .hasMessageContaining("developers[0].strategyCounts.STRATEGIC must be a whole number");
  }

  @Test
  void expectations_are_rational_adaptive_or_one_price_per_period() {
    Scenario given =
        parse(
            "market: {expectations: [1000, 1100, 1200]}\n"
                + "developers:\n  - {name: d, benefit: LOG, theta: 1}\n");
    assertThat(given.market().expectations()).isEqualTo(Expectations.GIVEN);
    assertThat(given.market().expectedPricesCents()).containsExactly(1000, 1100, 1200);
    assertThatThrownBy(
            () ->
                parse(
                    "market: {expectations: [1000]}\n"
                        + "developers:\n  - {name: d, benefit: LOG, theta: 1}\n"))
        .hasMessageContaining("market.expectations must list one price in cents for each of");
  }

  @Test
  void a_strategy_mix_that_does_not_sum_to_one_is_refused_naming_the_field() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    developers:
                      - {name: d, benefit: LOG, theta: 1, strategy: {PRICE_TAKING: 0.8, ZI_C: 0.3}}
                    """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("developers[0].strategy")
        .hasMessageContaining("must sum to 1")
        .hasMessageContaining("1.1");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    developers:
                      - {name: d, benefit: LOG, theta: 1, strategy: {ZI_C: 3}}
                    """))
        .hasMessageContaining("developers[0].strategy.ZI_C must be a share in (0, 1], was 3");
  }

  @Test
  void program_values_can_be_replaced_for_sweeps_and_ablations() {
    Scenario s = parse("developers:\n  - {name: d, benefit: LOG, theta: 1}\n");
    Scenario t =
        ScenarioLoader.withProgramValues(
            s, Map.of("audit.probabilityPpm", "500000", "allocation.method", "GRANDFATHER"));
    assertThat(t.program().auditProbability()).isEqualTo(0.5);
    assertThat(t.program().allocationMethod()).isEqualTo("GRANDFATHER");
    assertThat(t.programYaml()).contains("probabilityPpm: 500000");
    assertThatThrownBy(() -> ScenarioLoader.withProgramValues(s, Map.of("audit.nothing", "1")))
        .hasMessageContaining("audit.nothing");
  }

  @Test
  void the_cap_follows_the_engine_formula_and_is_zero_after_the_last_period() {
    Scenario s = parse("developers:\n  - {name: d, benefit: LOG, theta: 1}\n");
    assertThat(s.program().capPermits(1)).isEqualTo(1000);
    assertThat(s.program().capPermits(2)).isEqualTo(900);
    assertThat(s.program().capPermits(3)).isEqualTo(800);
    assertThat(s.program().capPermits(4)).isZero();
  }

  private static Scenario energy(String efficiency, String family) {
    return ScenarioLoader.parse(
        "s.yaml",
        "name: s\n"
            + PROGRAM.replace("coveredQuantity: compute", "coveredQuantity: inference energy")
            + "developers:\n  - {name: d, "
            + family
            + ", efficiency: "
            + efficiency
            + "}\n",
        null);
  }

  @Test
  void an_efficiency_mapping_is_read_with_its_defaults() {
    Efficiency e =
        energy("{kappa: 4.0e5}", "benefit: P1, k: 1, a: 0.01").developers().get(0).efficiency();
    assertThat(e).isEqualTo(new Efficiency(4.0e5, 0.0, 1.0));
    assertThat(
            energy("{kappa: 1, trendPpm: 20000}", "benefit: P1, k: 1, a: 0.01")
                .developers()
                .get(0)
                .efficiency()
                .trendPpm())
        .isEqualTo(20_000);
    assertThat(parse("developers:\n  - {name: d, benefit: LOG, theta: 1}\n").developers().get(0))
        .extracting(DeveloperType::efficiency)
        .isNull();
  }

  @Test
  void bad_efficiency_input_is_refused_naming_the_field_and_its_range() {
    String p1 = "benefit: P1, k: 1, a: 0.01";
    assertThatThrownBy(() -> energy("{kappa: -1}", p1))
        .hasMessageContaining("developers[0].efficiency.kappa")
        .hasMessageContaining("must be in [0.0");
    assertThatThrownBy(() -> energy("{kappa: 0, phi: 0}", p1))
        .hasMessageContaining("developers[0].efficiency.kappa")
        .hasMessageContaining("kappa + phi must be > 0");
    assertThatThrownBy(() -> energy("{kappa: 1, maxEffort: 1.5}", p1))
        .hasMessageContaining("developers[0].efficiency.maxEffort")
        .hasMessageContaining("must be in [0.0, 1.0]");
    assertThatThrownBy(() -> energy("{kappa: 1, maxEffort: -0.1}", p1))
        .hasMessageContaining("developers[0].efficiency.maxEffort");
    assertThatThrownBy(() -> energy("{kappa: 1, horizon: 5}", p1)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> energy("{kappa: 1, trendPpm: 1000000}", p1))
        .hasMessageContaining("developers[0].efficiency.trendPpm")
        .hasMessageContaining("must be in [0, 999999]");
    assertThatThrownBy(() -> energy("{kappa: 1, trendPpm: -1}", p1))
        .hasMessageContaining("developers[0].efficiency.trendPpm");
    assertThatThrownBy(() -> energy("{kappa: 1, trendPpm: 0.5}", p1))
        .hasMessageContaining("developers[0].efficiency.trendPpm")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> energy("{kappa: 1}", "benefit: LOG, theta: 1"))
        .hasMessageContaining("developers[0].efficiency")
        .hasMessageContaining("needs benefit P1");
    assertThatThrownBy(
            () ->
                parse(
                    "developers:\n  - {name: d, benefit: P1, k: 1, a: 0.01,"
                        + " efficiency: {kappa: 1}}\n"))
        .hasMessageContaining("developers[0].efficiency needs a program that covers energy")
        .hasMessageContaining("'compute'");
  }

  @Test
  void a_history_of_one_number_is_the_same_in_both_periods_before_the_program() {
    Scenario one =
        parse(
            """
            developers:
              - {name: d, benefit: LOG, theta: 1, history: 40}
            """);
    assertThat(one.developers().get(0).history()).containsExactly(40.0, 40.0);
    assertThatThrownBy(
            () ->
                parse(
                    """
                developers:
                  - {name: d, benefit: LOG, theta: 1, history: [1, 2, 3]}
                """))
        .hasMessageContaining("developers[0].history must list the outputs of the 2 periods")
        .hasMessageContaining("or be one number for both");
    assertThatThrownBy(
            () ->
                parse(
                    """
                developers:
                  - {name: d, benefit: LOG, theta: 1, history: -5}
                """))
        .hasMessageContaining("developers[0].history must be in [0.0, 1.0E15], was -5");
  }
}
