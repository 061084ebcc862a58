package org.computecap.sim.experiment;

/**
 * A provider of a distributed {@link RunExecutor}, found with {@link java.util.ServiceLoader} so
 * that the CLI can use Apache Spark when module spark's jars are on the class path, and stays small
 * when they are not.
 */
public interface RunExecutorFactory {

  /** The executor's name, e.g. {@code spark}. */
  String name();

  /** An executor on {@code master} (for Spark: {@code local[*]}, {@code spark://host:7077}). */
  RunExecutor create(String master);
}
