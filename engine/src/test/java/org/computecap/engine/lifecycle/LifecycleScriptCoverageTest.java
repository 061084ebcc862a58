package org.computecap.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.LifecycleVerbs;
import org.junit.jupiter.api.Test;

/**
 * The registry controls' scenario scripts ({@code lifecycle-*.txt}) must exercise every verb and
 * every rejection code of their section (issue 15: the compliance calendar and the account
 * lifecycle).
 */
class LifecycleScriptCoverageTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");

  @Test
  void every_registry_controls_rejection_code_and_verb_is_used_by_a_lifecycle_scenario()
      throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("lifecycle-") && name.endsWith(".txt")) {
          all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    String scripts = all.toString();
    List<String> missing = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      if (r.ordinal() >= Rejection.SURRENDER_DEADLINE_PASSED.ordinal()
          && r.ordinal() <= Rejection.REVERSAL_EXCEEDS_ALLOCATION.ordinal()
          && !scripts.contains("-> REJECT " + r.code() + "\n")) {
        missing.add(r.code());
      }
    }
    LifecycleVerbs verbs = new LifecycleVerbs();
    for (String verb : verbs.commands().keySet()) {
      if (!scripts.contains("\n" + verb + " ")) {
        missing.add(verb);
      }
    }
    for (String verb : verbs.expectations().keySet()) {
      if (!scripts.contains("\nexpect " + verb + " ")) {
        missing.add("expect " + verb);
      }
    }
    assertThat(missing).isEmpty();
  }
}
