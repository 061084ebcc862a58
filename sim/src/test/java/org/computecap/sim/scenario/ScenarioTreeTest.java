package org.computecap.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTreeTest {
  private static final Path DEFAULT = Path.of("..", "scenarios", "default.yaml");
  private static final Path DETERRENCE = Path.of("..", "scenarios", "p2-deterrence.yaml");

  private static Scenario set(Path file, String... pathsAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      values.put(pathsAndValues[i], pathsAndValues[i + 1]);
    }
    return ScenarioTree.load(file).withAll(values).scenario();
  }

  @Test
  void market_seed_and_periods_are_set_by_path() {
    Scenario s =
        set(
            DETERRENCE,
            "market.trading",
            "CONTINUOUS",
            "seed",
            "99",
            "periods",
            "2",
            "market.bandFactor",
            "3.5");
    assertThat(s.market().trading()).isEqualTo(TradingMode.CONTINUOUS);
    assertThat(s.market().bandFactor()).isEqualTo(3.5);
    assertThat(s.seed()).isEqualTo(99);
    assertThat(s.periods()).isEqualTo(2);
  }

  @Test
  void a_market_field_absent_from_the_file_is_added_with_its_default_section() {
    Scenario s = set(DEFAULT, "market.expectations", "ADAPTIVE");
    assertThat(s.market().expectations()).isEqualTo(Expectations.ADAPTIVE);
  }

  @Test
  void developer_types_are_reached_by_name_by_index_and_all_at_once() {
    Scenario s =
        set(
            DEFAULT,
            "developers.large-lab.count",
            "7",
            "developers[0].riskType",
            "0.4",
            "developers.*.spread",
            "0.25");
    assertThat(s.developers().get(1).name()).isEqualTo("large-lab");
    assertThat(s.developers().get(1).count()).isEqualTo(7);
    assertThat(s.developers().get(0).riskType()).isEqualTo(0.4);
    assertThat(s.developers()).allSatisfy(d -> assertThat(d.spread()).isEqualTo(0.25));
    Scenario bracketed = set(DEFAULT, "developers[large-lab].count", "9");
    assertThat(bracketed.developers().get(1).count()).isEqualTo(9);
  }

  @Test
  void lists_and_mappings_are_values_too() {
    Scenario s =
        set(
            DEFAULT,
            "developers.frontier.history",
            "[3, 4]",
            "developers.frontier.strategy",
            "{PRICE_TAKING: 0.5, STRATEGIC: 0.5}");
    assertThat(s.developers().get(0).history()).containsExactly(3.0, 4.0);
    assertThat(s.developers().get(0).strategyMix())
        .containsEntry(Strategy.PRICE_TAKING, 0.5)
        .containsEntry(Strategy.STRATEGIC, 0.5);
  }

  @Test
  void program_paths_work_with_and_without_the_program_prefix_on_a_program_file() {
    Scenario s =
        set(
            DEFAULT,
            "allocation.method",
            "GRANDFATHER",
            "program.audit.probabilityPpm",
            "50000",
            "periods.count",
            "4",
            "periods",
            "3");
    assertThat(s.program().allocationMethod()).isEqualTo("GRANDFATHER");
    assertThat(s.program().auditProbability()).isEqualTo(0.05);
    assertThat(s.program().periodCount()).isEqualTo(4);
    assertThat(s.periods()).isEqualTo(3);
    assertThat(s.programYaml()).contains("GRANDFATHER");
  }

  @Test
  void the_whole_program_can_be_replaced_by_a_file() {
    Scenario s =
        ScenarioTree.load(DEFAULT)
            .with(
                "program",
                ScenarioTree.value("program", "p2-risk-weighted.yaml"),
                Path.of("..", "scenarios", "programs"))
            .with("periods", "1")
            .scenario();
    assertThat(s.program().alpha()).isGreaterThan(1.0);
  }

  @Test
  void an_unknown_field_is_refused_by_name_never_ignored() {
    assertThatThrownBy(() -> set(DETERRENCE, "market.tradin", "CONTINUOUS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("market.tradin is not a known field");
    assertThatThrownBy(() -> set(DETERRENCE, "audit.probabilityPp", "5"))
        .hasMessageContaining("probabilityPp");
    assertThatThrownBy(() -> set(DETERRENCE, "developers.developer.thetaa", "1"))
        .hasMessageContaining("developers[0].thetaa is not a known field");
  }

  @Test
  void a_bad_value_is_refused_naming_the_field_and_the_rule() {
    assertThatThrownBy(() -> set(DETERRENCE, "market.trading", "SOMETIMES"))
        .hasMessageContaining("market.trading must be one of CALL_AUCTION");
    assertThatThrownBy(() -> set(DETERRENCE, "developers.developer.spread", "2"))
        .hasMessageContaining("developers[0].spread must be in [0.0, 0.9], was 2");
    assertThatThrownBy(() -> set(DETERRENCE, "periods", "99"))
        .hasMessageContaining("periods must be in [1, 6], was 99");
    assertThatThrownBy(() -> set(DETERRENCE, "allocation.method", "LOTTERY"))
        .hasMessageContaining("allocation.method");
  }

  @Test
  void strategic_developers_with_unbounded_benefit_and_no_audits_are_refused_by_name() {
    // Was: the run failed half-way with "shortfall must be finite and >= 0, was Infinity".
    assertThatThrownBy(() -> set(DETERRENCE, "audit.probabilityPpm", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("developers[0] (developer) is STRATEGIC with a POWER benefit")
        .hasMessageContaining("audit.probabilityPpm is 0");
    assertThatThrownBy(() -> set(DETERRENCE, "audit.budgetPerPeriodCents", "999999"))
        .hasMessageContaining("audit.budgetPerPeriodCents is below one audit's auditCostCents");
    // The same population made price-taking, or given audits, is fine.
    assertThat(
            set(DETERRENCE, "audit.probabilityPpm", "0", "developers.*.strategy", "PRICE_TAKING")
                .program()
                .auditProbability())
        .isZero();
  }

  @Test
  void a_path_through_a_value_or_a_missing_developer_names_the_rule() {
    assertThatThrownBy(() -> set(DETERRENCE, "seed.low", "1"))
        .hasMessage("--set seed.low: seed is a value, not a mapping");
    assertThatThrownBy(() -> set(DETERRENCE, "developers.nobody.count", "1"))
        .hasMessageContaining("--set developers.nobody.count: developers has no entry named nobody")
        .hasMessageContaining("names: developer");
    assertThatThrownBy(() -> set(DETERRENCE, "developers[3].count", "1"))
        .hasMessageContaining("developers has 1 entries");
    assertThatThrownBy(() -> set(DETERRENCE, "market..trading", "1"))
        .hasMessageContaining("empty part");
    assertThatThrownBy(() -> set(DETERRENCE, "market.trading", " "))
        .hasMessage("--set market.trading: the value is empty");
  }

  @Test
  void the_self_contained_yaml_loads_without_the_program_file_and_gives_the_same_scenario() {
    ScenarioTree tree = ScenarioTree.load(DEFAULT).with("seed", "5");
    Scenario again = ScenarioLoader.parse("copy", tree.selfContainedYaml(), null);
    assertThat(again.program()).isEqualTo(tree.scenario().program());
    assertThat(again.developers()).hasSameSizeAs(tree.scenario().developers());
    assertThat(again.seed()).isEqualTo(5);
  }
}
