package org.computecap.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of the whole benchmark process (every thread, the garbage collector's and
 * exchange-core's included), next to wall time: on a shared, loaded machine wall time also counts
 * the time other programs held the cores, while CPU time is what the work itself cost.
 */
final class CpuClock {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CpuClock() {}

  /** Process CPU time so far, in nanoseconds. */
  static long processNanos() {
    return OS.getProcessCpuTime();
  }
}
