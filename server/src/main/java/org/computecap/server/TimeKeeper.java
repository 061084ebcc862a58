package org.computecap.server;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.computecap.engine.command.AdvanceTime;

/**
 * Moves the engine's logical time on from the server's clock (issue 15): when a delayed transfer
 * falls due or an approval window closes (the read model knows the earliest such tick), it sends
 * one journaled {@code AdvanceTime}, which the sequencer stamps with the clock's tick, so a replay
 * executes exactly what the running server did, at the same point of the journal. It sends nothing
 * while nothing is due, so a market without representatives never sees the command.
 */
final class TimeKeeper implements AutoCloseable {
  /** How often the keeper looks at the clock. */
  static final long STEP_MS = 250;

  private final Sequencer sequencer;
  private final ReadModel model;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final AtomicBoolean inFlight = new AtomicBoolean();

  private TimeKeeper(Sequencer sequencer, ReadModel model, Clock clock) {
    this.sequencer = sequencer;
    this.model = model;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "computecap-time");
              t.setDaemon(true);
              return t;
            });
  }

  /** A keeper looking at the clock every {@link #STEP_MS}. */
  static TimeKeeper start(Sequencer sequencer, ReadModel model, Clock clock) {
    TimeKeeper k = new TimeKeeper(sequencer, model, clock);
    k.timer.scheduleWithFixedDelay(k::step, STEP_MS, STEP_MS, TimeUnit.MILLISECONDS);
    return k;
  }

  private void step() {
    if (model.representatives.nextDueTick() > clock.millis()
        || !inFlight.compareAndSet(false, true)) {
      return;
    }
    try {
      sequencer.submit(new AdvanceTime()).whenComplete((applied, error) -> inFlight.set(false));
    } catch (RuntimeException e) {
      // The sequencer stopped or is full: the next step tries again.
      inFlight.set(false);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
