package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.economics.firm.P1Firm;
import org.computecap.economics.firm.Sensitivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeSensitivityTest {

  @TempDir Path tmp;

  @Test
  void table_marks_the_toothless_and_the_large_b_ends() {
    CliRun run = CliRun.of("analyze", "sensitivity", "--points", "6");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3 + 6);
    assertThat(lines.get(3).trim()).startsWith("1e-8").endsWith(AnalyzeSensitivity.TOOTHLESS);
    assertThat(lines.get(lines.size() - 1).trim())
        .startsWith("10 ")
        .endsWith(AnalyzeSensitivity.LARGE_B);
    String xNoCap = TextTable.number(P1Firm.noCapCompute(0.01, 1));
    assertThat(lines.get(0)).contains("x_nocap = " + xNoCap);
  }

  @Test
  void ends_that_are_neither_toothless_nor_a_hard_cut_are_only_named() {
    CliRun run =
        CliRun.of(
            "analyze",
            "sensitivity",
            "--a",
            "0.01",
            "--k",
            "1",
            "--b-min",
            "1e-3",
            "--b-max",
            "2e-3",
            "--points",
            "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(3)).endsWith("lowest b");
    assertThat(lines.get(4)).endsWith("highest b");
    assertThat(run.out()).doesNotContain("toothless");
  }

  @Test
  void out_writes_csv_png_and_svg_with_the_economics_rows() throws IOException {
    Path dir = tmp.resolve("s");
    CliRun run =
        CliRun.of(
            "analyze",
            "sensitivity",
            "--a",
            "0.001",
            "--k",
            "2",
            "--points",
            "7",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("sensitivity.csv"));
    assertThat(lines.get(0)).isEqualTo("b_utils_per_unit,x_cap_units,reduction_share");
    List<Sensitivity.Row> expected = Sensitivity.rows(0.001, 2, 1e-8, 10, 7);
    assertThat(lines).hasSize(8);
    for (int i = 0; i < 7; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertThat(Double.parseDouble(cells[0])).isEqualTo(expected.get(i).b());
      assertThat(Double.parseDouble(cells[1])).isEqualTo(expected.get(i).xCap());
      assertThat(Double.parseDouble(cells[2])).isEqualTo(expected.get(i).reductionRatio());
    }
    assertThat(Files.size(dir.resolve("sensitivity.png"))).isPositive();
    assertThat(Files.readString(dir.resolve("sensitivity.svg"))).contains("<svg");
  }

  @Test
  void json_gives_the_reduction_ratios_of_the_economics_library() {
    CliRun run =
        CliRun.of(
            "analyze", "sensitivity", "--points", "3", "--b-min", "1e-6", "--b-max", "1", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = run.json();
    List<Sensitivity.Row> expected = Sensitivity.rows(0.01, 1, 1e-6, 1, 3);
    assertThat(json.get("xNoCap").asDouble()).isEqualTo(P1Firm.noCapCompute(0.01, 1));
    for (int i = 0; i < 3; i++) {
      assertThat(json.get("rows").get(i).get("reductionRatio").asDouble())
          .isEqualTo(expected.get(i).reductionRatio());
    }
  }

  @Test
  void b_max_below_b_min_exits_2_naming_the_bound() {
    CliRun run = CliRun.of("analyze", "sensitivity", "--b-min", "1", "--b-max", "0.1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--b-max");
  }

  @Test
  void analyze_without_a_sub_verb_exits_2_and_lists_them() {
    CliRun run = CliRun.of("analyze");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("fig1").contains("sensitivity");
  }
}
