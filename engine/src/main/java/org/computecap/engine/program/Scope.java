package org.computecap.engine.program;

/** Which workloads a program covers (SPEC §2): P1 caps inference only, P2 training runs. */
public enum Scope {
  INFERENCE,
  TRAINING,
  ALL;

  /** Whether a report for {@code workload} counts towards the obligation under this scope. */
  public boolean covers(Workload workload) {
    return this == ALL || name().equals(workload.name());
  }
}
