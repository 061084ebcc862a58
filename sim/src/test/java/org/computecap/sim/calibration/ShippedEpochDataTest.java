package org.computecap.sim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped extract obeys the filter and is what the derivation makes of its own rows; the
 * shipped scenario is what the generator writes from the shipped extract; the README states the
 * counts the extract has. CI has no raw file, so the raw comparison runs only where it exists.
 */
class ShippedEpochDataTest {
  static final Path EXTRACT =
      Path.of("..", "data", "epoch-ai", "notable-models-1e23-2023-2025.csv");
  private static final Path SCENARIO = Path.of("..", "scenarios", "epoch-calibrated.yaml");
  private static final Path RAW = Path.of("/work/shared/data/epoch-ai/notable-ai-models.csv");

  static List<EpochRun> shipped() throws Exception {
    return EpochData.readExtract(EXTRACT.toString(), Files.readString(EXTRACT));
  }

  @Test
  void every_shipped_run_passes_the_filter_and_the_extract_is_sorted_by_date_then_model()
      throws Exception {
    List<EpochRun> runs = shipped();
    assertThat(runs).isNotEmpty().allMatch(EpochData::selected);
    for (int i = 1; i < runs.size(); i++) {
      EpochRun a = runs.get(i - 1);
      EpochRun b = runs.get(i);
      assertThat(
              a.date().isBefore(b.date())
                  || (a.date().equals(b.date()) && a.model().compareTo(b.model()) <= 0))
          .as("%s before %s", a.model(), b.model())
          .isTrue();
    }
  }

  @Test
  void the_shipped_extract_is_what_the_derivation_makes_of_its_rows_in_the_raw_format()
      throws Exception {
    List<EpochRun> runs = shipped();
    String raw = rawCsv(runs);
    EpochData.Derivation d = EpochData.derive("rebuilt", raw);
    assertThat(d.runs()).isEqualTo(runs);
    assertThat(EpochData.extractCsv(d.runs())).isEqualTo(Files.readString(EXTRACT));
  }

  @Test
  void the_shipped_extract_is_the_derivation_of_the_raw_file_where_it_is_present()
      throws Exception {
    assumeTrue(Files.isRegularFile(RAW), "the raw file is not on this machine (CI)");
    EpochData.Derivation d = EpochData.derive(RAW.toString(), Files.readString(RAW));
    assertThat(EpochData.extractCsv(d.runs())).isEqualTo(Files.readString(EXTRACT));
  }

  @Test
  void the_shipped_scenario_is_what_the_generator_writes_from_the_shipped_extract()
      throws Exception {
    String generated =
        EpochScenario.yaml(shipped(), EpochCalibration.Settings.DEFAULT, EpochScenario.COMMAND);
    assertThat(generated).isEqualTo(Files.readString(SCENARIO, StandardCharsets.UTF_8));
  }

  @Test
  void the_readme_beside_the_extract_states_its_counts_and_the_attribution() throws Exception {
    List<EpochRun> runs = shipped();
    String readme = Files.readString(EXTRACT.resolveSibling("README.md"));
    assertThat(readme)
        .contains("Data: Epoch AI (epochai.org)")
        .contains("CC BY 4.0")
        .contains(runs.size() + " runs")
        .contains(EpochCalibration.organisations(runs).size() + " organisations")
        .contains(EpochScenario.COMMAND);
  }

  /** The runs as rows of Epoch's raw format, with its column names, other columns empty. */
  private static String rawCsv(List<EpochRun> runs) {
    List<String> header =
        List.of(
            EpochData.MODEL,
            "Task",
            EpochData.ORGANIZATION,
            EpochData.DATE,
            EpochData.DOMAIN,
            EpochData.COMPUTE,
            EpochData.CATEGORY,
            EpochData.COUNTRY,
            EpochData.COST,
            EpochData.FRONTIER);
    StringWriter w = new StringWriter();
    w.append(String.join(",", header)).append('\n');
    for (EpochRun r : runs) {
      List<String> f = new ArrayList<>();
      f.add(r.model());
      f.add("");
      f.add(String.join(",", r.organizations()));
      f.add(r.date().toString());
      f.add(r.domain());
      f.add(Double.toString(r.computeFlop()));
      f.add(r.category());
      f.add(r.country());
      f.add(r.costUsd() == null ? "" : Double.toString(r.costUsd()));
      f.add(r.frontier() ? "True" : "");
      w.append(
              String.join(
                  ",", Arrays.asList(f.stream().map(EpochData::quoted).toArray(String[]::new))))
          .append('\n');
    }
    return w.toString();
  }
}
