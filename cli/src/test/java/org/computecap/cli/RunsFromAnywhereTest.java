package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI started in a folder that is not the repository root (a fresh temporary directory) finds
 * its shipped scenarios and programs inside its own classpath: nothing it needs is a path relative
 * to the repository.
 */
class RunsFromAnywhereTest {

  /** One {@code computecap} process started in {@code dir}. */
  record Process(int exitCode, String out, String err) {}

  static Process run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    java.lang.Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("computecap " + String.join(" ", args) + " did not finish");
    }
    return new Process(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  // Surefire may hand relative class path entries; the child runs elsewhere.
  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(Path.of(e).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  @Test
  void simulate_runs_a_shipped_scenario_by_name_outside_the_repository(@TempDir Path dir)
      throws Exception {
    Process p = run(dir, "simulate", "--scenario", "p1-fig1", "--out", "run");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(dir.resolve("run/report.html")).exists();
    assertThat(p.out()).contains("scenario p1-fig1");
  }

  @Test
  void the_scenarios_verb_lists_shows_and_copies_outside_the_repository(@TempDir Path dir)
      throws Exception {
    Process list = run(dir, "scenarios", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("default").contains("p2-deterrence").contains("leakage");
    Process show = run(dir, "scenarios", "show", "default");
    assertThat(show.out()).contains("name: default").contains("program: programs/");
    Process copy = run(dir, "scenarios", "copy", "default", "mine");
    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(dir.resolve("mine/default.yaml")).exists();
    assertThat(dir.resolve("mine/programs/p1-inference-energy.yaml")).exists();
    Process again = run(dir, "scenarios", "copy", "default", "mine");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists");
  }

  @Test
  void a_shipped_program_is_checked_by_name_outside_the_repository(@TempDir Path dir)
      throws Exception {
    Process p = run(dir, "program", "check", "p2-risk-weighted");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.out()).contains("valid program");
  }
}
