package org.computecap.sim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The derivation on a fixture with the raw file's header and the rows that test each rule: the
 * bounds (1e23 FLOP and 2023-01-01 kept, 9.99e22, 2022-12-31 and 2026-01-01 left out, 2025-12-31
 * kept), a row without compute, quoted fields with commas, quotes and line breaks, and a run of
 * three organisations.
 */
class EpochDataTest {
  static String fixture() throws IOException {
    try (InputStream in =
        EpochDataTest.class.getResourceAsStream("/epoch/notable-ai-models-fixture.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_filter_keeps_the_inclusive_bounds_and_counts_what_each_rule_left_out() throws Exception {
    EpochData.Derivation d = EpochData.derive("fixture", fixture());
    assertThat(d.rows()).isEqualTo(8);
    assertThat(d.noCompute()).isEqualTo(1);
    assertThat(d.belowMin()).isEqualTo(1);
    assertThat(d.outside()).isEqualTo(2);
    assertThat(d.runs())
        .extracting(EpochRun::model)
        .containsExactly("Exactly At", "Lab B Solo", "Joint, \"Big\" Model", "Late Model");
    assertThat(d.runs()).allMatch(EpochData::selected);
    assertThat(d.runs().get(0).date()).isEqualTo(EpochData.FROM);
    assertThat(d.runs().get(0).computeFlop()).isEqualTo(EpochData.MIN_FLOP);
    assertThat(d.runs().get(3).date()).isEqualTo(EpochData.TO);
  }

  @Test
  void a_run_of_several_organisations_goes_whole_to_the_first_listed_with_its_category_and_country()
      throws Exception {
    EpochRun joint = EpochData.derive("fixture", fixture()).runs().get(2);
    assertThat(joint.organization()).isEqualTo("Lab B");
    assertThat(joint.organizations()).containsExactly("Lab B", "Univ C", "Lab A");
    assertThat(joint.category()).isEqualTo("Industry");
    assertThat(joint.country()).isEqualTo("China");
    assertThat(joint.domain()).isEqualTo("Multimodal,Language,Vision");
    assertThat(joint.computeFlop()).isEqualTo(4e24);
    assertThat(joint.costUsd()).isNull();
    assertThat(joint.frontier()).isFalse();
    EpochRun late = EpochData.derive("fixture", fixture()).runs().get(3);
    // The model's name had a line break inside its quotes; the abstract a quote and commas.
    assertThat(late.model()).isEqualTo("Late Model");
    assertThat(late.costUsd()).isEqualTo(2.6e6);
    assertThat(late.frontier()).isTrue();
    assertThat(late.date()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void the_extract_reads_back_to_the_same_runs_and_quotes_what_needs_it() throws Exception {
    List<EpochRun> runs = EpochData.derive("fixture", fixture()).runs();
    String csv = EpochData.extractCsv(runs);
    assertThat(csv.lines().toList())
        .hasSize(1 + runs.size())
        .contains(
            "\"Joint, \"\"Big\"\" Model\",Lab B,\"Lab B,Univ C,Lab A\",2024-06-01,"
                + "\"Multimodal,Language,Vision\",China,Industry,4.0E24,,false");
    assertThat(EpochData.readExtract("extract", csv)).isEqualTo(runs);
  }

  @Test
  void a_compute_that_is_not_a_number_is_refused_naming_the_line_and_the_column() throws Exception {
    // Line 11: the header is line 1 and the first row spans lines 2-4 (two quoted line breaks).
    String bad = fixture().replace("1.0e+24", "1.0e+2x");
    assertThatThrownBy(() -> EpochData.derive("fixture", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "fixture line 11: column 'Training compute (FLOP)' must be a finite number >= 0,"
                + " was '1.0e+2x'");
    String badDate = fixture().replace("2023-07-14", "14/07/2023");
    assertThatThrownBy(() -> EpochData.derive("fixture", badDate))
        .hasMessage(
            "fixture line 11: column 'Publication date' must be a date YYYY-MM-DD,"
                + " was '14/07/2023'");
  }

  @Test
  void a_file_without_a_column_the_derivation_reads_is_refused_naming_it() throws Exception {
    String noFlag = fixture().replaceFirst(",Frontier model,", ",Frontier,");
    assertThatThrownBy(() -> EpochData.derive("raw.csv", noFlag))
        .hasMessage("raw.csv: no column 'Frontier model' in the header");
    assertThatThrownBy(() -> EpochData.readExtract("x.csv", "model,organization\n"))
        .hasMessageStartingWith("x.csv: the header must be model,organization,organizations,");
  }
}
