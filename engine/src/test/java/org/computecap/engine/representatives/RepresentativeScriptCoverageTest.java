package org.computecap.engine.representatives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.RepresentativeVerbs;
import org.computecap.engine.script.ScriptVocabulary;
import org.junit.jupiter.api.Test;

/** The representatives scenario scripts must use every verb and every rejection code of theirs. */
class RepresentativeScriptCoverageTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");

  static String scripts() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("representatives-") && name.endsWith(".txt")) {
          all.append('\n').append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return all.toString();
  }

  @Test
  void every_representatives_rejection_code_is_expected_by_some_scenario_line() throws IOException {
    String scripts = scripts();
    List<String> missing = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      if (r.ordinal() >= Rejection.REPRESENTATIVES_NOT_ENABLED.ordinal()
          && r.ordinal() <= Rejection.OIDC_SUBJECT_ALREADY_USED.ordinal()
          && !scripts.contains("-> REJECT " + r.code() + "\n")) {
        missing.add(r.code());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_representatives_verb_is_used_by_some_scenario_line() throws IOException {
    String scripts = scripts();
    RepresentativeVerbs verbs = new RepresentativeVerbs(ScriptVocabulary.standard());
    List<String> missing = new ArrayList<>();
    for (String verb : verbs.commands().keySet()) {
      if (!scripts.contains("\n" + verb + " ") && !scripts.contains(" cmd=" + verb + " ")) {
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
