package org.computecap.spark;

import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.RunExecutorFactory;

/** Makes {@link SparkExecutor}s for {@code computecap experiment --spark MASTER}. */
public final class SparkExecutors implements RunExecutorFactory {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public RunExecutor create(String master) {
    return new SparkExecutor(master, false);
  }
}
