package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgramLoaderTest {
  static final Path P1 = Path.of("../examples/programs/p1-energy.yaml");
  static final Path P2 = Path.of("../examples/programs/p2-risk-weighted.yaml");

  @Test
  void the_p1_example_loads_with_every_documented_value() {
    Program p = ProgramLoader.load(P1);
    assertThat(p.name()).isEqualTo("P1 inference energy cap");
    assertThat(p.unit()).isEqualTo("kWh");
    assertThat(p.scope()).isEqualTo(Scope.INFERENCE);
    assertThat(p.periods()).isEqualTo(new Program.Periods(1, 5, "yearly"));
    assertThat(p.allocation())
        .isEqualTo(
            new Program.Allocation(AllocationMethod.BENCHMARK, 800_000, 100_000, 150_000, 50_000));
    assertThat(p.risk()).isEqualTo(new Program.Risk(2_000_000, RiskSignal.L));
    assertThat(p.penalty()).isEqualTo(new Program.Penalty(10_000, 0, true));
    assertThat(p.audit().maxAuditsPerPeriod()).isEqualTo(10);
    assertThat(p.banking()).isTrue();
    assertThat(p.auction()).isEqualTo(new Program.Auction(500, 250_000));
    assertThat(p.exchange()).isEqualTo(new Program.Exchange(1, 1, true, BookLayout.PER_VINTAGE));
  }

  @Test
  void the_p1_cap_falls_linearly_by_the_reduction_factor_of_the_starting_cap() {
    Program p = ProgramLoader.load(P1);
    assertThat(p.capPermits(1)).isEqualTo(1_000_000);
    assertThat(p.capPermits(2)).isEqualTo(978_000);
    assertThat(p.capPermits(5)).isEqualTo(912_000);
    assertThat(p.capsThroughPermits(3)).isEqualTo(1_000_000 + 978_000 + 956_000);
    assertThat(p.capsThroughPermits(0)).isZero();
    assertThat(p.capPermits(6)).isZero();
    assertThat(p.capsThroughPermits(9)).isEqualTo(p.capsThroughPermits(5));
  }

  @Test
  void periods_may_be_numbered_by_calendar_year() {
    Program p =
        ProgramLoader.parse(
            "p.yaml",
            minimal()
                .replace("count: 3", "first: 2026\n  count: 3")
                .replace("linearReductionPpm: 0", "linearReductionPpm: 100000"));
    assertThat(p.periods().last()).isEqualTo(2028);
    assertThat(p.capPermits(2026)).isEqualTo(1000);
    assertThat(p.capPermits(2028)).isEqualTo(800);
    assertThat(p.hasPeriod(2025)).isFalse();
    assertThatThrownBy(() -> p.capPermits(2025))
        .hasMessage("period: 2025 is before the first period 2026");
  }

  @Test
  void the_p1_cap_splits_into_free_budget_reserve_and_auction_volume() {
    Program p = ProgramLoader.load(P1);
    assertThat(p.freeBudgetPermits(2)).isEqualTo(782_400);
    assertThat(p.newEntrantReservePermits(2)).isEqualTo(48_900);
    assertThat(p.incumbentBudgetPermits(2)).isEqualTo(733_500);
    assertThat(p.auctionVolumePermits(2)).isEqualTo(195_600);
  }

  @Test
  void the_p2_example_loads_its_risk_insurance_and_noise_settings() {
    Program p = ProgramLoader.load(P2);
    assertThat(p.scope()).isEqualTo(Scope.TRAINING);
    assertThat(p.risk().multiplierPpm(RiskSignal.H)).isEqualTo(3_000_000);
    assertThat(p.risk().multiplierPpm(RiskSignal.L)).isEqualTo(1_000_000);
    assertThat(p.insurance().premiumCentsPerUnit(RiskSignal.H)).isEqualTo(900);
    assertThat(p.audit().noiseSigma()).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(p.banking()).isFalse();
    assertThat(p.exchange().books()).isEqualTo(BookLayout.SINGLE);
    assertThat(p.allocation().benchmarkPercentilePpm()).isEqualTo(100_000);
    assertThat(p.allocation().activityChangeThresholdPpm()).isEqualTo(150_000);
    assertThat(p.capPermits(4)).isEqualTo(85_000);
  }

  @Test
  void a_cap_never_falls_below_zero() {
    Program p =
        ProgramLoader.parse(
            "p.yaml",
            minimal()
                .replace("linearReductionPpm: 0", "linearReductionPpm: 600000")
                .replace("count: 3", "count: 4"));
    assertThat(p.capPermits(2)).isEqualTo(400);
    assertThat(p.capPermits(3)).isZero();
    assertThat(p.capPermits(4)).isZero();
  }

  @Test
  void optional_sections_and_fields_take_their_documented_defaults() {
    Program p = ProgramLoader.parse("p.yaml", minimal());
    assertThat(p.allocation().benchmarkPercentilePpm()).isEqualTo(100_000);
    assertThat(p.allocation().activityChangeThresholdPpm()).isEqualTo(150_000);
    assertThat(p.allocation().newEntrantReservePpm()).isZero();
    assertThat(p.risk().unevaluatedSignal()).isEqualTo(RiskSignal.H);
    assertThat(p.penalty().makeGood()).isTrue();
    assertThat(p.audit().targetedProbabilityPpm()).isEqualTo(100_000);
    assertThat(p.audit().noiseSigma()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(p.auction().purchaseLimitPpm()).isEqualTo(1_000_000);
    assertThat(p.insurance()).isEqualTo(new Program.Insurance(0, 0));
    assertThat(p.exchange()).isEqualTo(new Program.Exchange(1, 1, true, BookLayout.PER_VINTAGE));
  }

  @Test
  void a_negative_penalty_is_refused_naming_the_field_and_the_bound() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal().replace("linearCentsPerPermit: 100", "linearCentsPerPermit: -5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("program.yaml: penalty.linearCentsPerPermit: -5 is below 0");
  }

  @Test
  void a_share_above_one_million_ppm_is_refused() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal().replace("freeSharePpm: 500000", "freeSharePpm: 1000001")))
        .hasMessage("program.yaml: allocation.freeSharePpm: 1000001 is above 1000000");
  }

  @Test
  void a_new_entrant_reserve_larger_than_the_free_share_is_refused() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal()
                        .replace(
                            "freeSharePpm: 500000",
                            "freeSharePpm: 500000\n  newEntrantReservePpm: 600000")))
        .hasMessage("program.yaml: allocation.newEntrantReservePpm: 600000 is above 500000");
  }

  @Test
  void an_alpha_of_one_is_refused_because_high_risk_must_weigh_more() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml", minimal().replace("alphaPpm: 2000000", "alphaPpm: 1000000")))
        .hasMessage("program.yaml: risk.alphaPpm: 1000000 is below 1000001");
  }

  @Test
  void an_unknown_field_is_refused_by_name() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal().replace("banking: true", "banking: true\nbankign: false")))
        .hasMessageStartingWith("program.yaml: bankign: unknown field (allowed here: name,");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal().replace("PerPermitSquared: 1", "PerPermitSquared: 1\n  cap: 5")))
        .hasMessage(
            "program.yaml: penalty.cap: unknown field (allowed here: "
                + "linearCentsPerPermit, quadraticCentsPerPermitSquared, makeGood)");
  }

  @Test
  void a_missing_required_field_is_named() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml", minimal().replace("  startPermits: 1000\n", "")))
        .hasMessage("program.yaml: cap.startPermits is missing");
  }

  @Test
  void a_fractional_permit_count_is_refused_instead_of_truncated() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal().replace("startPermits: 1000", "startPermits: 1000.5")))
        .hasMessage("program.yaml: cap.startPermits: 1000.5 is not a whole number");
  }

  @Test
  void an_unknown_enum_value_lists_the_allowed_ones() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml", minimal().replace("scope: ALL", "scope: EVERYTHING")))
        .hasMessage("program.yaml: scope: 'EVERYTHING' is not one of INFERENCE, TRAINING, ALL");
  }

  @Test
  void a_boolean_field_refuses_text() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml", minimal().replace("banking: true", "banking: sometimes")))
        .hasMessage("program.yaml: banking: 'sometimes' is not true or false");
  }

  @Test
  void a_duplicate_field_and_broken_yaml_are_refused() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal().replace("banking: true", "banking: true\nbanking: false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("program.yaml: not valid YAML")
        .hasMessageContaining("banking");
    assertThatThrownBy(() -> ProgramLoader.parse("program.yaml", "name: [unclosed"))
        .hasMessageStartingWith("program.yaml: not valid YAML");
    assertThatThrownBy(() -> ProgramLoader.parse("program.yaml", "- a list"))
        .hasMessage("program.yaml: expected a mapping of program fields");
  }

  @Test
  void a_targeted_probability_below_the_base_probability_is_refused() {
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "program.yaml",
                    minimal()
                        .replace(
                            "probabilityPpm: 100000",
                            "probabilityPpm: 100000\n  targetedProbabilityPpm: 5")))
        .hasMessage("program.yaml: audit.targetedProbabilityPpm: 5 is below 100000");
  }

  @Test
  void underscores_group_digits_in_whole_numbers() {
    Program p =
        ProgramLoader.parse(
            "p.yaml", minimal().replace("startPermits: 1000", "startPermits: 1_000"));
    assertThat(p.cap().startPermits()).isEqualTo(1000);
  }

  /** The smallest valid program: every required field, no optional one. */
  static String minimal() {
    return """
        name: test
        coveredQuantity: compute
        unit: PFLOP
        scope: ALL
        periods:
          count: 3
          label: yearly
        cap:
          startPermits: 1000
          linearReductionPpm: 0
        allocation:
          method: UNIFORM
          freeSharePpm: 500000
        risk:
          alphaPpm: 2000000
        penalty:
          linearCentsPerPermit: 100
          quadraticCentsPerPermitSquared: 1
        audit:
          probabilityPpm: 100000
          auditCostCents: 1000
          budgetPerPeriodCents: 5000
        banking: true
        auction:
          reservePriceCents: 10
        """;
  }
}
