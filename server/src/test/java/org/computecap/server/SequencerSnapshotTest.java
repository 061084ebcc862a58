package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.junit.jupiter.api.Test;

/**
 * The writer snapshots only at a point where the engine and the read model agree: every batch
 * applied is durable and installed (the model's head is the journal's size), periodically while
 * commands flow through the pipelined commit, and once more when it stops.
 */
class SequencerSnapshotTest {
  @Test
  void every_snapshot_sees_all_batches_durable_and_installed() throws Exception {
    Path dir = Files.createTempDirectory("computecap-sequencer-snapshots");
    FileJournal journal = FileJournal.create(dir.resolve("journal.ccj"));
    JournaledEngine engine =
        new JournaledEngine(new Engine(ProgramParser.standard()), journal, CommandCodec.standard());
    engine.submit(0, new OpenMarket(Files.readString(Harness.program()), 1));
    engine.flush();
    ReadModel model = new ReadModel(dir.resolve("read-model"));
    Sequencer s = new Sequencer(engine, new Projector(model), Clock.systemUTC(), null, e -> {});
    // {journal size, durable size, the read model's head} at each snapshot.
    List<long[]> seen = new CopyOnWriteArrayList<>();
    s.snapshots(
        () -> seen.add(new long[] {journal.size(), journal.durableSize(), model.head.seq()}),
        50,
        0,
        1);
    s.start();
    try {
      s.submit(new OpenAccount(1, "alice", Role.PARTICIPANT)).get(30, TimeUnit.SECONDS);
      for (int wave = 0; wave < 4; wave++) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          all.add(s.submit(new DepositCash(1, 1)));
        }
        for (CompletableFuture<?> f : all) {
          f.get(30, TimeUnit.SECONDS);
        }
      }
      // Fewer than 50 entries after the last periodic snapshot: only the stop writes one more.
      s.submit(new DepositCash(1, 1)).get(30, TimeUnit.SECONDS);
    } finally {
      s.close();
      engine.close();
      model.close();
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
    for (long[] at : seen) {
      assertThat(at[1]).as("durable").isEqualTo(at[0]);
      assertThat(at[2]).as("installed").isEqualTo(at[0]);
    }
    // The last one was taken as the writer stopped, at the journal's end.
    assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(journal.size()).isEqualTo(403);
  }
}
