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
    assertThat(out.toString())
        .contains("period")
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
  void sweep_writes_a_csv_and_a_heatmap(@TempDir Path dir) {
    int code =
        run(
            "sweep",
            "--scenario",
            SCENARIOS.resolve("p1-fig1.yaml").toString(),
            "--out",
            dir.toString(),
            "--x",
            "audit.probabilityPpm=0,500000",
            "--y",
            "penalty.linearCentsPerPermit=1000,2000000");
    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("sweep.csv")).exists();
    assertThat(dir.resolve("heatmap.html")).exists();
    assertThat(
            run(
                "sweep",
                "--scenario",
                SCENARIOS.resolve("p1-fig1.yaml").toString(),
                "--out",
                dir.toString(),
                "--x",
                "audit.probabilityPpm"))
        .isEqualTo(2);
  }
}
