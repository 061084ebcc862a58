package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze msr}: one TNAC as text and JSON at the EU thresholds, a rule set by options, the
 * CSV mode on a multi-year series, and bad input refused in one line with exit code 2 and no file
 * written.
 */
class AnalyzeMsrTest {

  @TempDir Path dir;

  /**
   * A constructed series (not the EU's published TNAC figures) that walks through every EU band and
   * sits on or one permit off each threshold.
   */
  private static final String SERIES =
      """
      year,tnac
      2030,1500000000
      2031,1096000001
      2032,1096000000
      2033,1000000000
      2034,833000001
      2035,833000000
      2036,600000000
      2037,400000000
      2038,399999999
      2039,0
      """;

  private static final String EXPECTED =
      """
      year,tnac,intake,release
      2030,1500000000,360000000,0
      2031,1096000001,263040000,0
      2032,1096000000,263000000,0
      2033,1000000000,167000000,0
      2034,833000001,1,0
      2035,833000000,0,0
      2036,600000000,0,0
      2037,400000000,0,0
      2038,399999999,0,100000000
      2039,0,0,100000000
      """;

  @Test
  void json_gives_the_band_intake_release_and_the_eu_rule_in_a_stable_order() {
    CliRun run = CliRun.of("analyze", "msr", "--tnac", "1096000001", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = run.json();
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "tnacPermits",
            "band",
            "bandRule",
            "intakePermits",
            "releasePermits",
            "reservePermits",
            "rule");
    assertThat(json.get("band").asText()).isEqualTo("RATE_INTAKE");
    assertThat(json.get("intakePermits").asLong()).isEqualTo(263_040_000L);
    assertThat(json.get("releasePermits").asLong()).isZero();
    assertThat(json.get("reservePermits").isNull()).isTrue();
    JsonNode rule = json.get("rule");
    assertThat(rule.get("upperThresholdPermits").asLong()).isEqualTo(1_096_000_000L);
    assertThat(rule.get("lowerThresholdPermits").asLong()).isEqualTo(833_000_000L);
    assertThat(rule.get("intakeRatePpm").asLong()).isEqualTo(240_000L);
    assertThat(rule.get("releaseThresholdPermits").asLong()).isEqualTo(400_000_000L);
    assertThat(rule.get("releaseVolumePermits").asLong()).isEqualTo(100_000_000L);
    assertThat(rule.get("invalidationLimitPermits").asLong()).isEqualTo(400_000_000L);
  }

  @Test
  void above_the_upper_threshold_the_text_names_the_rate_band_in_percent() {
    CliRun run = CliRun.of("analyze", "msr", "--tnac", "1096000001");

    assertThat(run.out())
        .contains("TNAC > 1,096,000,000: intake = 24% of TNAC, rounded")
        .contains("intake:      263,040,000 permits");
    assertThat(
            CliRun.of("analyze", "msr", "--tnac", "2000000000", "--intake-rate-ppm", "125").out())
        .contains("intake = 0.0125% of TNAC")
        .contains("intake:      250,000 permits");
  }

  @Test
  void help_lists_the_eu_defaults_without_warnings() {
    CliRun run = CliRun.of("analyze", "msr", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("(default: 240000, 24%)", "(default: 833000000)");
  }

  @Test
  void at_the_upper_threshold_the_text_names_the_excess_band() {
    CliRun run = CliRun.of("analyze", "msr", "--tnac", "1096000000");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("TNAC = 1,096,000,000 permits")
        .contains("833,000,000 < TNAC <= 1,096,000,000: intake = TNAC - 833,000,000")
        .contains("intake:      263,000,000 permits")
        .contains("release:     0 permits");
  }

  @Test
  void below_the_release_threshold_the_text_says_the_release_assumes_a_full_reserve() {
    CliRun run = CliRun.of("analyze", "msr", "--tnac", "399999999");

    assertThat(run.out())
        .contains("TNAC < 400,000,000: release 100,000,000")
        .contains("release:     100,000,000 permits")
        .contains("assumes the reserve holds it");
    assertThat(CliRun.of("analyze", "msr", "--tnac", "400000000").out())
        .contains("400,000,000 <= TNAC <= 833,000,000: no action")
        .contains("release:     0 permits");
  }

  @Test
  void a_reserve_caps_the_release_and_shows_the_invalidation() {
    JsonNode low =
        CliRun.of("analyze", "msr", "--tnac", "0", "--reserve", "30000000", "--json").json();
    assertThat(low.get("releasePermits").asLong()).isEqualTo(30_000_000L);
    assertThat(low.get("reserveAfterPermits").asLong()).isZero();

    JsonNode high =
        CliRun.of("analyze", "msr", "--tnac", "1200000000", "--reserve", "300000000", "--json")
            .json();
    assertThat(high.get("intakePermits").asLong()).isEqualTo(288_000_000L);
    assertThat(high.get("invalidatedPermits").asLong()).isEqualTo(188_000_000L);
    assertThat(high.get("reserveAfterPermits").asLong()).isEqualTo(400_000_000L);

    CliRun text = CliRun.of("analyze", "msr", "--tnac", "1200000000", "--reserve", "300000000");
    assertThat(text.out())
        .contains("invalidated: 188,000,000 permits (held above 400,000,000 permits)")
        .contains("reserve:     400,000,000 permits after");
  }

  @Test
  void rule_options_replace_the_eu_values() {
    JsonNode json =
        CliRun.of(
                "analyze",
                "msr",
                "--tnac",
                "1001",
                "--upper-threshold",
                "1000",
                "--lower-threshold",
                "500",
                "--intake-rate-ppm",
                "500000",
                "--release-threshold",
                "100",
                "--release-volume",
                "7",
                "--invalidation-limit",
                "none",
                "--json")
            .json();

    // 0.5 * 1001 = 500.5, a tie, rounded up.
    assertThat(json.get("intakePermits").asLong()).isEqualTo(501L);
    assertThat(json.get("rule").get("invalidationLimitPermits").isNull()).isTrue();
    JsonNode release =
        CliRun.of("analyze", "msr", "--tnac", "99", "--release-threshold", "100", "--json").json();
    assertThat(release.get("releasePermits").asLong()).isEqualTo(100_000_000L);
  }

  @Test
  void the_csv_mode_gives_intake_and_release_for_each_year_of_a_series() throws IOException {
    Path in = write("tnac.csv", SERIES);

    CliRun run = CliRun.of("analyze", "msr", "--tnac-csv", in.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(EXPECTED);
  }

  @Test
  void the_csv_mode_writes_the_same_rows_to_a_file_and_reads_columns_in_any_order()
      throws IOException {
    Path in = write("tnac.csv", "tnac,year\n\"1500000000\",2030\n399999999,2038\n");
    Path outFile = dir.resolve("sub/msr.csv");

    CliRun run =
        CliRun.of("analyze", "msr", "--tnac-csv", in.toString(), "--out", outFile.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + outFile + "\n");
    assertThat(Files.readString(outFile))
        .isEqualTo(
            "year,tnac,intake,release\n2030,1500000000,360000000,0\n2038,399999999,0,100000000\n");
    try (var files = Files.list(outFile.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("msr.csv");
    }
  }

  @Test
  void bad_csv_files_are_refused_naming_the_line_and_field_and_leave_the_output_untouched()
      throws IOException {
    Path outFile = write("msr.csv", "previous contents\n");
    String[][] cases = {
      {"", "empty.csv: the file is empty; expected the header year,tnac"},
      {"year,tnac\n", "empty.csv: no rows after the header line"},
      {"year\n2030\n", "empty.csv line 1: missing column 'tnac'; the header must be year,tnac"},
      {"year,tnac,x\n", "empty.csv line 1: unknown column 'x'; the header must be year,tnac"},
      {"year,tnac\n2030,1\n2031,-5\n", "empty.csv line 3, field tnac: must be within [0, "},
      {"year,tnac\n2030,1.5e9\n", "empty.csv line 2, field tnac: '1.5e9' is not a whole number"},
      {"year,tnac\n2030,\n", "empty.csv line 2, field tnac: is empty"},
      {"year,tnac\n20x0,5\n", "empty.csv line 2, field year: '20x0' is not a whole year"},
      {
        "year,tnac\n2030,5\n\n2030,6\n",
        "empty.csv line 4, field year: 2030 already appears on line 2"
      },
      {"year,tnac\n2030,5,6\n", "empty.csv line 2: expected 2 fields (year,tnac), found 3"},
    };
    for (String[] c : cases) {
      Path in = write("empty.csv", c[0]);

      CliRun run =
          CliRun.of("analyze", "msr", "--tnac-csv", in.toString(), "--out", outFile.toString());

      assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(run.err()).as(c[0]).startsWith("computecap: " + c[1]);
      assertThat(run.err().lines()).as(c[0]).hasSize(1);
      assertThat(run.out()).as(c[0]).isEmpty();
      assertThat(Files.readString(outFile)).isEqualTo("previous contents\n");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("msr.csv", "empty.csv");
    }
  }

  @Test
  void bad_options_exit_2_with_one_line_naming_the_option_and_the_rule() throws IOException {
    Path in = write("tnac.csv", SERIES);
    String[][] cases = {
      {"--tnac=-1", "--tnac must be within [0, 1000000000000000], was -1"},
      {"--tnac=12.5", "Invalid value for option '--tnac': '12.5' is not a long"},
      {"--tnac=5 --reserve=-1", "--reserve must be within [0, 1000000000000000], was -1"},
      {
        "--tnac=5 --lower-threshold=2000000000",
        "--lower-threshold: lowerThresholdPermits must be <= upperThresholdPermits (1096000000),"
            + " was 2000000000"
      },
      {
        "--tnac=5 --release-threshold=900000000",
        "--release-threshold: releaseThresholdPermits must be <= lowerThresholdPermits"
      },
      {"--tnac=5 --intake-rate-ppm=1000001", "--intake-rate-ppm: intakeRatePpm must be within"},
      {"--tnac=5 --release-volume=-1", "--release-volume: releaseVolumePermits must be >= 0"},
      {"--tnac=5 --invalidation-limit=lots", "--invalidation-limit must be a whole number"},
      {"--tnac=5 --invalidation-limit=-1", "--invalidation-limit: invalidationLimitPermits must"},
      {"--tnac=5 --out=" + dir.resolve("x.csv"), "--out: only with --tnac-csv"},
      {"--tnac-csv=" + in + " --json", "--json: only with --tnac"},
      {"--tnac-csv=" + in + " --reserve=5", "--reserve: only with --tnac"},
      {"--tnac-csv=" + dir.resolve("missing.csv"), "--tnac-csv: "},
      {"--tnac=5 --tnac-csv=" + in, "are mutually exclusive"},
      {"", "Missing required argument"},
      {"--tnac=5 --bogus", "Unknown option: '--bogus'"},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(List.of("analyze", "msr"));
      if (!c[0].isEmpty()) {
        args.addAll(List.of(c[0].split(" ")));
      }

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(run.err()).as(c[0]).startsWith("computecap: ").contains(c[1]);
      assertThat(run.err().lines()).as(c[0]).hasSize(1);
      assertThat(run.out()).as(c[0]).isEmpty();
    }
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }

  @Test
  void a_file_that_is_not_utf8_is_refused_naming_the_option() throws IOException {
    Path in = Files.write(dir.resolve("latin1.csv"), new byte[] {'y', 'e', 'a', 'r', (byte) 0xFF});

    CliRun run = CliRun.of("analyze", "msr", "--tnac-csv", in.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("computecap: --tnac-csv: " + in + " is not UTF-8 text\n");
  }

  @Test
  void out_naming_a_directory_is_refused() throws IOException {
    Path in = write("tnac.csv", SERIES);

    CliRun run = CliRun.of("analyze", "msr", "--tnac-csv", in.toString(), "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--out: " + dir + " is a directory; name a file");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
