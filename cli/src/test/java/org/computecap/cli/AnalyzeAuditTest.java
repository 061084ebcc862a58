package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.computecap.economics.audit.AuditDesign;
import org.computecap.economics.audit.DetectionFunction;
import org.computecap.economics.audit.NoisyAudit;
import org.junit.jupiter.api.Test;

class AnalyzeAuditTest {

  private static final String[] BASE = {
    "analyze",
    "audit",
    "--price",
    "2",
    "--linear",
    "10",
    "--quadratic",
    "0.5",
    "--audit-cost",
    "5",
    "--budget",
    "100",
    "--developers",
    "50"
  };

  @Test
  void json_fields_come_from_the_audit_design_in_a_stable_order() {
    CliRun run = CliRun.of(with("--noise-sigma", "0.3", "--json"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = run.json();
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "rhoStar", "enforcementCost", "rhoMax", "feasible", "rhoStarNoisy", "noiseSigma");
    assertThat(json.get("rhoStar").asDouble()).isEqualTo(AuditDesign.rhoStar(2, 10));
    assertThat(json.get("enforcementCost").asDouble())
        .isEqualTo(AuditDesign.enforcementCost(50, 5, 2, 10));
    assertThat(json.get("rhoMax").asDouble()).isEqualTo(AuditDesign.rhoMax(100, 50, 5));
    assertThat(json.get("feasible").asBoolean()).isEqualTo(AuditDesign.feasible(2, 10, 100, 50, 5));
    assertThat(json.get("rhoStarNoisy").asDouble())
        .isEqualTo(NoisyAudit.minimumAuditProbability(2, 10, 0.5, DetectionFunction.gaussian(0.3)));
  }

  @Test
  void noise_sigma_defaults_to_1() {
    JsonNode json = CliRun.of(with("--json")).json();

    assertThat(json.get("noiseSigma").asDouble()).isEqualTo(1.0);
    assertThat(json.get("rhoStarNoisy").asDouble())
        .isEqualTo(NoisyAudit.minimumAuditProbability(2, 10, 0.5, DetectionFunction.gaussian(1)));
  }

  @Test
  void a_budget_too_small_for_rho_star_is_reported_infeasible() {
    JsonNode json =
        CliRun.of(
                "analyze",
                "audit",
                "--price",
                "8",
                "--linear",
                "10",
                "--quadratic",
                "0",
                "--audit-cost",
                "5",
                "--budget",
                "100",
                "--developers",
                "50",
                "--json")
            .json();

    assertThat(json.get("rhoStar").asDouble()).isGreaterThan(json.get("rhoMax").asDouble());
    assertThat(json.get("feasible").asBoolean()).isFalse();
  }

  @Test
  void the_table_names_every_quantity() {
    CliRun run = CliRun.of(BASE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("rhoStar", "enforcementCost", "rhoMax", "feasible", "rhoStarNoisy", "sigma = 1");
  }

  @Test
  void the_table_warns_when_no_audit_probability_deters() {
    CliRun run =
        CliRun.of(
            "analyze",
            "audit",
            "--price",
            "20",
            "--linear",
            "10",
            "--quadratic",
            "0",
            "--audit-cost",
            "5",
            "--budget",
            "100",
            "--developers",
            "50");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("rhoStar > 1: no audit probability deters");
    assertThat(CliRun.of(BASE).out()).doesNotContain("no audit probability deters");
  }

  @Test
  void a_missing_required_option_exits_2_naming_it() {
    CliRun run = CliRun.of("analyze", "audit", "--price", "2", "--linear", "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--budget").contains("--developers");
  }

  @Test
  void a_negative_price_exits_2_naming_the_price() {
    String[] args = BASE.clone();
    args[3] = "-1";
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--price").contains("-1");
  }

  @Test
  void a_zero_noise_sigma_exits_2_naming_the_option() {
    CliRun run = CliRun.of(with("--noise-sigma", "0"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--noise-sigma");
  }

  @Test
  void a_fractional_developer_count_exits_2() {
    String[] args = BASE.clone();
    args[13] = "2.5";
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--developers").contains("2.5");
  }

  private static String[] with(String... extra) {
    String[] args = new String[BASE.length + extra.length];
    System.arraycopy(BASE, 0, args, 0, BASE.length);
    System.arraycopy(extra, 0, args, BASE.length, extra.length);
    return args;
  }
}
