package org.computecap.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.AccessVerbs;
import org.junit.jupiter.api.Test;

/** The access scenario script must exercise every access verb and rejection code. */
class AccessScriptCoverageTest {
  private static final Path SCRIPT = Path.of("src/test/resources/scripts/access-credentials.txt");

  @Test
  void every_access_rejection_code_and_verb_is_used_by_the_access_scenario() throws IOException {
    String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      if (r.ordinal() >= Rejection.ISSUER_NOT_REGULATOR.ordinal()
          && r.ordinal() <= Rejection.NOT_AN_INSURER.ordinal()
          && !script.contains("-> REJECT " + r.code() + "\n")) {
        missing.add(r.code());
      }
    }
    for (String verb : new AccessVerbs().commands().keySet()) {
      if (!script.contains("\n" + verb + " ")) {
        missing.add(verb);
      }
    }
    assertThat(missing).isEmpty();
  }
}
