package org.computecap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.ShippedScenarios;

/**
 * What a {@code --scenario} value means: a file when one exists at that path (relative to the
 * working directory), otherwise the name of a scenario shipped inside the jar ({@code default},
 * {@code p2-deterrence}, ...), so the CLI runs from any directory. A value that is neither is bad
 * input naming the option and where to find the names.
 */
final class ScenarioOption {

  private ScenarioOption() {}

  static Scenario load(String option, String value) {
    Path file = path(value);
    if (file != null && Files.isRegularFile(file)) {
      return ScenarioLoader.load(file);
    }
    if (ShippedScenarios.exists(value)) {
      return ShippedScenarios.load(value);
    }
    throw new IllegalArgumentException(
        option + ": no such file or shipped scenario: " + value + " (computecap scenarios list)");
  }

  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }
}
