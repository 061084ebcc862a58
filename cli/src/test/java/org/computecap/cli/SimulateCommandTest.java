package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
  static final Path SCENARIOS = Path.of("..", "scenarios");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void simulate_writes_every_output_and_its_journal_verifies_and_replays(@TempDir Path dir)
      throws Exception {
    Path outDir = dir.resolve("run");
    int code =
        run(
            "simulate",
            "--scenario",
            SCENARIOS.resolve("p1-fig1.yaml").toString(),
            "--out",
            outDir.toString());
    assertThat(code).as(err.toString()).isZero();
    for (String f :
        new String[] {
          "summary.json",
          "periods.csv",
          "trades.csv",
          "developers.csv",
          "developer-periods.csv",
          "report.html",
          "journal"
        }) {
      assertThat(outDir.resolve(f)).exists();
    }
    // Every column of the console table names its unit, and dollars show to the cent.
    assertThat(out.toString())
        .contains("price $")
        .contains("compute units")
        .contains("no-cap units")
        .contains("penalties $")
        .contains("above cap permits")
        .containsPattern("\\n +1 +[0-9]+\\.[0-9]{2} +[0-9]+\\.[0-9]{2} ")
        .contains("report")
        .contains(outDir.resolve("report.html").toString());
    String hash =
        out.toString()
            .lines()
            .filter(l -> l.startsWith("stateHash "))
            .findFirst()
            .orElseThrow()
            .substring("stateHash ".length())
            .trim();
    assertThat(run("journal", "verify", outDir.resolve("journal").toString())).isZero();
    java.io.ByteArrayOutputStream replayOut = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    System.setOut(new java.io.PrintStream(replayOut, true, "UTF-8"));
    try {
      assertThat(run("journal", "replay", outDir.resolve("journal").toString())).isZero();
    } finally {
      System.setOut(saved);
    }
    assertThat(replayOut.toString("UTF-8")).contains("stateHash=" + hash);
    // Running again into the same directory replaces the earlier simulation.
    assertThat(
            run(
                "simulate",
                "--scenario",
                SCENARIOS.resolve("p1-fig1.yaml").toString(),
                "--out",
                outDir.toString(),
                "--replications",
                "3"))
        .isZero();
    assertThat(Files.readString(outDir.resolve("summary.json")))
        .contains("\"replications\"")
        .contains("ci95Low");
    assertThat(out.toString()).contains("3 replications:");
  }

  @Test
  void a_bad_scenario_exits_2_naming_the_field(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(SCENARIOS.resolve("p1-fig1.yaml"))
            .replace("permitsPerUnit: 100", "permitsPerUnit: 0.5"));
    int code = run("simulate", "--scenario", bad.toString(), "--out", dir.resolve("o").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("developers[0].permitsPerUnit must be in [1.0");
  }

  @Test
  void a_population_too_large_for_its_cash_exits_2_naming_the_field(@TempDir Path dir) {
    // 5 types of 100,000 developers at 2 * 10^13 cents each: 10^19 cents, past a long.
    int code =
        run(
            "simulate",
            "--scenario",
            SCENARIOS.resolve("default.yaml").toString(),
            "--out",
            dir.resolve("o").toString(),
            "--set",
            "developers.*.count=100000",
            "--set",
            "market.cashCents=20000000000000");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("market.cashCents 20000000000000 for each of 500000 developers")
        .contains("must be at most " + Long.MAX_VALUE / 500_000);
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void a_directory_that_is_not_an_earlier_simulation_is_not_overwritten(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("thesis.tex"), "precious");
    int code =
        run(
            "simulate",
            "--scenario",
            SCENARIOS.resolve("p1-fig1.yaml").toString(),
            "--out",
            dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("is not empty");
    assertThat(dir.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  void sweep_is_a_two_factor_experiment_with_replications_over_any_fields(@TempDir Path dir) {
    int code =
        run(
            "sweep",
            "--scenario",
            SCENARIOS.resolve("p2-deterrence.yaml").toString(),
            "--out",
            dir.toString(),
            "--set",
            "periods=2",
            "--set",
            "developers.developer.count=6",
            "--x",
            "audit.probabilityPpm=100000,400000",
            "--y",
            "allocation.method=UNIFORM,GRANDFATHER",
            "--replications",
            "2",
            "--threads",
            "2");
    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("runs.csv")).exists();
    assertThat(dir.resolve("cells.csv")).exists();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("figures/evasion_share-vs-audit.probabilityPpm.svg")).exists();
    assertThat(out.toString()).contains("4 cells x 2 replications = 8 runs");
  }

  @Test
  void sweep_refuses_the_same_field_on_both_axes(@TempDir Path dir) {
    int code =
        run(
            "sweep",
            "--out",
            dir.toString(),
            "--x",
            "audit.probabilityPpm=100000,200000",
            "--y",
            "audit.probabilityPpm=300000");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--x and --y must name different fields, both were audit.probabilityPpm");
    assertThat(run("sweep", "--out", dir.toString(), "--x", "audit.probabilityPpm")).isEqualTo(2);
  }

  @Test
  void simulate_refuses_a_set_path_that_names_nothing_in_one_line(@TempDir Path dir) {
    int code =
        run(
            "simulate",
            "--scenario",
            SCENARIOS.resolve("p2-deterrence.yaml").toString(),
            "--out",
            dir.toString(),
            "--set",
            "market.tradng=CONTINUOUS");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("market.tradng is not a known field");
  }
}
