package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.AllocationVerbs;
import org.computecap.engine.script.AuctionVerbs;
import org.computecap.engine.script.ComplianceVerbs;
import org.computecap.engine.script.ScriptVerbs;
import org.junit.jupiter.api.Test;

/** The rules scenario scripts must exercise every rules command verb and rejection code. */
class RulesScriptCoverageTest {
  static final Path SCRIPTS = Path.of("src/test/resources/scripts");

  static String rulesScripts() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt")
            && (name.startsWith("allocation-")
                || name.startsWith("auction-")
                || name.startsWith("compliance-"))) {
          all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return all.toString();
  }

  @Test
  void every_rules_rejection_code_is_expected_by_some_scenario_line() throws IOException {
    String scripts = rulesScripts();
    List<String> missing = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      boolean rules =
          r.ordinal() >= Rejection.PERIOD_OUTSIDE_PROGRAM.ordinal()
                  && r.ordinal() <= Rejection.NO_PENALTY_OUTSTANDING.ordinal()
              || r == Rejection.CAP_EXCEEDED
              || r.ordinal() >= Rejection.COLLATERAL_NOT_REQUIRED.ordinal()
                  && r.ordinal() <= Rejection.OBLIGATIONS_OUTSTANDING.ordinal();
      if (rules && !scripts.contains("-> REJECT " + r.code() + "\n")) {
        missing.add(r.code());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_rules_command_verb_is_used_by_some_scenario_line() throws IOException {
    String scripts = rulesScripts();
    List<String> missing = new ArrayList<>();
    for (ScriptVerbs verbs :
        List.of(new AllocationVerbs(), new AuctionVerbs(), new ComplianceVerbs())) {
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
    }
    assertThat(missing).isEmpty();
  }
}
