package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.computecap.economics.insurance.ManipulationIncentive;
import org.junit.jupiter.api.Test;

class AnalyzeInsuranceTest {

  @Test
  void insurance_can_make_a_profitable_manipulation_unprofitable() {
    CliRun run =
        CliRun.of(
            "analyze",
            "insurance",
            "--price",
            "3",
            "--alpha",
            "2",
            "--compute",
            "100",
            "--premium-low",
            "0.5",
            "--premium-high",
            "2",
            "--manipulation-cost",
            "200",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = run.json();
    double without = ManipulationIncentive.thresholdWithout(3, 2, 100);
    double with = ManipulationIncentive.thresholdWith(3, 2, 100, 1.5);
    assertThat(json.get("thresholdWithout").asDouble()).isEqualTo(without);
    assertThat(json.get("thresholdWith").asDouble()).isEqualTo(with);
    assertThat(json.get("profitableWithout").asBoolean()).isEqualTo(200 < without).isTrue();
    assertThat(json.get("profitableWith").asBoolean()).isEqualTo(200 < with).isFalse();
  }

  @Test
  void a_cheap_manipulation_pays_with_and_without_insurance() {
    JsonNode json =
        CliRun.of(
                "analyze",
                "insurance",
                "--price",
                "3",
                "--alpha",
                "2",
                "--compute",
                "100",
                "--premium-low",
                "0.5",
                "--premium-high",
                "1",
                "--manipulation-cost",
                "10",
                "--json")
            .json();

    assertThat(json.get("profitableWithout").asBoolean()).isTrue();
    assertThat(json.get("profitableWith").asBoolean()).isTrue();
    assertThat(json.get("premiumDelta").asDouble()).isEqualTo(0.5);
  }

  @Test
  void the_table_shows_both_thresholds() {
    CliRun run =
        CliRun.of(
            "analyze",
            "insurance",
            "--price",
            "3",
            "--alpha",
            "2",
            "--compute",
            "100",
            "--premium-low",
            "0.5",
            "--premium-high",
            "2",
            "--manipulation-cost",
            "200");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("thresholdWithout\\s+300\\s")
        .containsPattern("thresholdWith\\s+150\\s")
        .containsPattern("profitableWith\\s+false");
  }

  @Test
  void a_high_premium_below_the_low_premium_exits_2_naming_both() {
    CliRun run =
        CliRun.of(
            "analyze",
            "insurance",
            "--price",
            "3",
            "--alpha",
            "2",
            "--compute",
            "100",
            "--premium-low",
            "2.5",
            "--premium-high",
            "2",
            "--manipulation-cost",
            "200");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--premium-high").contains("--premium-low");
  }

  @Test
  void an_alpha_below_1_exits_2_naming_alpha() {
    CliRun run =
        CliRun.of(
            "analyze",
            "insurance",
            "--price",
            "3",
            "--alpha",
            "0.5",
            "--compute",
            "100",
            "--premium-low",
            "0.5",
            "--premium-high",
            "2",
            "--manipulation-cost",
            "200");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--alpha").contains("0.5");
  }
}
