package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.sim.calibration.EpochData;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  private static final Path FIXTURE =
      Path.of("..", "sim", "src", "test", "resources", "epoch", "notable-ai-models-fixture.csv");

  @Test
  void data_epoch_writes_the_extract_and_says_what_each_rule_left_out(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("sub/extract.csv");
    CliRun run = CliRun.of("data", "epoch", "--in", FIXTURE.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "8 rows: 1 without training compute, 1 below 1e23 FLOP, 2 published outside"
                + " 2023-2025; 4 runs by 3 organisations written to");
    String raw = Files.readString(FIXTURE);
    assertThat(Files.readString(out))
        .isEqualTo(EpochData.extractCsv(EpochData.derive("f", raw).runs()));

    Path yaml = dir.resolve("s.yaml");
    CliRun scenario =
        CliRun.of(
            "data",
            "epoch-scenario",
            "--in",
            out.toString(),
            "--out",
            yaml.toString(),
            "--cap-share",
            "0.5");
    assertThat(scenario.exitCode()).as(scenario.err()).isZero();
    assertThat(scenario.out())
        .contains("3 developers from 4 runs")
        .contains("competitive price")
        .contains("100%");
    Scenario s = ScenarioLoader.load(yaml);
    assertThat(s.developers()).hasSize(3);
    assertThat(Files.readString(yaml))
        .contains("GENERATED, do not edit: ./computecap data epoch-scenario --in")
        .contains("--cap-share 0.5");
  }

  @Test
  void bad_input_is_one_line_naming_the_option_with_exit_code_2(@TempDir Path dir) {
    CliRun missing =
        CliRun.of("data", "epoch", "--in", dir.resolve("nope.csv").toString(), "--out", "x.csv");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("computecap: --in: no such file: ");
    CliRun share =
        CliRun.of(
            "data",
            "epoch-scenario",
            "--in",
            FIXTURE.toString(),
            "--out",
            dir.resolve("s.yaml").toString(),
            "--cap-share",
            "1.5");
    assertThat(share.exitCode()).isEqualTo(2);
    assertThat(share.err()).contains("--cap-share: capShare must be in (0, 1], was 1.5");
    assertThat(dir.resolve("s.yaml")).doesNotExist();
  }
}
