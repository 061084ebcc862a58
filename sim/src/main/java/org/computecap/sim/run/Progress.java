package org.computecap.sim.run;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line text progress bar for long runs (replications, sweeps, many periods), redrawn in place
 * with a carriage return on the error stream so that it never mixes with the summary a user may
 * pipe from standard output. Thread-safe: parallel runs each call {@link #step()}. A null stream
 * makes it silent (tests, a single short run).
 */
public final class Progress {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();

  public Progress(PrintStream out, String label, int total) {
    if (total < 1) {
      throw new IllegalArgumentException("total must be >= 1, was " + total);
    }
    this.out = out;
    this.label = label;
    this.total = total;
  }

  /** A progress bar that prints nothing. */
  public static Progress silent(int total) {
    return new Progress(null, "", total);
  }

  /** Marks one unit done and redraws the bar. */
  public void step() {
    int now = done.incrementAndGet();
    if (out == null) {
      return;
    }
    synchronized (this) {
      out.print("\r" + bar(label, now, total));
      if (now >= total) {
        out.println();
      }
      out.flush();
    }
  }

  public int done() {
    return done.get();
  }

  /** The text of the bar, e.g. {@code runs [#######.......] 7/14}. */
  static String bar(String label, int now, int total) {
    int filled = (int) ((long) WIDTH * Math.min(now, total) / total);
    return label
        + " ["
        + "#".repeat(filled)
        + ".".repeat(WIDTH - filled)
        + "] "
        + now
        + "/"
        + total;
  }
}
