package org.computecap.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.RunRows;
import org.computecap.sim.experiment.RunTask;

/**
 * Runs an experiment's runs as Apache Spark tasks: each {@link RunTask} is one element of an RDD
 * with one partition per run, mapped to its rows on an executor and collected by the driver, which
 * alone writes files. Correctness under Spark's failure handling comes from the task, not from
 * Spark: a run's seed and scenario travel inside it (never a partition or task id), so a retried or
 * speculative attempt computes the same rows, and the driver takes exactly one result per (cell,
 * replication) key, so nothing is written twice.
 *
 * <p>Runs go out in waves of a few times the cluster's parallelism, so that the driver stores
 * finished runs (and the progress bar moves) while later waves run, and a failed experiment resumes
 * from the last wave.
 *
 * <p>Under spark-submit the master spark-submit was given wins; otherwise {@code master} starts an
 * embedded local Spark ({@code local[*]}) or connects to a cluster ({@code spark://host:7077}).
 */
final class SparkExecutor implements RunExecutor {
  private final SparkSession session;
  private final JavaSparkContext context;
  private final boolean failFirstAttempts;

  /**
   * @param failFirstAttempts test hook: every task's first attempt throws, so every run is a retry
   *     (the master must allow retries, e.g. {@code local[2,4]})
   */
  SparkExecutor(String master, boolean failFirstAttempts) {
    quietLogs();
    SparkConf conf = new SparkConf().setAppName("computecap experiment");
    if (!conf.contains("spark.master")) {
      conf.setMaster(master);
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    if (conf.get("spark.master").startsWith("local")) {
      // An embedded Spark talks only to itself: loopback, no ports open to the network.
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    this.session = SparkSession.builder().config(conf).getOrCreate();
    this.context = JavaSparkContext.fromSparkContext(session.sparkContext());
    this.failFirstAttempts = failFirstAttempts;
  }

  /**
   * The CLI logs through slf4j-simple; an experiment's console is its progress bar and its table,
   * so Spark's and Hadoop's start-up chatter is kept to errors unless the user asked otherwise.
   */
  private static void quietLogs() {
    for (String name : new String[] {"org.apache.spark", "org.apache.hadoop", "org.sparkproject"}) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "error");
      }
    }
  }

  @Override
  public void execute(List<RunTask> tasks, Consumer<RunRows> done) {
    int wave = Math.max(16, 4 * context.defaultParallelism());
    Set<String> seen = new HashSet<>();
    // Two waves in flight: the next one is already queued when one finishes, so task slots do
    // not idle while the driver stores results or waits for a wave's last run.
    Deque<JavaFutureAction<List<RunRows>>> inFlight = new ArrayDeque<>();
    int from = 0;
    try {
      while (from < tasks.size() || !inFlight.isEmpty()) {
        while (from < tasks.size() && inFlight.size() < 2) {
          List<RunTask> part =
              new ArrayList<>(tasks.subList(from, Math.min(tasks.size(), from + wave)));
          inFlight.add(
              context
                  .parallelize(part, part.size())
                  .map(new Run(failFirstAttempts))
                  .collectAsync());
          from += part.size();
        }
        for (RunRows r : inFlight.poll().get()) {
          if (!seen.add(r.key())) {
            throw new AssertionError("Spark returned run " + r.key() + " twice");
          }
          done.accept(r);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("experiment interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
    } finally {
      inFlight.forEach(f -> f.cancel(true));
    }
  }

  @Override
  public String describe() {
    return "Spark " + context.master() + " (" + context.defaultParallelism() + " task slots)";
  }

  @Override
  public void close() {
    session.stop();
  }

  /** The task body: a pure function of the run, whichever attempt of whichever task runs it. */
  private static final class Run implements Function<RunTask, RunRows> {
    private static final long serialVersionUID = 1L;
    private final boolean failFirstAttempts;

    Run(boolean failFirstAttempts) {
      this.failFirstAttempts = failFirstAttempts;
    }

    @Override
    public RunRows call(RunTask task) {
      TaskContext tc = TaskContext.get();
      if (failFirstAttempts && tc != null && tc.attemptNumber() == 0) {
        throw new IllegalStateException("test: first attempt of run " + task.key() + " fails");
      }
      return task.run();
    }
  }
}
