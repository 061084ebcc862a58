package org.computecap.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs an experiment's runs on a fixed pool of threads. Runs share nothing (one engine each), so
 * they scale with cores; results are handed over on the calling thread as they complete.
 */
public final class ThreadExecutor implements RunExecutor {
  private final int threads;

  public ThreadExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    this.threads = threads;
  }

  @Override
  public void execute(List<RunTask> tasks, Consumer<RunRows> done) {
    if (tasks.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()));
    try {
      CompletionService<RunRows> completion = new ExecutorCompletionService<>(pool);
      List<Future<RunRows>> futures = new ArrayList<>();
      for (RunTask t : tasks) {
        futures.add(completion.submit(t::run));
      }
      for (int i = 0; i < tasks.size(); i++) {
        done.accept(completion.take().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("experiment interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public String describe() {
    return threads + (threads == 1 ? " thread" : " threads");
  }
}
