package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
  private static Experiment load(Path dir, String text) throws Exception {
    return ExperimentRunnerTest.write(dir, "name: t\nscenario: p2-deterrence\n" + text);
  }

  @Test
  void a_full_factorial_varies_the_last_factor_fastest(@TempDir Path dir) throws Exception {
    Experiment e =
        load(
            dir,
            """
            factors:
              - {field: audit.probabilityPpm, from: 100000, to: 300000, step: 100000}
              - {field: allocation.method, values: [UNIFORM, GRANDFATHER]}
            """);
    assertThat(e.cells()).hasSize(6);
    assertThat(e.cells().get(1).values())
        .extracting(JsonNode::asText)
        .containsExactly("100000", "GRANDFATHER");
    assertThat(e.cells().get(2).values())
        .extracting(JsonNode::asText)
        .containsExactly("200000", "UNIFORM");
    assertThat(e.cells().get(5).values().get(0).isIntegralNumber()).isTrue();
    assertThat(e.seed()).isEqualTo(7); // the scenario's seed when the experiment gives none
  }

  @Test
  void decimal_steps_and_counts_give_exact_values(@TempDir Path dir) throws Exception {
    Experiment e =
        load(
            dir,
            """
            factors:
              - {field: developers.*.spread, from: 0.0, to: 0.3, step: 0.1}
              - {field: market.bandFactor, from: 2.0, to: 4.0, count: 3}
            """);
    assertThat(e.factors().get(0).values())
        .extracting(JsonNode::asDouble)
        .containsExactly(0.0, 0.1, 0.2, 0.3);
    assertThat(e.factors().get(1).values())
        .extracting(JsonNode::asDouble)
        .containsExactly(2.0, 3.0, 4.0);
  }

  @Test
  void a_latin_hypercube_puts_one_sample_in_each_stratum_of_each_factor_and_is_seeded(
      @TempDir Path dir) throws Exception {
    String text =
        """
        design: latin-hypercube
        samples: 10
        seed: 3
        factors:
          - {field: developers.*.spread, from: 0.0, to: 0.5}
          - {field: audit.probabilityPpm, from: 0, to: 1000000}
          - {field: market.trading, values: [CALL_AUCTION, CONTINUOUS]}
        """;
    Experiment e = load(dir, text);
    assertThat(e.cells()).hasSize(10);
    boolean[] seen = new boolean[10];
    for (Cell c : e.cells()) {
      int stratum = (int) (c.values().get(0).asDouble() / 0.05);
      assertThat(seen[stratum]).as("stratum %d twice", stratum).isFalse();
      seen[stratum] = true;
      assertThat(c.values().get(1).isIntegralNumber()).isTrue();
    }
    assertThat(e.cells().stream().filter(c -> c.values().get(2).asText().equals("CONTINUOUS")))
        .hasSize(5);
    assertThat(load(dir, text).cells()).isEqualTo(e.cells());
    assertThat(load(dir, text.replace("seed: 3", "seed: 4")).cells()).isNotEqualTo(e.cells());
  }

  @Test
  void a_listed_design_and_a_compound_factor_set_several_fields_per_level(@TempDir Path dir)
      throws Exception {
    Experiment e =
        load(
            dir,
            """
            design: list
            factors:
              - name: regime
                levels:
                  market: {market.trading: CALL_AUCTION}
                  command-and-control: {market.trading: NONE, developers.*.strategy: PRICE_TAKING}
              - {field: developers.*.spread}
            cells:
              - {regime: market, developers.*.spread: 0.2}
              - {regime: command-and-control, developers.*.spread: 0.4}
            """);
    assertThat(e.cells()).hasSize(2);
    var scenario = e.tree(e.cells().get(1)).scenario();
    assertThat(scenario.market().trading().name()).isEqualTo("NONE");
    assertThat(scenario.developers().get(0).spread()).isEqualTo(0.4);
    assertThat(scenario.developers().get(0).strategyMix()).hasSize(1);
  }

  @Test
  void mistakes_are_refused_with_the_file_the_field_and_the_rule(@TempDir Path dir) {
    assertThatThrownBy(() -> load(dir, "factorz: []\n"))
        .hasMessageContaining("e.yaml: factorz is not a known field");
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
            factors:
              - {field: market.trading, values: [CALL_AUCTION]}
              - {field: market.trading, values: [NONE]}
            """))
        .hasMessageContaining("factors[1] repeats the factor market.trading");
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
            factors:
              - {field: audit.probabilityPpm, values: [100000, 2000000]}
            """))
        .hasMessageContaining("cell 1 (audit.probabilityPpm=2000000)")
        .hasMessageContaining("probabilityPpm");
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
            factors:
              - {field: market.tradng, values: [NONE]}
            """))
        .hasMessageContaining("market.tradng is not a known field");
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
            factors:
              - {field: audit.probabilityPpm, from: 0, to: 10}
            """))
        .hasMessageContaining("only a latin-hypercube design samples");
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
            factors:
              - {field: seed, values: [1]}
            metrics: [price]
            """))
        .hasMessageContaining("metrics: price is not a metric (known: cap_permits");
    assertThatThrownBy(
            () ->
                load(
                    dir,
                    """
            replications: 0
            factors:
              - {field: seed, values: [1]}
            """))
        .hasMessageContaining("replications must be a whole number in [1, 10000], was 0");
  }

  @Test
  void a_scenario_is_found_by_path_or_by_shipped_name(@TempDir Path dir) throws Exception {
    assertThat(ExperimentLoader.scenario("default", dir).scenario().name()).isEqualTo("default");
    Files.writeString(
        dir.resolve("mine.yaml"),
        Files.readString(Path.of("..", "scenarios", "p2-deterrence.yaml"))
            .replace("name: p2-deterrence", "name: mine"));
    assertThat(ExperimentLoader.scenario("mine.yaml", dir).scenario().name()).isEqualTo("mine");
    assertThatThrownBy(() -> ExperimentLoader.scenario("nowhere", dir))
        .hasMessageContaining("scenario: no such file or shipped scenario: nowhere");
  }
}
