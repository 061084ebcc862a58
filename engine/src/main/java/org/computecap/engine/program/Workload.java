package org.computecap.engine.program;

/** The workload class a participant reports compute or energy for (SPEC §7.1). */
public enum Workload {
  INFERENCE,
  TRAINING
}
