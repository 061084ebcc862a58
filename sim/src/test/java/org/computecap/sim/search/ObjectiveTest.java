package org.computecap.sim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class ObjectiveTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  private static Objective parse(String yaml) throws Exception {
    JsonNode n = YAML.readTree(yaml);
    return Objective.parse(n == null ? null : n.get("objective"), "objective");
  }

  @Test
  void a_replications_objective_is_the_weighted_sum_of_its_metrics_in_the_files_order()
      throws Exception {
    Objective o =
        parse("objective: {maximize: {welfare_utils: 1, total_compute_units: -0.025}, unit: u}");
    assertThat(o.maximize()).isTrue();
    assertThat(o.unit()).isEqualTo("u");
    assertThat(o.metrics())
        .extracting(m -> m.name())
        .containsExactly("welfare_utils", "total_compute_units");
    assertThat(o.value(new double[] {3712.0, 74_240.0})).isCloseTo(1856.0, within(1e-9));
    assertThat(o.score(5.0)).isEqualTo(5.0);
    assertThat(o.describe()).isEqualTo("maximize 1 x welfare_utils - 0.025 x total_compute_units");
  }

  @Test
  void a_minimised_objective_scores_lower_values_higher_and_an_undefined_metric_is_nan()
      throws Exception {
    Objective o = parse("objective: {minimize: {enforcement_cost_cents: 1}}");
    assertThat(o.unit()).isEqualTo("objective units");
    assertThat(o.score(7.0)).isEqualTo(-7.0);
    assertThat(o.value(new double[] {Double.NaN})).isNaN();
  }

  @Test
  void a_missing_or_empty_objective_is_refused_naming_the_field() {
    assertThatThrownBy(() -> parse("name: x")).hasMessageStartingWith("objective is missing");
    assertThatThrownBy(() -> parse("objective: {maximize: {}}"))
        .hasMessageContaining("objective.maximize must name at least one metric");
    assertThatThrownBy(() -> parse("objective: {}"))
        .hasMessageContaining("objective must have exactly one of maximize or minimize");
  }

  @Test
  void both_directions_or_an_unknown_key_are_refused() {
    assertThatThrownBy(
            () -> parse("objective: {maximize: {welfare_utils: 1}, minimize: {audits_count: 1}}"))
        .hasMessageContaining("exactly one of maximize or minimize")
        .hasMessageContaining("maximize, minimize");
    assertThatThrownBy(() -> parse("objective: {maximize: {welfare_utils: 1}, weight: 2}"))
        .hasMessageContaining("had maximize, weight");
  }

  @Test
  void an_unknown_metric_is_refused_naming_it_and_the_catalogue() {
    assertThatThrownBy(() -> parse("objective: {maximize: {welfare: 1}}"))
        .hasMessageStartingWith("objective.maximize.welfare: welfare is not a metric (known: ")
        .hasMessageContaining("welfare_utils");
  }

  @Test
  void a_weight_that_is_zero_not_a_number_or_not_finite_is_refused_with_its_unit() {
    assertThatThrownBy(() -> parse("objective: {maximize: {welfare_utils: 0}}"))
        .hasMessageContaining(
            "objective.maximize.welfare_utils must be a finite non-zero number (the objective's"
                + " units per utility), was 0");
    assertThatThrownBy(() -> parse("objective: {minimize: {audits_count: high}}"))
        .hasMessageContaining("objective.minimize.audits_count must be a finite non-zero number");
    assertThatThrownBy(() -> parse("objective: {minimize: {audits_count: 1}, unit: ' '}"))
        .hasMessageContaining("objective.unit must be non-blank text");
  }
}
