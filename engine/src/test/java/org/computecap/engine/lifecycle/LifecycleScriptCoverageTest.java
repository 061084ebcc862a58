package org.computecap.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.LifecycleVerbs;
import org.computecap.engine.script.ScriptCoverage;
import org.junit.jupiter.api.Test;

/**
 * The registry controls' scenario scripts ({@code lifecycle-*.txt}) must exercise every verb and
 * every rejection code of their section (issue 15: the compliance calendar and the account
 * lifecycle).
 */
class LifecycleScriptCoverageTest {
  @Test
  void every_registry_controls_rejection_code_and_verb_is_used_by_a_lifecycle_scenario()
      throws IOException {
    assertThat(
            ScriptCoverage.missing(
                "lifecycle-",
                Rejection.SURRENDER_DEADLINE_PASSED,
                Rejection.REVERSAL_EXCEEDS_ALLOCATION,
                new LifecycleVerbs()))
        .isEmpty();
  }
}
