package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Planner;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.UniformAllocation;
import org.computecap.economics.market.Welfare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeEquilibriumTest {

  /** Surefire runs in the module directory; the example ships at the repository root. */
  static final Path EXAMPLE = Path.of("..", "examples", "population.csv");

  @TempDir Path tmp;

  @Test
  void json_fields_equal_the_economics_library_for_the_example_population() {
    CliRun run =
        CliRun.of(
            "analyze", "equilibrium", "--population", EXAMPLE.toString(), "--cap", "100", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = run.json();
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "price",
            "capBinding",
            "welfare",
            "plannerWelfare",
            "uniformWelfare",
            "welfareGainVsUniform",
            "allocations");

    Population pop = PopulationCsv.read(EXAMPLE).population();
    Equilibrium eq = MarketClearing.solve(pop, 100);
    double welfare = Welfare.total(pop, eq.compute());
    double uniform = Welfare.total(pop, UniformAllocation.compute(pop, 100));
    assertThat(json.get("price").asDouble()).isEqualTo(eq.price()).isPositive();
    assertThat(json.get("capBinding").asBoolean()).isTrue();
    assertThat(json.get("welfare").asDouble()).isEqualTo(welfare);
    assertThat(json.get("plannerWelfare").asDouble())
        .isEqualTo(Welfare.total(pop, Planner.solve(pop, 100).compute()));
    assertThat(json.get("uniformWelfare").asDouble()).isEqualTo(uniform);
    assertThat(json.get("welfareGainVsUniform").asDouble()).isEqualTo(welfare - uniform);
  }

  @Test
  void allocations_list_every_developer_in_file_order_with_permits_lambda_times_compute() {
    JsonNode allocations =
        CliRun.of(
                "analyze",
                "equilibrium",
                "--population",
                EXAMPLE.toString(),
                "--cap",
                "100",
                "--json")
            .json()
            .get("allocations");

    PopulationCsv.Parsed parsed = PopulationCsv.read(EXAMPLE);
    Population pop = parsed.population();
    Equilibrium eq = MarketClearing.solve(pop, 100);
    assertThat(allocations).hasSize(12);
    for (int i = 0; i < pop.size(); i++) {
      JsonNode a = allocations.get(i);
      assertThat(a.get("id").asText()).isEqualTo(parsed.ids().get(i));
      assertThat(a.get("compute").asDouble()).isEqualTo(eq.compute()[i]);
      assertThat(a.get("permits").asDouble()).isEqualTo(pop.lambdaBar(i) * eq.compute()[i]);
    }
    assertThat(allocations.get(0).get("id").asText()).isEqualTo("frontier-lab-a");
  }

  @Test
  void out_writes_the_allocations_csv() throws IOException {
    Path dir = tmp.resolve("eq");
    CliRun run =
        CliRun.of(
            "analyze",
            "equilibrium",
            "--population",
            EXAMPLE.toString(),
            "--cap",
            "40",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("allocations.csv"));
    assertThat(lines.get(0)).isEqualTo("id,compute_units,permits");
    assertThat(lines).hasSize(13);
    Population pop = PopulationCsv.read(EXAMPLE).population();
    Equilibrium eq = MarketClearing.solve(pop, 40);
    double permitsTotal = 0;
    for (int i = 0; i < 12; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertThat(Double.parseDouble(cells[1])).isEqualTo(eq.compute()[i]);
      permitsTotal += Double.parseDouble(cells[2]);
    }
    assertThat(permitsTotal).isCloseTo(40, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(run.out()).contains("wrote " + dir.resolve("allocations.csv"));
  }

  /** A spreadsheet quotes a field with a comma; the old reader refused every quote. */
  @Test
  void standard_quoted_fields_are_read_and_written_back_quoted() throws IOException {
    Path file =
        csv(
            "id,family,theta,beta,k,a,lambda_bar",
            "\"Lab, Inc.\",power,\"1.5\",0.5,,,1",
            "\"say \"\"hi\"\"\",p1,,,1,0.5,\"1.2\"");
    Path dir = tmp.resolve("quoted");
    CliRun run =
        CliRun.of(
            "analyze",
            "equilibrium",
            "--population",
            file.toString(),
            "--cap",
            "5",
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Lab, Inc.").contains("say \"hi\"");
    List<String> lines = Files.readAllLines(dir.resolve("allocations.csv"));
    assertThat(lines.get(1)).startsWith("\"Lab, Inc.\",");
    assertThat(lines.get(2)).startsWith("\"say \"\"hi\"\"\",");
  }

  @Test
  void an_unclosed_quote_names_the_line() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,power,1,0.5,,,1", "\"b,log,2,,,,1");
    assertBadInput(file, "population.csv line 3: not valid CSV");
  }

  @Test
  void the_table_shows_the_price_and_a_total_equal_to_the_binding_cap() {
    CliRun run =
        CliRun.of("analyze", "equilibrium", "--population", EXAMPLE.toString(), "--cap", "100");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("capBinding\\s+true")
        .contains("frontier-lab-a", "robotics-sim")
        .containsPattern("(?m)^total\\s+\\S+\\s+100$");
  }

  @Test
  void a_slack_cap_gives_a_zero_price() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "x,p1,,,1,0.5,1", "y,p1,,,2,0.1,1.2");
    JsonNode json =
        CliRun.of(
                "analyze",
                "equilibrium",
                "--population",
                file.toString(),
                "--cap",
                "1000",
                "--json")
            .json();

    assertThat(json.get("price").asDouble()).isZero();
    assertThat(json.get("capBinding").asBoolean()).isFalse();
  }

  @Test
  void a_negative_cap_exits_2_naming_the_cap() {
    CliRun run =
        CliRun.of("analyze", "equilibrium", "--population", EXAMPLE.toString(), "--cap", "-5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("computecap: --cap: ").contains("-5");
  }

  @Test
  void a_beta_outside_the_unit_interval_exits_2_naming_line_and_field() throws IOException {
    Path file =
        csv(
            "id,family,theta,beta,k,a,lambda_bar",
            "a,power,1,0.5,,,1",
            "b,log,2,,,,1",
            "c,power,3,1.5,,,1.2");
    assertBadInput(file, "population.csv line 4, field beta: ", "(0, 1)", "1.5");
  }

  @Test
  void a_line_with_too_few_fields_exits_2_naming_the_line() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,power,1,0.5,,,1", "b,log,2,1");
    assertBadInput(file, "population.csv line 3: expected 7 fields, found 4");
  }

  @Test
  void an_unknown_family_exits_2_naming_the_family_field() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,cubic,1,0.5,,,1");
    assertBadInput(file, "population.csv line 2, field family: 'cubic' is not one of");
  }

  @Test
  void a_missing_column_exits_2_naming_the_column() throws IOException {
    Path file = csv("id,family,theta,beta,k,a", "a,power,1,0.5,,");
    assertBadInput(file, "population.csv line 1: missing column 'lambda_bar'");
  }

  @Test
  void an_unknown_column_exits_2_naming_it() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar,gamma", "a,power,1,0.5,,,1,2");
    assertBadInput(file, "population.csv line 1: unknown column 'gamma'");
  }

  @Test
  void a_non_numeric_value_exits_2_naming_line_and_field() throws IOException {
    Path file =
        csv("id,family,theta,beta,k,a,lambda_bar", "a,power,1,0.5,,,1", "b,power,lots,0.5,,,1");
    assertBadInput(file, "population.csv line 3, field theta: 'lots' is not a number");
  }

  @Test
  void a_missing_required_value_exits_2_naming_the_field_and_family() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,p1,,,1,,1");
    assertBadInput(file, "population.csv line 2, field a: is empty; family p1 needs it");
  }

  @Test
  void a_value_in_a_column_the_family_does_not_use_exits_2() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,log,1,0.5,,,1");
    assertBadInput(file, "population.csv line 2, field beta: must be empty for family log");
  }

  @Test
  void a_risk_multiplier_below_one_exits_2_naming_lambda_bar() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,log,1,,,,0.5");
    assertBadInput(file, "population.csv line 2, field lambda_bar: ", "0.5");
  }

  @Test
  void a_repeated_id_exits_2_naming_both_lines() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar", "a,log,1,,,,1", "", "a,log,2,,,,1");
    assertBadInput(file, "population.csv line 4, field id: 'a' is already used on line 2");
  }

  @Test
  void a_header_without_developers_exits_2() throws IOException {
    Path file = csv("id,family,theta,beta,k,a,lambda_bar");
    assertBadInput(file, "population.csv: no developers after the header line");
  }

  @Test
  void a_missing_file_exits_2_naming_it() {
    Path missing = tmp.resolve("nowhere.csv");
    CliRun run =
        CliRun.of("analyze", "equilibrium", "--population", missing.toString(), "--cap", "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--population").contains(missing + " does not exist");
  }

  @Test
  void columns_may_come_in_any_order() throws IOException {
    Path file = csv("lambda_bar,a,k,beta,theta,family,id", "1.5,,,0.5,2,power,only");
    CliRun run =
        CliRun.of(
            "analyze", "equilibrium", "--population", file.toString(), "--cap", "10", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Population pop = PopulationCsv.read(file).population();
    assertThat(pop.theta(0)).isEqualTo(2);
    assertThat(pop.beta(0)).isEqualTo(0.5);
    assertThat(pop.lambdaBar(0)).isEqualTo(1.5);
    assertThat(run.json().get("allocations").get(0).get("permits").asDouble())
        .isCloseTo(10, org.assertj.core.api.Assertions.within(1e-9));
  }

  private void assertBadInput(Path file, String... messageParts) {
    CliRun run =
        CliRun.of("analyze", "equilibrium", "--population", file.toString(), "--cap", "10");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("computecap: ")
        .contains(messageParts)
        .doesNotContain("Exception")
        .hasLineCount(1);
    assertThat(run.out()).isEmpty();
  }

  private Path csv(String... lines) throws IOException {
    return Files.write(tmp.resolve("population.csv"), List.of(lines));
  }
}
