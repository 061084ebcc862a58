package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.registry.Role;
import org.junit.jupiter.api.Test;

/**
 * The single writer's promises: a command is acknowledged only once the journal holds it durably
 * (flushed), and a journal that cannot flush stops the writer: the waiting command and every later
 * one fail with 503 instead of being acknowledged.
 */
class SequencerTest {
  /** A journal that counts what is durable and can be told to fail its next flush. */
  static final class WatchedJournal implements Journal {
    final InMemoryJournal inner = new InMemoryJournal();
    volatile long durable;
    volatile boolean failFlush;

    @Override
    public JournalEntry append(long tick, byte[] command) {
      return inner.append(tick, command);
    }

    @Override
    public void flush() {
      if (failFlush) {
        throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
      }
      inner.flush();
      durable = inner.size();
    }

    @Override
    public long size() {
      return inner.size();
    }

    @Override
    public byte[] headHash() {
      return inner.headHash();
    }

    @Override
    public void forEach(Consumer<JournalEntry> visitor) {
      inner.forEach(visitor);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private static Sequencer sequencer(WatchedJournal journal, Consumer<Throwable> onFatal)
      throws Exception {
    Engine engine = new Engine(ProgramParser.standard());
    JournaledEngine je = new JournaledEngine(engine, journal, CommandCodec.standard());
    je.submit(0, new OpenMarket(Files.readString(Harness.program()), 1));
    je.flush();
    ReadModel model = new ReadModel(Files.createTempDirectory("computecap-sequencer"));
    return new Sequencer(je, new Projector(model), 0, Clock.systemUTC(), null, onFatal);
  }

  @Test
  void no_command_is_acknowledged_before_its_batch_is_flushed() throws Exception {
    WatchedJournal journal = new WatchedJournal();
    try (Sequencer s = sequencer(journal, e -> {})) {
      s.start();
      s.submit(m -> new OpenAccount(1, "alice", Role.PARTICIPANT)).get(30, TimeUnit.SECONDS);
      List<CompletableFuture<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        checks.add(s.submit(m -> new DepositCash(1, 1)).thenApply(a -> a.seq() <= journal.durable));
      }
      for (CompletableFuture<Boolean> c : checks) {
        assertThat(c.get(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void a_journal_that_cannot_flush_stops_the_writer_and_acknowledges_nothing() throws Exception {
    WatchedJournal journal = new WatchedJournal();
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    CompletableFuture<Throwable> told = new CompletableFuture<>();
    try (Sequencer s =
        sequencer(
            journal,
            e -> {
              fatal.set(e);
              told.complete(e);
            })) {
      s.start();
      journal.failFlush = true;
      CompletableFuture<Sequencer.Applied> lost =
          s.submit(m -> new OpenAccount(1, "alice", Role.PARTICIPANT));
      Throwable why = catchFailure(lost);
      assertThat(why).isInstanceOf(ApiException.class);
      assertThat(((ApiException) why).status()).isEqualTo(503);
      assertThat(told.get(30, TimeUnit.SECONDS)).hasMessageContaining("disk gone");
      Throwable later = catchFailure(s.submit(m -> new DepositCash(1, 1)));
      assertThat(((ApiException) later).code()).isEqualTo("SERVER_STOPPED");
      assertThat(s.stoppedBy()).isSameAs(fatal.get());
    }
  }

  private static Throwable catchFailure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + f.join());
  }
}
