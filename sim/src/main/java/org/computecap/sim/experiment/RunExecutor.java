package org.computecap.sim.experiment;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an experiment's runs somewhere: on threads of this JVM ({@link ThreadExecutor}) or as Apache
 * Spark tasks (module spark, found through {@link RunExecutorFactory}). An executor only decides
 * where {@link RunTask#run()} is called; seeds and rows are fixed by the task, so every executor
 * gives the same rows.
 */
public interface RunExecutor extends AutoCloseable {

  /**
   * Runs every task and hands each result to {@code done}, one call at a time, in any order, as
   * soon as it is available (so finished runs are stored even if a later one fails).
   */
  void execute(List<RunTask> tasks, Consumer<RunRows> done);

  /** What runs the runs, for the console and the report, e.g. {@code 2 threads}. */
  String describe();

  @Override
  default void close() {}
}
