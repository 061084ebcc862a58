package org.computecap.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 18: the optional damage of compute, its defaults and its refusals. */
class ComputeDamageTest {

  private static final Path SCENARIO = Path.of("..", "scenarios", "prices-vs-quantities.yaml");

  @Test
  void without_a_damage_mapping_there_is_no_damage_and_set_adds_one() {
    Scenario s = ScenarioLoader.load(SCENARIO);
    assertThat(s.damage()).isEqualTo(ComputeDamage.NONE);
    assertThat(s.damage().cents(1e5)).isZero();
    Scenario damaged =
        ScenarioTree.load(SCENARIO)
            .with("damage.centsPerPermit", "2000")
            .with("damage.slopeCentsPerPermitSquared", "0.02")
            .scenario();
    // D(Q) = 2000·Q + 0.02·Q^2/2 cents.
    assertThat(damaged.damage().cents(1e5)).isCloseTo(2e8 + 1e8, within(1e-3));
    assertThat(damaged.withSeed(7).damage()).isEqualTo(damaged.damage());
  }

  @Test
  void a_negative_or_unknown_damage_field_is_refused_naming_it() {
    assertThatThrownBy(
            () -> ScenarioTree.load(SCENARIO).with("damage.centsPerPermit", "-1").scenario())
        .hasMessageContaining("damage.centsPerPermit")
        .hasMessageContaining("must be in [0.0, 1.0E12]");
    assertThatThrownBy(
            () ->
                ScenarioTree.load(SCENARIO)
                    .with("damage.slopeCentsPerPermitSquared", "1e13")
                    .scenario())
        .hasMessageContaining("damage.slopeCentsPerPermitSquared");
    assertThatThrownBy(() -> ScenarioTree.load(SCENARIO).with("damage.slope", "1").scenario())
        .hasMessageContaining("damage")
        .hasMessageContaining("slope");
  }
}
