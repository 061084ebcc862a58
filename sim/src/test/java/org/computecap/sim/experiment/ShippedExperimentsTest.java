package org.computecap.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedExperimentsTest {
  @Test
  void every_shipped_experiment_loads_and_every_cell_is_a_valid_scenario() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("..", "examples", "experiments"))) {
      // A policy search (parameters and objective) is loaded by PolicySearchTheoryTest.
      files =
          s.filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !org.computecap.sim.search.SearchLoader.isSearch(p))
              .sorted()
              .toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains("deterrence.yaml", "insurance-audit.yaml", "remark7.yaml");
    for (Path f : files) {
      Experiment e = ExperimentLoader.load(f);
      assertThat(ExperimentRunner.plan(e)).as(f.toString()).hasSize(e.runCount());
    }
    Experiment deterrence =
        ExperimentLoader.load(Path.of("..", "examples", "experiments", "deterrence.yaml"));
    assertThat(deterrence.cells()).hasSize(48);
    assertThat(deterrence.replications()).isEqualTo(10);
  }
}
