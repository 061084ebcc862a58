package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve verb's refusals; the server itself is tested in the server module. */
class ServeCommandTest {
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
