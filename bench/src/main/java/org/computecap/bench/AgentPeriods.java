package org.computecap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;

/**
 * Issue 12 item 4: the simulator's throughput in agent-periods per second from 10^3 to 10^6
 * developers, on the default scenario scaled as {@link SimulationBenchmark} scales it (every type's
 * count and the cap by the same factor). One run per size, a single shot like JMH's SingleShotTime
 * for the large sizes, after one warm-up run at the smallest size.
 *
 * <p>A size is run only while its time, projected from the last two sizes' measured exponent (time
 * ~ n^b), stays under the budget; otherwise it prints the projection and stops, so the harness
 * measures what the simulator can do today and a faster simulator reaches further with the same
 * command: {@code bench/run.sh --scaling [sizes] [periods] [budget s]}.
 */
public final class AgentPeriods {
  private AgentPeriods() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "1000,10000,100000,1000000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int periods = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    double budget = args.length > 2 ? Double.parseDouble(args[2]) : 300;
    Scenario base = ScenarioLoader.load(SimulationBenchmark.defaultScenario());
    System.out.printf(
        Locale.ROOT,
        "agent-periods/s, default scenario scaled, %d period(s), budget %.0f s a"
            + " size, max heap %d MB; load before: %s%n",
        periods,
        budget,
        Runtime.getRuntime().maxMemory() >> 20,
        ExperimentThroughput.load());
    Simulator.run(SimulationBenchmark.scaled(base, sizes.get(0), periods), null, null);
    double lastN = 0;
    double lastT = 0;
    double exponent = Double.NaN;
    for (int n : sizes) {
      if (lastT > 0) {
        double b = Double.isFinite(exponent) ? exponent : 2.0;
        double projected = lastT * Math.pow(n / lastN, b);
        if (projected > budget) {
          System.out.printf(
              Locale.ROOT,
              "%9d developers: not run, projected %.0f s at time ~ n^%.2f%n",
              n,
              projected,
              b);
          break;
        }
      }
      Scenario s = SimulationBenchmark.scaled(base, n, periods);
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      Simulator.run(s, null, null);
      double t = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - c0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
      if (lastT > 0) {
        exponent = Math.log(t / lastT) / Math.log(n / lastN);
      }
      System.out.printf(
          Locale.ROOT,
          "%9d developers: %8.2f s wall (%8.2f s CPU)  %10.0f agent-periods/s (%8.0f per CPU"
              + " s)  heap used %d MB%s%n",
          s.developerCount(),
          t,
          cpu,
          (double) s.developerCount() * periods / t,
          (double) s.developerCount() * periods / cpu,
          usedMb,
          Double.isFinite(exponent)
              ? String.format(Locale.ROOT, "  (time ~ n^%.2f)", exponent)
              : "");
      lastN = n;
      lastT = t;
    }
    System.out.println("load after: " + ExperimentThroughput.load());
  }

  /**
   * CPU time of the whole process (the simulation is single-threaded; GC threads add a little): on
   * a shared machine it moves less than wall time does.
   */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
