package org.computecap.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Serial numbers' scenario scripts ({@code registry-serials*.txt}) must use every serial
 * expectation (issue 15; serials add no command and no rejection).
 */
class SerialScriptCoverageTest {
  @Test
  void every_serial_expectation_is_used_by_a_serial_scenario() throws IOException {
    assertThat(ScriptCoverage.missing("registry-serials", null, null, new SerialVerbs())).isEmpty();
  }
}
