package org.computecap.engine.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.MeteringVerbs;
import org.junit.jupiter.api.Test;

/**
 * Attested metering's scenario scripts ({@code metering-*.txt}) must exercise every verb and every
 * rejection code of its section (issue 17).
 */
class MeteringScriptCoverageTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");

  @Test
  void every_metering_rejection_code_and_verb_is_used_by_a_metering_scenario() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("metering-") && name.endsWith(".txt")) {
          all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    String scripts = all.toString();
    List<String> missing = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      if (r.ordinal() >= Rejection.METERING_NOT_IN_PROGRAM.ordinal()
          && r.ordinal() <= Rejection.METER_READING_OVERLAP.ordinal()
          && !scripts.contains("-> REJECT " + r.code() + "\n")) {
        missing.add(r.code());
      }
    }
    MeteringVerbs verbs = new MeteringVerbs();
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
