package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.economics.firm.Fig1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeFig1Test {

  @TempDir Path tmp;

  @Test
  void csv_has_the_exact_header_and_the_economics_rows_at_full_precision() throws IOException {
    CliRun run =
        CliRun.of(
            "analyze", "fig1", "--k", "1.5", "--points", "9", "--out", tmp.resolve("f").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(tmp.resolve("f/fig1.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "a_utils_per_unit,x_nocap_units,b_fixed_utils_per_unit,x_cap_fixed_units,"
                + "b_sqrt_utils_per_unit,x_cap_sqrt_units");
    List<Fig1.Row> expected = Fig1.rows(1.5, 9);
    assertThat(lines).hasSize(1 + expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Fig1.Row r = expected.get(i);
      assertThat(parse(lines.get(i + 1)))
          .containsExactly(r.a(), r.xNoCap(), r.bFixed(), r.xCapFixed(), r.bSqrt(), r.xCapSqrt());
    }
    assertThat(parse(lines.get(1))[0]).isEqualTo(1e-4);
    assertThat(parse(lines.get(lines.size() - 1))[0]).isEqualTo(1e-1);
  }

  @Test
  void out_writes_a_png_and_an_svg_chart_and_prints_their_paths() throws IOException {
    Path dir = tmp.resolve("charts");
    CliRun run = CliRun.of("analyze", "fig1", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path png = dir.resolve("fig1.png");
    Path svg = dir.resolve("fig1.svg");
    assertThat(Files.size(png)).isPositive();
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readString(svg)).contains("<svg").contains("</svg>");
    assertThat(run.out())
        .contains("wrote " + png)
        .contains("wrote " + svg)
        .contains("wrote " + dir.resolve("fig1.csv"));
  }

  @Test
  void default_run_prints_a_table_of_31_points_from_1e_4_to_0_1() {
    CliRun run = CliRun.of("analyze", "fig1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(1).trim().split("\\s+"))
        .containsExactly("a", "x_nocap", "b_fixed", "x_cap_fixed", "b_sqrt", "x_cap_sqrt");
    assertThat(lines).hasSize(3 + 31);
    assertThat(lines.get(3).trim()).startsWith("1e-4");
    assertThat(lines.get(lines.size() - 1).trim()).startsWith("0.1 ");
  }

  @Test
  void json_rows_equal_the_economics_library() {
    CliRun run = CliRun.of("analyze", "fig1", "--points", "5", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode rows = run.json().get("rows");
    List<Fig1.Row> expected = Fig1.rows(1, 5);
    assertThat(rows).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(rows.get(i).get("a").asDouble()).isEqualTo(expected.get(i).a());
      assertThat(rows.get(i).get("xNoCap").asDouble()).isEqualTo(expected.get(i).xNoCap());
      assertThat(rows.get(i).get("xCapSqrt").asDouble()).isEqualTo(expected.get(i).xCapSqrt());
    }
  }

  @Test
  void a_non_positive_k_exits_2_naming_k() {
    CliRun run = CliRun.of("analyze", "fig1", "--k", "-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("computecap: --k: ").doesNotContain("Exception");
  }

  @Test
  void a_non_numeric_points_exits_2_naming_the_option() {
    CliRun run = CliRun.of("analyze", "fig1", "--points", "many");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--points").contains("many");
  }

  @Test
  void out_pointing_at_a_file_exits_2() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
    CliRun run = CliRun.of("analyze", "fig1", "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--out").contains("not a directory");
  }

  @Test
  void an_out_directory_that_cannot_be_created_exits_1_with_one_line() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
    CliRun run = CliRun.of("analyze", "fig1", "--out", file.resolve("sub").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("computecap: I/O error: ").hasLineCount(1);
  }

  private static double[] parse(String csvLine) {
    String[] cells = csvLine.split(",");
    double[] values = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      values[i] = Double.parseDouble(cells[i]);
    }
    return values;
  }
}
