package org.computecap.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.computecap.engine.EngineState;
import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.journal.JournaledEngine;

/**
 * The single writer: the only thread that touches the engine, its journal and the read model.
 * Request threads enqueue tasks; this thread takes every task waiting (up to a batch), applies the
 * commands in arrival order, flushes the journal once for the whole batch (group commit), and only
 * then completes the commands' futures, so no client ever hears of a command that a crash could
 * still lose. Queries in the batch run after the flush, on the same thread, so they read a
 * consistent, durable state without locks (the LMAX shape: one business thread, input journaled
 * before output is released).
 *
 * <p>Time: the tick of a command is the wall clock in milliseconds when this thread applies it,
 * never less than the previous tick; the engine itself reads no clock. Failure is fail-stop: if a
 * journal write or flush fails, or the engine reports a broken invariant, every waiting and later
 * task fails with 503 and {@code onFatal} is told, so the process can stop and restart from the
 * journal.
 */
final class Sequencer implements AutoCloseable {
  static final int MAX_BATCH = 1024;

  /** Builds the command on the writer thread (e.g. to assign the next order id). */
  interface CommandFactory {
    Command build(ReadModel model);
  }

  /** A read of the engine state and the read model, run on the writer thread. */
  interface Query<T> {
    T run(EngineState state, ReadModel model);
  }

  /** An applied command: its journal seq and the engine's answer. */
  record Applied(long seq, Result result) {}

  /** Called on the writer thread after every batch that applied at least one command. */
  interface BatchListener {
    void afterBatch(
        EngineState state, ReadModel model, int tradesBefore, long headSeq, byte[] headHash);
  }

  private sealed interface Task permits Submit, Read {}

  private record Submit(CommandFactory factory, CompletableFuture<Applied> done) implements Task {}

  private record Read(Query<?> query, CompletableFuture<Object> done) implements Task {}

  private final JournaledEngine engine;
  private final ReadModel model;
  private final Clock clock;
  private final BatchListener listener;
  private final Consumer<Throwable> onFatal;
  private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(1 << 16);
  private final Thread thread;
  private volatile Throwable stoppedBy;
  private volatile boolean closing;
  private volatile long flushes;

  Sequencer(
      JournaledEngine engine,
      ReadModel model,
      Clock clock,
      BatchListener listener,
      Consumer<Throwable> onFatal) {
    this.engine = engine;
    this.model = model;
    this.clock = clock;
    this.listener = listener;
    this.onFatal = onFatal;
    this.thread = new Thread(this::run, "computecap-writer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a command; the future completes after its batch is durable. */
  CompletableFuture<Applied> submit(CommandFactory factory) {
    CompletableFuture<Applied> done = new CompletableFuture<>();
    enqueue(new Submit(factory, done), done);
    return done;
  }

  /** Queues a read; the future completes with its value, read after the batch is durable. */
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

  private void run() {
    List<Task> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closing || !queue.isEmpty()) {
        Task first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        process(batch);
        batch.clear();
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

  private void process(List<Task> batch) {
    EngineState state = engine.engine().state();
    int tradesBefore = model.trades.size();
    List<Object> answers = new ArrayList<>(batch.size());
    boolean applied = false;
    for (Task task : batch) {
      if (task instanceof Submit s) {
        answers.add(apply(s, state));
        applied |= answers.get(answers.size() - 1) instanceof Applied;
      } else {
        answers.add(null);
      }
    }
    if (applied) {
      engine.flush();
      flushes++;
      model.headSeq = engine.journal().size();
      model.headHash = engine.journal().headHash();
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
          r.done().complete(r.query().run(state, model));
        } catch (RuntimeException e) {
          r.done().completeExceptionally(e);
        }
      }
    }
    if (applied && listener != null) {
      listener.afterBatch(
          state, model, tradesBefore, engine.journal().size(), engine.journal().headHash());
    }
  }

  /** Applies one command: an {@link Applied}, or the exception that refused it as malformed. */
  private Object apply(Submit s, EngineState state) {
    Command command;
    try {
      command = s.factory().build(model);
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
    model.apply(tick, result);
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
