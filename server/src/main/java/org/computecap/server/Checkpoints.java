package org.computecap.server;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.journal.Checkpoint;
import org.computecap.engine.journal.CheckpointLog;

/**
 * Signed checkpoints of the journal's durable head, written to the checkpoints file next to the
 * journal: one when the server starts, one every {@link #INTERVAL} while the head moves, and one
 * when it stops cleanly. A starting server checks its journal against the last one, and {@code
 * computecap journal verify --checkpoints} against all of them, so a journal that lost its tail or
 * had its last entries rewritten is caught; {@code GET /api/journal/checkpoint} shows the latest
 * for operators to record elsewhere, which also covers a rewrite of the checkpoints file itself.
 *
 * <p>Only a durable head is checkpointed (the writer's {@link Sequencer#durableHead}), so a crash
 * can never leave a checkpoint ahead of the journal. Writing runs on its own thread, never on the
 * writer's; a failed write is reported and retried at the next tick, since the journal, not the
 * checkpoints, is the market's record.
 */
final class Checkpoints implements AutoCloseable {
  /** How often the head is checkpointed while it moves. */
  static final Duration INTERVAL = Duration.ofSeconds(60);

  private final CheckpointLog log;
  private final KeyPair key;
  private final Clock clock;
  private final Supplier<Sequencer.DurableHead> head;
  private final PrintStream errors;
  private ScheduledExecutorService timer;

  Checkpoints(
      CheckpointLog log,
      KeyPair key,
      Clock clock,
      Supplier<Sequencer.DurableHead> head,
      PrintStream errors) {
    this.log = log;
    this.key = key;
    this.clock = clock;
    this.head = head;
    this.errors = errors;
  }

  /** Checkpoints the head every {@code interval} from a daemon thread. */
  void start(Duration interval) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "computecap-checkpoint");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      checkpointNow();
    } catch (UncheckedIOException e) {
      errors.println("computecap serve: cannot write a checkpoint: " + e.getMessage());
    }
  }

  /** Signs and appends the durable head unless the last checkpoint already has its seq. */
  synchronized Optional<Checkpoint> checkpointNow() {
    Sequencer.DurableHead h = head.get();
    Optional<Checkpoint> last = log.latest();
    if (h.seq() < 1 || (last.isPresent() && last.get().seq() >= h.seq())) {
      return last;
    }
    Checkpoint c =
        Checkpoint.sign(h.seq(), h.hash(), clock.instant().truncatedTo(ChronoUnit.MILLIS), key);
    log.append(c);
    return Optional.of(c);
  }

  /** The last checkpoint written. */
  Optional<Checkpoint> latest() {
    return log.latest();
  }

  /** The latest checkpoint as {@code GET /api/journal/checkpoint} shows it. */
  static Views.JournalCheckpoint view(Checkpoint c) {
    return new Views.JournalCheckpoint(
        c.seq(),
        CanonicalWriter.hex(c.head()),
        c.time().toString(),
        c.keyFingerprint(),
        java.util.Base64.getEncoder().encodeToString(c.publicKey()),
        java.util.Base64.getEncoder().encodeToString(c.signature()),
        c.line());
  }

  /** Stops the timer, checkpoints the final head, and closes the file. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      checkpointNow();
    } finally {
      log.close();
    }
  }
}
