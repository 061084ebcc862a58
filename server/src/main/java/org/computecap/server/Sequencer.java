package org.computecap.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.exchange.OrderAccepted;
import org.computecap.engine.journal.JournaledEngine;

/**
 * The single writer: the only thread that touches the engine and its journal. Request threads
 * enqueue commands; this thread takes every task waiting (up to a batch), applies the commands in
 * arrival order, prepares the batch's {@link Projector.Publication} for the read model, flushes the
 * journal once for the whole batch (group commit), and only then installs the publication and
 * completes the commands' futures, so no client ever hears of, or reads, a command that a crash
 * could still lose (the LMAX shape: one business thread, input journaled before output is
 * released). Reads never come here: they are answered from the {@link ReadModel} on request
 * threads.
 *
 * <p>Time: the tick of a command is the wall clock in milliseconds when this thread applies it,
 * never less than the previous tick; the engine itself reads no clock. Failure is fail-stop: if a
 * journal write or flush fails, or the engine reports a broken invariant, every waiting and later
 * task fails with 503 and {@code onFatal} is told, so the process can stop and restart from the
 * journal.
 */
final class Sequencer implements AutoCloseable, WriterContext {
  static final int MAX_BATCH = 1024;

  /** How often the writer recomputes the state hash while it is busy (it does when idle). */
  private static final long STATE_HASH_EVERY_MS = 2_000;

  /** Builds the command on the writer thread. */
  interface CommandFactory {
    Command build(WriterContext context);
  }

  /** A read of the engine state, run on the writer thread (tests and start-up only). */
  interface Query<T> {
    T run(EngineState state);
  }

  /** An applied command: its journal seq and the engine's answer. */
  record Applied(long seq, Result result) {}

  /** Told on the writer thread after every batch that applied at least one command. */
  interface BatchListener {
    void afterBatch(Projector.Publication publication);
  }

  private sealed interface Task permits Submit, Read {}

  private record Submit(CommandFactory factory, CompletableFuture<Applied> done) implements Task {}

  private record Read(Query<?> query, CompletableFuture<Object> done) implements Task {}

  private final JournaledEngine engine;
  private final Projector projector;
  private final Clock clock;
  private final BatchListener listener;
  private final Consumer<Throwable> onFatal;
  private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(1 << 16);
  private final Thread thread;
  private volatile Throwable stoppedBy;
  private volatile boolean closing;
  private volatile long flushes;
  private long lastOrderId;
  private long hashedSeq = -1;
  private long hashedAtMs;

  Sequencer(
      JournaledEngine engine,
      Projector projector,
      long lastOrderId,
      Clock clock,
      BatchListener listener,
      Consumer<Throwable> onFatal) {
    this.engine = engine;
    this.projector = projector;
    this.lastOrderId = lastOrderId;
    this.clock = clock;
    this.listener = listener;
    this.onFatal = onFatal;
    this.thread = new Thread(this::run, "computecap-writer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a command; the future completes after its batch is durable and readable. */
  CompletableFuture<Applied> submit(CommandFactory factory) {
    CompletableFuture<Applied> done = new CompletableFuture<>();
    enqueue(new Submit(factory, done), done);
    return done;
  }

  /** Queues a read of the engine state on the writer thread (tests, diagnostics). */
  @SuppressWarnings("unchecked")
  <T> CompletableFuture<T> query(Query<T> query) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    enqueue(new Read(query, done), done);
    return (CompletableFuture<T>) done;
  }

  @Override
  public long nextOrderId() {
    return lastOrderId + 1;
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

  private void run() {
    List<Task> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closing || !queue.isEmpty()) {
        Task first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          hashIfChanged(0);
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        process(batch);
        batch.clear();
        hashIfChanged(STATE_HASH_EVERY_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      stoppedBy = e;
      for (Task t : batch) {
        future(t).completeExceptionally(stopped());
      }
      Task t;
      while ((t = queue.poll()) != null) {
        future(t).completeExceptionally(stopped());
      }
      onFatal.accept(e);
    }
  }

  /** Publishes the state hash when the state moved and {@code minAgeMs} passed since the last. */
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
    List<Object> answers = new ArrayList<>(batch.size());
    List<Projector.Applied> applied = new ArrayList<>();
    for (Task task : batch) {
      if (task instanceof Submit s) {
        Object answer = apply(s, state);
        answers.add(answer);
        if (answer instanceof Applied a) {
          applied.add(new Projector.Applied(a.seq(), state.lastTick(), a.result()));
        }
      } else {
        answers.add(null);
      }
    }
    Projector.Publication publication = null;
    if (!applied.isEmpty()) {
      publication =
          projector.prepare(
              state, applied, engine.journal().size(), engine.journal().headHash(), false);
      engine.flush();
      flushes++;
      publication.install();
    }
    for (int i = 0; i < batch.size(); i++) {
      Task task = batch.get(i);
      if (task instanceof Submit s) {
        Object a = answers.get(i);
        if (a instanceof Applied ok) {
          s.done().complete(ok);
        } else {
          s.done().completeExceptionally((Throwable) a);
        }
      } else if (task instanceof Read r) {
        try {
          r.done().complete(r.query().run(state));
        } catch (RuntimeException e) {
          r.done().completeExceptionally(e);
        }
      }
    }
    if (publication != null && listener != null) {
      listener.afterBatch(publication);
    }
  }

  /** Applies one command: an {@link Applied}, or the exception that refused it as malformed. */
  private Object apply(Submit s, EngineState state) {
    Command command;
    try {
      command = s.factory().build(this);
    } catch (IllegalArgumentException | ApiException e) {
      return e;
    }
    long tick = Math.max(state.lastTick(), clock.millis());
    Result result;
    try {
      result = engine.submit(tick, command);
    } catch (IllegalArgumentException e) {
      return e;
    }
    if (result.isAccepted()) {
      for (Event e : result.events()) {
        if (e instanceof OrderAccepted o) {
          lastOrderId = Math.max(lastOrderId, o.orderId());
        }
      }
    }
    return new Applied(state.seq(), result);
  }

  private static CompletableFuture<?> future(Task t) {
    return t instanceof Submit s ? s.done() : ((Read) t).done();
  }

  private ApiException stopped() {
    return new ApiException(
        503,
        "SERVER_STOPPED",
        "the server stopped"
            + (stoppedBy == null ? "" : " after a fatal error: " + stoppedBy.getMessage())
            + "; it restarts from its journal",
        null);
  }

  /** How many batches have been made durable (one journal flush each). */
  long flushes() {
    return flushes;
  }

  /** Whether the writer stopped on a fatal error. */
  Throwable stoppedBy() {
    return stoppedBy;
  }

  /** Finishes the tasks already queued, then stops the writer thread. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
