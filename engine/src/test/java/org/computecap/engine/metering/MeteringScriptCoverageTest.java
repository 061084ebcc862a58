package org.computecap.engine.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.MeteringVerbs;
import org.computecap.engine.script.ScriptCoverage;
import org.junit.jupiter.api.Test;

/**
 * Attested metering's scenario scripts ({@code metering-*.txt}) must exercise every verb and every
 * rejection code of its section (issue 17).
 */
class MeteringScriptCoverageTest {
  @Test
  void every_metering_rejection_code_and_verb_is_used_by_a_metering_scenario() throws IOException {
    assertThat(
            ScriptCoverage.missing(
                "metering-",
                Rejection.METERING_NOT_IN_PROGRAM,
                Rejection.METER_READING_OVERLAP,
                new MeteringVerbs()))
        .isEmpty();
  }
}
