package org.computecap.sim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SearchLoaderTest {
  static final String SMALL =
      """
      name: small
      scenario: p2-deterrence
      set: {periods.count: 2, developers.developer.count: 6, cap.linearReductionPpm: 0}
      parameters:
        - field: audit.probabilityPpm
          from: 100000
          to: 400000
          points: 4
      objective:
        minimize: {excess_compute_permits: 100000, enforcement_cost_cents: 1}
      replications: 3
      refinements: 2
      seed: 5
      """;

  static PolicySearch parse(String text) {
    return SearchLoader.parse("s.yaml", text, Path.of("."));
  }

  @Test
  void a_search_file_loads_with_its_defaults() {
    PolicySearch s = parse(SMALL);
    assertThat(s.parameters()).hasSize(1);
    SearchParameter p = s.parameters().get(0);
    assertThat(p.whole()).isTrue();
    assertThat(p.coarse())
        .extracting(v -> v.asLong())
        .containsExactly(100000L, 200000L, 300000L, 400000L);
    assertThat(p.step(1)).isEqualTo(50000.0);
    assertThat(p.step(2)).isEqualTo(25000.0);
    assertThat(s.surface()).containsExactly(0);
    assertThat(s.bootstrap()).isEqualTo(1000);
    assertThat(s.compass()).isFalse();
    assertThat(s.collected())
        .extracting(m -> m.name())
        .containsExactly("excess_compute_permits", "enforcement_cost_cents");
  }

  @Test
  void a_decimal_parameter_takes_round_grid_values_and_halves_its_spacing_exactly() {
    SearchParameter p = new SearchParameter("developers.*.spread", "spread", "", 0, 0.9, 4, false);
    assertThat(p.coarse()).extracting(v -> v.asDouble()).containsExactly(0.0, 0.3, 0.6, 0.9);
    assertThat(p.around(0.3, p.step(1)))
        .extracting(v -> v.asDouble())
        .containsExactly(0.15, 0.3, 0.45);
    // A whole-number parameter never steps below 1 and never leaves its bounds.
    SearchParameter w = new SearchParameter("periods.count", "periods", "", 1, 3, 3, true);
    assertThat(w.step(5)).isEqualTo(1.0);
    assertThat(w.around(1, w.step(1))).extracting(v -> v.asLong()).containsExactly(1L, 2L);
  }

  @Test
  void an_unknown_field_is_refused_by_name_and_factors_points_to_parameters() {
    assertThatThrownBy(() -> parse(SMALL + "factors: []\n"))
        .hasMessageStartingWith("s.yaml: factors is not a known field (a search has parameters)");
    assertThatThrownBy(() -> parse(SMALL.replace("points: 4", "points: 4\n    step: 3")))
        .hasMessageStartingWith("s.yaml: parameters[0].step is not a known field");
  }

  @Test
  void bounds_points_and_repeated_fields_are_checked_with_the_rule() {
    assertThatThrownBy(() -> parse(SMALL.replace("to: 400000", "to: 100000")))
        .hasMessage("s.yaml: parameters[0].to must be above from (100000), was 100000");
    assertThatThrownBy(() -> parse(SMALL.replace("points: 4", "points: 1")))
        .hasMessage("s.yaml: parameters[0].points must be a whole number in [2, 101], was 1");
    assertThatThrownBy(
            () ->
                parse(
                    SMALL.replace(
                        "objective:",
                        "  - {field: audit.probabilityPpm, from: 1, to: 2}\nobjective:")))
        .hasMessageContaining("parameters[1].field repeats audit.probabilityPpm");
  }

  @Test
  void one_replication_is_refused_because_the_intervals_need_two() {
    assertThatThrownBy(() -> parse(SMALL.replace("replications: 3", "replications: 1")))
        .hasMessage("s.yaml: replications must be a whole number in [2, 10000], was 1");
  }

  @Test
  void an_objective_error_names_the_file_and_the_field() {
    assertThatThrownBy(
            () -> parse(SMALL.replace("excess_compute_permits: 100000", "excess_compute: 1")))
        .hasMessageStartingWith("s.yaml: objective.minimize.excess_compute: excess_compute is not");
  }

  @Test
  void surface_and_refine_by_are_checked() {
    assertThatThrownBy(() -> parse(SMALL + "surface: [penalty.linearCentsPerPermit]\n"))
        .hasMessageContaining(
            "surface names penalty.linearCentsPerPermit, which is not a parameter");
    assertThatThrownBy(() -> parse(SMALL + "refineBy: random\n"))
        .hasMessage("s.yaml: refineBy must be grid or compass, was random");
    assertThat(parse(SMALL + "surface: []\nrefineBy: compass\n").surface()).isEmpty();
  }

  @Test
  void a_bound_the_program_refuses_names_the_point_and_the_field_before_anything_runs() {
    assertThatThrownBy(() -> parse(SMALL.replace("to: 400000", "to: 2000000")))
        .hasMessageStartingWith("s.yaml: parameters: point (audit.probabilityPpm=1366667): ")
        .hasMessageContaining("audit.probabilityPpm: 1366667 is above 1000000");
  }
}
