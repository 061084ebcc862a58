package org.computecap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.computecap.engine.archfixture.LeakyState;
import org.junit.jupiter.api.Test;

/** The architecture rules catch what they are meant to, shown on a class written against them. */
class ArchitectureGuardsTest {
  @Test
  void a_public_method_that_changes_a_feature_state_breaks_the_read_side_rule() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyState.class);
    EvaluationResult result =
        EngineArchitectureTest.the_public_methods_of_the_state_change_nothing.evaluate(leaky);
    List<String> details = result.getFailureReport().getDetails();
    assertThat(details)
        .anyMatch(d -> d.contains("LeakyState.bump()") && d.contains("writes"))
        .anyMatch(d -> d.contains("LeakyState.remember(long)") && d.contains("TreeMap.put"))
        .anyMatch(d -> d.contains("LeakyState.bumpTwice()") && d.contains("increment()"))
        .noneMatch(d -> d.contains("LeakyState.count()"))
        .noneMatch(d -> d.contains("LeakyState.noteCheck()"))
        .noneMatch(d -> d.contains("LeakyState.checkInvariants"));
  }

  @Test
  void the_engines_own_state_types_pass_the_read_side_rule() {
    JavaClasses engine =
        new ClassFileImporter()
            .importClasses(
                EngineState.class,
                org.computecap.engine.registry.Registry.class,
                org.computecap.engine.exchange.ExchangeState.class);
    assertThat(
            EngineArchitectureTest.the_public_methods_of_the_state_change_nothing
                .evaluate(engine)
                .hasViolation())
        .isFalse();
  }
}
