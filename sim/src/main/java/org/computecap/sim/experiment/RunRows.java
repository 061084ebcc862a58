package org.computecap.sim.experiment;

import java.io.Serializable;
import java.util.Locale;

/**
 * What one run gives back: its rows of runs.csv as text, keyed by (cell, replication). The text is
 * the whole result, so storing it is storing the run, and a run done twice (a retried task) gives
 * the same text.
 */
public record RunRows(int cell, int replication, String csv) implements Serializable {
  private static final long serialVersionUID = 1L;

  public String key() {
    return key(cell, replication);
  }

  static String key(int cell, int replication) {
    return String.format(Locale.ROOT, "c%06d-r%04d", cell, replication);
  }
}
