package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serve verb's refusals, and that {@code --demo} cleans up after itself; the server itself is
 * tested in the server module.
 */
class ServeCommandTest {
  @Test
  void the_demo_removes_its_temporary_directory_when_it_is_stopped() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                "org.computecap.cli.Main",
                "serve",
                "--demo",
                "--port",
                "0",
                "--demo-rate",
                "1",
                "--scenario",
                Path.of("..", "scenarios", "allocation-ablation.yaml").toString())
            .redirectErrorStream(true)
            .start();
    Path work = null;
    try (java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      java.util.regex.Pattern dir = java.util.regex.Pattern.compile("data in (\\S+),");
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        java.util.regex.Matcher m = dir.matcher(line);
        if (m.find()) {
          work = Path.of(m.group(1));
        }
        if (line.startsWith("demo: open http")) {
          break;
        }
      }
      assertThat(work).as("the demo printed its directory").isNotNull();
      assertThat(Files.isDirectory(work)).isTrue();
      p.destroy(); // SIGTERM: the shutdown hook stops the server and removes the directory.
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(Files.exists(work)).as(work + " after the demo stopped").isFalse();
  }

  @Test
  void serve_refuses_a_damaged_journal_with_exit_code_1(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("journal.ccj"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    int code = Main.commandLine().execute("serve", "--data", dir.toString(), "--port", "0");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void serve_refuses_a_port_out_of_range_with_exit_code_2(@TempDir Path dir) {
    int code = Main.commandLine().execute("serve", "--data", dir.toString(), "--port", "70000");
    assertThat(code).isEqualTo(2);
  }

  @Test
  void serve_names_a_missing_program_with_exit_code_2(@TempDir Path dir) {
    int code =
        Main.commandLine()
            .execute(
                "serve",
                "--data",
                dir.toString(),
                "--port",
                "0",
                "--program",
                dir.resolve("nope.yaml").toString());
    assertThat(code).isEqualTo(2);
  }
}
