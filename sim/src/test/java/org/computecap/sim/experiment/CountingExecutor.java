package org.computecap.sim.experiment;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Counts the runs it is asked to do, then does them on one thread: what a test of resuming reads (a
 * re-run that resumes asks for none).
 */
public final class CountingExecutor implements RunExecutor {
  private final AtomicInteger runs = new AtomicInteger();
  private final ThreadExecutor inner = new ThreadExecutor(1);

  @Override
  public void execute(List<RunTask> tasks, Consumer<RunRows> done) {
    runs.addAndGet(tasks.size());
    inner.execute(tasks, done);
  }

  @Override
  public String describe() {
    return "counting";
  }

  /** The runs it has been asked to do so far. */
  public int runs() {
    return runs.get();
  }
}
