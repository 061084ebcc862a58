package org.computecap.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.computecap.engine.EngineState;
import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournaledEngine;

/**
 * The single writer: the only thread that touches the engine and its journal. Request threads
 * enqueue commands; this thread takes every task waiting (up to a batch), applies the commands in
 * arrival order, prepares the batch's {@link Projector.Publication} for the read model, and commits
 * the journal once for the whole batch (group commit). No answer leaves, and nothing of the batch
 * becomes readable, before the journal is durable up to the batch: then the publication is
 * installed and only after it the answers go out, so no client ever hears of a command, or reads a
 * state, that a crash could still lose, and a client reads its own writes (the LMAX shape: one
 * business thread, input journaled before output is released). Queries do not come here: they are
 * answered from the {@link ReadModel} on request threads.
 *
 * <p>The commit is pipelined, the journal's fastest path ({@link Journal#commit}, {@link
 * Journal#syncNext}): the writer hands the batch to a sync thread ({@code computecap-sync}) and
 * goes on with the next batch while the disk forces the last one; commands that arrive meanwhile
 * join the batch after it, so one fsync covers everything that arrived during the one before. Each
 * batch's answers wait in order in {@code releases} and go out (on whichever thread sees the
 * journal durable far enough first) once {@link Journal#durableSize} covers the batch. A journal
 * whose commit is synchronous (PostgreSQL) is durable when commit returns, and needs no sync
 * thread. The writer seals each batch's chain hashes itself before committing, so it knows the head
 * hash it reports without waiting for the disk.
 *
 * <p>Time: the tick of a command is the wall clock in milliseconds when this thread applies it,
 * never less than the previous tick; the engine itself reads no clock. Failure is fail-stop: if a
 * journal write or sync fails, or the engine reports a broken invariant, every waiting and later
 * task fails with 503 and {@code onFatal} is told, so the process can stop and restart from the
 * journal.
 */
final class Sequencer implements AutoCloseable {
  static final int MAX_BATCH = 1024;

  /** How often the writer recomputes the state hash while it is busy (it does when idle). */
  private static final long STATE_HASH_EVERY_MS = 2_000;

  /** A read of the engine state, run on the writer thread (tests and diagnostics only). */
  interface Query<T> {
    T run(EngineState state);
  }

  /** An applied command: its journal seq and the engine's answer. */
  record Applied(long seq, Result result) {}

  /** Told, in batch order, of every batch that applied a command, once it is durable. */
  interface BatchListener {
    void afterDurable(Projector.Publication publication);
  }

  /**
   * Writes a state snapshot; called on the writer thread between batches, with everything applied
   * durable and installed in the read model, so the engine and the model agree at the journal's
   * size. A failure is reported by the snapshotter and never stops the writer.
   */
  interface Snapshotter {
    void write();
  }

  /** The last entry known durable and its hash: what a checkpoint may vouch for. */
  record DurableHead(long seq, byte[] hash) {}

  private sealed interface Task permits Submit, Read, Wake {}

  private record Submit(Command command, CompletableFuture<Applied> done) implements Task {}

  private record Read(Query<?> query, CompletableFuture<Object> done) implements Task {}

  /** From the sync thread: a batch is durable, so the journal can take the next one. */
  private record Wake() implements Task {}

  private static final Wake WAKE = new Wake();

  /** An answer that is a failure (a malformed command, a failed query). */
  private record Failed(Throwable cause) {}

  /**
   * One batch's answers, released together once the journal is durable up to {@code seq}: its
   * publication installed first, then the answers, then the listener told.
   */
  private record Release(
      long seq,
      byte[] head,
      List<CompletableFuture<?>> futures,
      List<Object> answers,
      Projector.Publication publication) {}

  private final JournaledEngine engine;
  private final Journal journal;
  private final Projector projector;
  private final Clock clock;
  private final BatchListener listener;
  private final Consumer<Throwable> onFatal;
  private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(1 << 16);
  private final ConcurrentLinkedQueue<Release> releases = new ConcurrentLinkedQueue<>();
  private final AtomicLong durableSeen = new AtomicLong();
  private final AtomicBoolean releasing = new AtomicBoolean();
  private final AtomicLong durableAdvances = new AtomicLong();
  private final Thread writer;
  private final Thread syncer;
  private volatile DurableHead durableHead;

  /** The journal's size as the writer last committed it; read by the sync thread. */
  private volatile long appended;

  private volatile Throwable stoppedBy;
  private volatile boolean closing;
  private long hashedSeq = -1;
  private long hashedAtMs;

  private Snapshotter snapshotter;
  private long snapshotEvery;
  private long snapshotMinMs;
  private long snapshotSeq;
  private long snapshotAtMs;
  private final AtomicReference<CompletableFuture<Long>> snapshotAsked = new AtomicReference<>();

  Sequencer(
      JournaledEngine engine,
      Projector projector,
      Clock clock,
      BatchListener listener,
      Consumer<Throwable> onFatal) {
    this.engine = engine;
    this.journal = engine.journal();
    this.projector = projector;
    this.clock = clock;
    this.listener = listener;
    this.onFatal = onFatal;
    // Whatever the journal holds when the writer takes over was replayed or flushed: durable.
    this.durableHead = new DurableHead(journal.size(), journal.headHash());
    this.durableSeen.set(journal.size());
    this.writer = new Thread(this::runWriter, "computecap-writer");
    this.writer.setDaemon(true);
    this.syncer = new Thread(this::runSyncer, "computecap-sync");
    this.syncer.setDaemon(true);
  }

  /**
   * Has the writer snapshot the state through {@code s} once {@code everyEntries} entries were
   * added since the last snapshot (at {@code lastSeq}: the one the start restored, or 0) and at
   * least {@code minIntervalMs} passed, when asked ({@link #snapshotNow}), and when it stops.
   * Before {@link #start}.
   */
  void snapshots(Snapshotter s, long everyEntries, long minIntervalMs, long lastSeq) {
    this.snapshotter = s;
    this.snapshotEvery = everyEntries;
    this.snapshotMinMs = minIntervalMs;
    this.snapshotSeq = lastSeq;
    this.snapshotAtMs = clock.millis();
  }

  /** Asks the writer for a snapshot now; completes with its seq once it is written. */
  CompletableFuture<Long> snapshotNow() {
    CompletableFuture<Long> done = new CompletableFuture<>();
    if (stoppedBy != null || closing) {
      done.completeExceptionally(stopped());
      return done;
    }
    if (snapshotter == null) {
      done.completeExceptionally(new IllegalStateException("this server writes no snapshots"));
      return done;
    }
    CompletableFuture<Long> earlier = snapshotAsked.getAndSet(done);
    if (earlier != null) {
      done.whenComplete((seq, e) -> earlier.complete(seq));
    }
    queue.offer(WAKE);
    return done;
  }

  void start() {
    syncer.start();
    writer.start();
  }

  /** Queues a command; the future completes after its batch is durable. */
  CompletableFuture<Applied> submit(Command command) {
    CompletableFuture<Applied> done = new CompletableFuture<>();
    enqueue(new Submit(command, done), done);
    return done;
  }

  /**
   * Queues a read of the engine state on the writer thread; the future completes with its value,
   * read after the commands queued before it and released once they are durable.
   */
  @SuppressWarnings("unchecked")
  <T> CompletableFuture<T> query(Query<T> query) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    enqueue(new Read(query, done), done);
    return (CompletableFuture<T>) done;
  }

  private void enqueue(Task task, CompletableFuture<?> done) {
    if (stoppedBy != null || closing) {
      done.completeExceptionally(stopped());
      return;
    }
    if (!queue.offer(task)) {
      done.completeExceptionally(
          new ApiException(503, "OVERLOADED", "the command queue is full; retry later", null));
    }
  }

  private void runWriter() {
    List<Task> batch = new ArrayList<>(MAX_BATCH);
    try {
      while ((!closing || !queue.isEmpty()) && stoppedBy == null) {
        Task first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          hashIfChanged(0);
          snapshotIfDue(false);
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        process(batch);
        batch.clear();
        hashIfChanged(STATE_HASH_EVERY_MS);
        snapshotIfDue(false);
      }
      if (stoppedBy == null) {
        // Closing: everything applied becomes durable and answered before the writer ends.
        engine.flush();
        release(journal.durableSize());
        snapshotIfDue(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      for (Task t : batch) {
        if (!(t instanceof Wake)) {
          future(t).completeExceptionally(stopped(e));
        }
      }
      fail(e);
    }
  }

  /**
   * The sync thread: forces each batch the writer handed over and answers what that made durable
   * (so the writer never waits on either), then wakes the writer if it appended more than it could
   * hand over while this batch was in flight. Ends at once for a journal whose commit is
   * synchronous, and when the journal closes or fails.
   */
  private void runSyncer() {
    try {
      while (journal.syncNext()) {
        long durable = journal.durableSize();
        release(durable);
        // The writer publishes appended before it commits, so a batch that missed the hand-over
        // is seen here; a full queue needs no wake-up, the writer commits after every batch.
        if (appended > durable) {
          queue.offer(WAKE);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      fail(e);
    }
  }

  /**
   * Writes a snapshot when one was asked for, or enough entries and time passed since the last, or
   * ({@code closing}) the state moved since the last: first makes every batch durable and installed
   * (the snapshot covers the engine and the read model at one seq), then writes on this thread.
   */
  private void snapshotIfDue(boolean closing) {
    if (snapshotter == null) {
      return;
    }
    CompletableFuture<Long> asked = snapshotAsked.getAndSet(null);
    long size = journal.size();
    boolean due =
        asked != null
            || (closing && size > snapshotSeq)
            || (size - snapshotSeq >= snapshotEvery
                && clock.millis() - snapshotAtMs >= snapshotMinMs);
    if (!due) {
      return;
    }
    engine.flush();
    release(journal.durableSize());
    while (!releases.isEmpty() && stoppedBy == null) {
      // The sync thread may be draining the last batches; it installs them in order.
      Thread.onSpinWait();
    }
    if (size > snapshotSeq || asked != null) {
      snapshotter.write();
    }
    snapshotSeq = size;
    snapshotAtMs = clock.millis();
    if (asked != null) {
      asked.complete(size);
    }
  }

  /** Hashes the state when it moved and {@code minAgeMs} passed since the last hash. */
  private void hashIfChanged(long minAgeMs) {
    EngineState state = engine.engine().state();
    long now = clock.millis();
    if (state.seq() != hashedSeq && now - hashedAtMs >= minAgeMs) {
      projector.stateHash(state.stateHash(), state.seq());
      hashedSeq = state.seq();
      hashedAtMs = now;
    }
  }

  private void process(List<Task> batch) {
    EngineState state = engine.engine().state();
    List<CompletableFuture<?>> futures = new ArrayList<>(batch.size());
    List<Object> answers = new ArrayList<>(batch.size());
    List<Projector.Applied> applied = new ArrayList<>();
    for (Task task : batch) {
      if (task instanceof Submit s) {
        Object a = apply(s, state);
        if (a instanceof Applied ok) {
          applied.add(Projector.Applied.of(ok.seq(), state.lastTick(), ok.result(), state));
        }
        futures.add(s.done());
        answers.add(a);
      }
    }
    byte[] head = null;
    Projector.Publication publication = null;
    if (!applied.isEmpty()) {
      head = journal.headHash();
      publication = projector.prepare(state, applied, journal.size(), head, false);
    }
    for (Task task : batch) {
      if (task instanceof Read r) {
        futures.add(r.done());
        try {
          answers.add(r.query().run(state));
        } catch (RuntimeException e) {
          answers.add(new Failed(e));
        }
      }
    }
    appended = journal.size();
    engine.commit();
    if (!futures.isEmpty() || publication != null) {
      releases.add(new Release(journal.size(), head, futures, answers, publication));
    }
    release(journal.durableSize());
  }

  /** Applies one command: an {@link Applied}, or the refusal of a malformed one. */
  private Object apply(Submit s, EngineState state) {
    long tick = Math.max(state.lastTick(), clock.millis());
    Result result;
    try {
      result = engine.submit(tick, s.command());
    } catch (IllegalArgumentException e) {
      return new Failed(e);
    }
    return new Applied(state.seq(), result);
  }

  /**
   * Releases, in batch order, every batch the journal is durable for (up to {@code durable}), or
   * fails them all once the writer stopped. Called by the writer and the sync thread; one of them
   * drains at a time, and whoever finishes draining looks again, so no batch is left behind.
   */
  private void release(long durable) {
    long before = durableSeen.getAndAccumulate(durable, Math::max);
    if (durable > before) {
      durableAdvances.incrementAndGet();
    }
    while (due() && releasing.compareAndSet(false, true)) {
      try {
        drain();
      } finally {
        releasing.set(false);
      }
    }
  }

  private boolean due() {
    Release r = releases.peek();
    return r != null && (r.seq() <= durableSeen.get() || stoppedBy != null);
  }

  private void drain() {
    Release r;
    while ((r = releases.peek()) != null) {
      if (r.seq() <= durableSeen.get()) {
        releases.poll();
        answer(r);
      } else if (stoppedBy != null) {
        releases.poll();
        for (CompletableFuture<?> f : r.futures()) {
          f.completeExceptionally(stopped());
        }
      } else {
        return;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void answer(Release r) {
    if (r.head() != null) {
      durableHead = new DurableHead(r.seq(), r.head());
    }
    if (r.publication() != null) {
      // Readable before anyone hears of it: a client that got its answer reads its own write.
      r.publication().install();
    }
    for (int i = 0; i < r.futures().size(); i++) {
      CompletableFuture<Object> f = (CompletableFuture<Object>) r.futures().get(i);
      Object a = r.answers().get(i);
      if (a instanceof Failed failed) {
        f.completeExceptionally(failed.cause());
      } else {
        f.complete(a);
      }
    }
    if (r.publication() != null && listener != null) {
      try {
        listener.afterDurable(r.publication());
      } catch (RuntimeException e) {
        // Publishing is best effort (the event hub may be closing); the answers went out.
      }
    }
  }

  /** Fail-stop: refuses everything queued and waiting, and tells {@code onFatal} once. */
  private void fail(Throwable e) {
    synchronized (this) {
      if (stoppedBy != null) {
        return;
      }
      stoppedBy = e;
    }
    Task t;
    while ((t = queue.poll()) != null) {
      if (!(t instanceof Wake)) {
        future(t).completeExceptionally(stopped());
      }
    }
    release(Long.MIN_VALUE);
    onFatal.accept(e);
  }

  private static CompletableFuture<?> future(Task t) {
    return t instanceof Submit s ? s.done() : ((Read) t).done();
  }

  private ApiException stopped() {
    return stopped(stoppedBy);
  }

  private static ApiException stopped(Throwable cause) {
    return new ApiException(
        503,
        "SERVER_STOPPED",
        "the server stopped"
            + (cause == null ? "" : " after a fatal error: " + cause.getMessage())
            + "; it restarts from its journal",
        null);
  }

  /** How many times the durable part of the journal grew (one fsync or commit each). */
  long flushes() {
    return durableAdvances.get();
  }

  /** The last entry the journal holds durably, with its hash. */
  DurableHead durableHead() {
    return durableHead;
  }

  /** Whether the writer stopped on a fatal error. */
  Throwable stoppedBy() {
    return stoppedBy;
  }

  /** Finishes the tasks already queued, makes them durable, then stops the writer thread. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
