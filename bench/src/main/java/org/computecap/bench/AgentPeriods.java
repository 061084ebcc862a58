package org.computecap.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.computecap.engine.Engine;
import org.computecap.sim.report.RowFiles;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;

/**
 * Issue 12 items 1 and 4: the simulator's throughput in agent-periods per second from 10^3 to 10^6
 * developers, on the default scenario scaled as {@link SimulationBenchmark} scales it (every type's
 * count and the cap by the same factor), run the way {@code computecap simulate --out} runs it: the
 * journal streams to a file and trades.csv and developer-periods.csv stream to their files, so
 * nothing that grows with the run's history stays in memory. Each size is then replayed from its
 * own journal (every entry read, its CRC32C and SHA-256 chain link checked, decoded and applied to
 * a fresh engine, which must reach the simulation's state hash), which gives the replay rate and
 * the ratio of the simulation's wall time to the replay's.
 *
 * <p>One run per size, single shots, after warm-up runs at the smallest size. A size is run only
 * while its simulation time, projected from the last two sizes' measured exponent (time ~ n^b),
 * stays under the budget; otherwise it prints the projection and stops, so a faster simulator
 * reaches further with the same command: {@code bench/run.sh --scaling [sizes] [periods] [budget
 * s]}. Files go to {@code bench/target/scaling} (or {@code -Dcomputecap.bench.dir}) and are deleted
 * after each size: the journal of 10^6 developers over 5 periods is tens of gigabytes.
 */
public final class AgentPeriods {
  private static final int WARM_UPS = 3;

  private AgentPeriods() {}

  /**
   * One size's figures.
   *
   * @param liveHeapMb the most heap still in use right after any collection during the simulation
   *     (what the run kept alive, at the collector's best); -1 when nothing was collected
   * @param peakHeapMb the peak of the heap's pools during the simulation, garbage included
   */
  record Measured(
      int developers,
      int periods,
      double simWall,
      double simCpu,
      long entries,
      long journalBytes,
      double replayWall,
      double replayCpu,
      long liveHeapMb,
      long peakHeapMb,
      String stateHash) {

    double agentPeriodsPerSecond() {
      return (double) developers * periods / simWall;
    }

    double replayRate() {
      return entries / replayWall;
    }

    double ratio() {
      return simWall / replayWall;
    }
  }

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "1000,10000,100000,1000000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int periods = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double budget = args.length > 2 ? Double.parseDouble(args[2]) : 600;
    Path dir = BenchFiles.workDir().resolve("scaling");
    Scenario base = ScenarioLoader.load(SimulationBenchmark.defaultScenario());
    System.out.printf(
        Locale.ROOT,
        "agent-periods/s, %s scenario scaled, %d period(s), journal and rows streamed to %s,"
            + " budget %.0f s a size, %d cores, max heap %d MB; load before: %s%n",
        base.name(),
        periods,
        dir,
        budget,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ExperimentThroughput.load());
    for (int w = 0; w < WARM_UPS; w++) {
      measure(SimulationBenchmark.scaled(base, sizes.get(0), periods), dir);
    }
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
      Measured m = measure(SimulationBenchmark.scaled(base, n, periods), dir);
      if (lastT > 0) {
        exponent = Math.log(m.simWall() / lastT) / Math.log(n / lastN);
      }
      print(m, exponent);
      lastN = n;
      lastT = m.simWall();
    }
    System.out.println("load after: " + ExperimentThroughput.load());
  }

  private static void print(Measured m, double exponent) {
    System.out.printf(
        Locale.ROOT,
        "%9d developers: simulate %8.2f s wall (%8.2f s CPU) %9.0f agent-periods/s (%8.0f per CPU"
            + " s)%s; heap live peak %s, peak %d MB%n"
            + "%9s journal %,d entries (%,d bytes): replay %8.2f s wall (%8.2f s CPU) %,10.0f"
            + " entries/s; simulate/replay %.2fx; state hash %s%n",
        m.developers(),
        m.simWall(),
        m.simCpu(),
        m.agentPeriodsPerSecond(),
        m.developers() * (double) m.periods() / m.simCpu(),
        Double.isFinite(exponent) ? String.format(Locale.ROOT, " (time ~ n^%.2f)", exponent) : "",
        m.liveHeapMb() < 0 ? "n/a (no collection)" : m.liveHeapMb() + " MB",
        m.peakHeapMb(),
        "",
        m.entries(),
        m.journalBytes(),
        m.replayWall(),
        m.replayCpu(),
        m.replayRate(),
        m.ratio(),
        m.stateHash());
  }

  /**
   * Simulates {@code s} with its journal and rows streamed into {@code dir}, replays the journal,
   * checks that the replay reached the simulation's state hash, and deletes the files.
   */
  static Measured measure(Scenario s, Path dir) {
    try {
      Files.createDirectories(dir);
      Path journal = dir.resolve("journal");
      Files.deleteIfExists(journal);
      HeapWatch heap = HeapWatch.start();
      long t0 = System.nanoTime();
      long c0 = CpuClock.processNanos();
      SimulationResult r;
      try (RowFiles rows = new RowFiles(dir)) {
        r = Simulator.run(s, journal, rows, null);
      }
      double simWall = (System.nanoTime() - t0) / 1e9;
      double simCpu = (CpuClock.processNanos() - c0) / 1e9;
      long[] heapMb = heap.stop();
      long entries = r.journalEntries();
      String expected = r.stateHash();
      long bytes = Files.size(journal);
      r = null;
      long t1 = System.nanoTime();
      long c1 = CpuClock.processNanos();
      Engine replayed = ReplayBenchmark.replayFile(journal, entries);
      double replayWall = (System.nanoTime() - t1) / 1e9;
      double replayCpu = (CpuClock.processNanos() - c1) / 1e9;
      String hash = HexFormat.of().formatHex(replayed.stateHash());
      if (!hash.equals(expected)) {
        throw new IllegalStateException(
            "the replay reached " + hash + ", the simulation " + expected);
      }
      for (String f : List.of("journal", "trades.csv", "developer-periods.csv")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      return new Measured(
          s.developerCount(),
          s.periods(),
          simWall,
          simCpu,
          entries,
          bytes,
          replayWall,
          replayCpu,
          heapMb[0],
          heapMb[1],
          expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The heap a run uses: the most still in use right after a collection (summed over the heap's
   * pools, from the collectors' notifications), and the pools' peaks, garbage included.
   */
  static final class HeapWatch {
    private static final List<MemoryPoolMXBean> HEAP_POOLS =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private static final Set<String> HEAP_NAMES =
        HEAP_POOLS.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    private static boolean listening;
    private static volatile long since = Long.MAX_VALUE;

    private HeapWatch() {}

    static synchronized HeapWatch start() {
      if (!listening) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
          ((NotificationEmitter) gc)
              .addNotificationListener(
                  (n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                        n.getType())) {
                      var info =
                          GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                              .getGcInfo();
                      // Notifications arrive on their own thread: the start's own System.gc()
                      // may be reported after the watch started, and is not the run's.
                      if (info.getStartTime() > since) {
                        record(info.getMemoryUsageAfterGc());
                      }
                    }
                  },
                  null,
                  null);
        }
        listening = true;
      }
      System.gc();
      LIVE.set(0);
      COLLECTIONS.set(0);
      since = ManagementFactory.getRuntimeMXBean().getUptime();
      HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
      return new HeapWatch();
    }

    private static void record(Map<String, MemoryUsage> afterGc) {
      long used = 0;
      for (var e : afterGc.entrySet()) {
        if (HEAP_NAMES.contains(e.getKey())) {
          used += e.getValue().getUsed();
        }
      }
      LIVE.accumulateAndGet(used, Math::max);
      COLLECTIONS.incrementAndGet();
    }

    /** {live peak (-1 when nothing was collected), pools' peak}, in MB. */
    long[] stop() {
      if (COLLECTIONS.get() == 0) {
        return new long[] {-1, peakMb()};
      }
      return new long[] {LIVE.get() >> 20, peakMb()};
    }

    private static long peakMb() {
      long peak = 0;
      for (MemoryPoolMXBean p : HEAP_POOLS) {
        peak += p.getPeakUsage().getUsed();
      }
      return peak >> 20;
    }
  }
}
