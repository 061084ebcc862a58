package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.JournaledEngine;
import org.junit.jupiter.api.Test;

/**
 * The single writer's promises: a command is acknowledged, and a read answered, only once the
 * journal holds everything before it durably; the writer does not wait for the disk meanwhile
 * (pipelined commit); and a journal that cannot flush stops the writer: the waiting command and
 * every later one fail with 503 instead of being acknowledged.
 */
class SequencerTest {
  /** An in-memory journal with what the tests change about durability left to subclasses. */
  abstract static class TestJournal implements Journal {
    final InMemoryJournal inner = new InMemoryJournal();

    @Override
    public JournalEntry append(long tick, byte[] command) {
      return inner.append(tick, command);
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

  /** A journal that counts what is durable and can be told to fail its next flush. */
  static final class WatchedJournal extends TestJournal {
    volatile long durable;
    volatile boolean failFlush;

    @Override
    public void flush() {
      if (failFlush) {
        throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
      }
      inner.flush();
      durable = inner.size();
    }
  }

  /**
   * A journal that syncs in the background like the file journal, except that each sync waits for
   * the test's permit: commit hands the entries appended so far over (unless a batch is still in
   * flight), syncNext makes the handed entries durable once permitted.
   */
  static final class GatedJournal extends TestJournal {
    final Semaphore permits = new Semaphore(0);
    private long handed;
    private volatile long durable;
    private boolean closed;

    @Override
    public synchronized void commit() {
      if (handed == durable) {
        handed = inner.size();
        notifyAll();
      }
    }

    @Override
    public boolean syncNext() throws InterruptedException {
      synchronized (this) {
        while (!closed && handed == durable) {
          wait();
        }
        if (closed) {
          return false;
        }
      }
      permits.acquire();
      synchronized (this) {
        durable = handed;
      }
      return true;
    }

    @Override
    public long durableSize() {
      return durable;
    }

    @Override
    public synchronized void flush() {
      handed = inner.size();
      durable = inner.size();
    }

    @Override
    public synchronized void close() {
      closed = true;
      notifyAll();
    }
  }

  private static Sequencer sequencer(Journal journal, Consumer<Throwable> onFatal)
      throws Exception {
    Engine engine = new Engine(ProgramParser.standard());
    JournaledEngine je = new JournaledEngine(engine, journal, CommandCodec.standard());
    je.submit(0, new OpenMarket(Files.readString(Harness.program()), 1));
    je.flush();
    ReadModel model = new ReadModel(Files.createTempDirectory("computecap-sequencer"));
    return new Sequencer(je, new Projector(model), Clock.systemUTC(), null, onFatal);
  }

  @Test
  void no_command_is_acknowledged_before_its_batch_is_flushed() throws Exception {
    WatchedJournal journal = new WatchedJournal();
    try (Sequencer s = sequencer(journal, e -> {})) {
      s.start();
      s.submit(new OpenAccount(1, "alice", Role.PARTICIPANT)).get(30, TimeUnit.SECONDS);
      List<CompletableFuture<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        checks.add(s.submit(new DepositCash(1, 1)).thenApply(a -> a.seq() <= journal.durable));
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
          s.submit(new OpenAccount(1, "alice", Role.PARTICIPANT));
      Throwable why = catchFailure(lost);
      assertThat(why).isInstanceOf(ApiException.class);
      assertThat(((ApiException) why).status()).isEqualTo(503);
      assertThat(told.get(30, TimeUnit.SECONDS)).hasMessageContaining("disk gone");
      Throwable later = catchFailure(s.submit(new DepositCash(1, 1)));
      assertThat(((ApiException) later).code()).isEqualTo("SERVER_STOPPED");
      assertThat(s.stoppedBy()).isSameAs(fatal.get());
    }
  }

  @Test
  void the_writer_goes_on_while_a_batch_is_forced_and_answers_only_once_it_is_durable()
      throws Exception {
    GatedJournal journal = new GatedJournal();
    journal.flush();
    try (Sequencer s = sequencer(journal, e -> {})) {
      s.start();
      CompletableFuture<Sequencer.Applied> first =
          s.submit(new OpenAccount(1, "alice", Role.PARTICIPANT));
      awaitSize(journal, 2);
      // The first batch is being forced (the sync waits for a permit); the writer takes more.
      List<CompletableFuture<Sequencer.Applied>> more = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        more.add(s.submit(new DepositCash(1, 1)));
      }
      CompletableFuture<Long> read = s.query(st -> st.seq());
      awaitSize(journal, 22);
      Thread.sleep(50);
      assertThat(first).isNotDone();
      assertThat(read).isNotDone();
      assertThat(more).noneMatch(CompletableFuture::isDone);

      journal.permits.release();
      assertThat(first.get(30, TimeUnit.SECONDS).seq()).isEqualTo(2);
      assertThat(read).isNotDone();
      // The deposits that queued up during the first sync go to disk together in the next one.
      journal.permits.release();
      assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(22);
      for (CompletableFuture<Sequencer.Applied> f : more) {
        assertThat(f.get(30, TimeUnit.SECONDS).seq()).isBetween(3L, 22L);
      }
      assertThat(s.durableHead().seq()).isEqualTo(22);
      assertThat(s.durableHead().hash()).isEqualTo(journal.headHash());
      journal.permits.release(100);
    } finally {
      journal.close();
    }
  }

  @Test
  void over_a_file_journal_every_acknowledged_command_is_already_on_disk() throws Exception {
    Path file = Files.createTempDirectory("sequencer").resolve("journal.ccj");
    FileJournal journal = FileJournal.create(file);
    try (Sequencer s = sequencer(journal, e -> {})) {
      s.start();
      s.submit(new OpenAccount(1, "alice", Role.PARTICIPANT)).get(30, TimeUnit.SECONDS);
      List<CompletableFuture<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        // Every 100th also reads the file back: the entry is there before its answer is.
        boolean readBack = i % 100 == 0;
        checks.add(
            s.submit(new DepositCash(1, 1))
                .thenApply(
                    a ->
                        a.seq() <= journal.durableSize()
                            && (!readBack || a.seq() <= JournalFile.verify(file).entries())));
      }
      for (CompletableFuture<Boolean> c : checks) {
        assertThat(c.get(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(s.flushes()).isBetween(1L, 2_001L);
    } finally {
      journal.close();
    }
    assertThat(JournalFile.verify(file).entries()).isEqualTo(2_002);
  }

  private static void awaitSize(Journal journal, long size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (journal.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(journal.size()).isEqualTo(size);
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
