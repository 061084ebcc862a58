package org.computecap.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedScenariosTest {

  @Test
  void every_scenario_of_the_repository_is_shipped_by_name() throws Exception {
    List<String> onDisk;
    try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
      onDisk =
          s.map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".yaml"))
              .map(f -> f.substring(0, f.length() - 5))
              .sorted()
              .toList();
    }
    assertThat(ShippedScenarios.names()).isEqualTo(onDisk).contains("default", "p2-deterrence");
  }

  @Test
  void a_shipped_scenario_loads_with_its_program_read_from_the_jar() throws Exception {
    Scenario shipped = ShippedScenarios.load("default");
    Scenario file = ScenarioLoader.load(Path.of("..", "scenarios", "default.yaml"));
    assertThat(shipped).isEqualTo(file);
    assertThat(ShippedScenarios.load("default.yaml")).isEqualTo(file);
  }

  @Test
  void an_unknown_name_is_refused_listing_the_shipped_ones() {
    assertThat(ShippedScenarios.exists("nonesuch")).isFalse();
    assertThat(ShippedScenarios.exists("../pom.xml")).isFalse();
    assertThatThrownBy(() -> ShippedScenarios.load("nonesuch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no shipped scenario named nonesuch")
        .hasMessageContaining("default");
  }

  @Test
  void the_names_are_listed_from_inside_a_jar_too(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("scenarios.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry :
          new String[] {
            "org/computecap/sim/scenarios/b.yaml",
            "org/computecap/sim/scenarios/a.yaml",
            "org/computecap/sim/scenarios/programs/p.yaml",
            "org/computecap/sim/scenarios/notes.txt"
          }) {
        out.putNextEntry(new JarEntry(entry));
        out.write("name: x\n".getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    URL root = new URL("jar:" + jar.toUri() + "!/org/computecap/sim/scenarios/");
    assertThat(ShippedScenarios.names(root)).containsExactly("a", "b");
  }
}
