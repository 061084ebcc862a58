package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.journal.Verification;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationJournalTest {

  @Test
  void the_journal_verifies_and_replays_to_the_runs_state_hash(@TempDir Path dir) {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "insurance.yaml"));
    Path file = dir.resolve("journal");
    SimulationResult r = Simulator.run(s, file, null);
    Verification v = JournalFile.verify(file);
    assertThat(v.intact()).as(v.summary()).isTrue();
    assertThat(v.entries()).isEqualTo(r.journalEntries());
    try (FileJournal journal = FileJournal.open(file)) {
      Engine replayed = Replay.rebuild(journal, ProgramParser.standard(), CommandCodec.standard());
      assertThat(Replay.hex(replayed.stateHash())).isEqualTo(r.stateHash());
    }
  }

  @Test
  void orders_respect_the_programs_tick_and_lot_sizes() {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "p2-deterrence.yaml"));
    Scenario coarse =
        ScenarioLoader.withProgramValues(
            s, java.util.Map.of("exchange.tickCents", "25", "exchange.lotPermits", "10"));
    SimulationResult r = Simulator.run(coarse, null, null);
    assertThat(r.trades())
        .isNotEmpty()
        .allSatisfy(
            t -> {
              assertThat(t.priceCents() % 25).isZero();
              assertThat(t.quantity() % 10).isZero();
            });
    for (PeriodResult p : r.periods().subList(0, 3)) {
      assertThat(p.priceError()).isLessThan(0.02);
    }
  }

  @Test
  void a_run_with_a_journal_file_ends_in_the_same_state_as_one_in_memory(@TempDir Path dir) {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "leakage.yaml"));
    SimulationResult onDisk = Simulator.run(s, dir.resolve("journal"), null);
    SimulationResult inMemory = Simulator.run(s, null, null);
    assertThat(onDisk.stateHash()).isEqualTo(inMemory.stateHash());
    assertThat(onDisk.periods()).isEqualTo(inMemory.periods());
  }
}
