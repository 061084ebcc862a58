package org.computecap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.computecap.engine.Engine;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay of a simulation's journal (issue 12): the default scenario scaled to {@code developers}
 * (as {@link SimulationBenchmark} scales it) is simulated once per trial with its journal written
 * to a file by the simulator ({@code Simulator.run(scenario, file, null)}), outside the timing; one
 * operation then reads that file (CRC32C and the SHA-256 chain of every entry), decodes every
 * command and applies it to a fresh engine. Unlike {@link ReplayBenchmark}'s order flow, this is
 * the whole market: accounts, allocation, auctions with thousands of bidders, call auctions,
 * continuous trading, reports, evaluations, period closes and audits. Entries/s = entries / score.
 *
 * <p>The journal is rebuilt every trial, never reused from an earlier build, because its commands
 * are only as current as the simulator and the codec that wrote them. The replayed engine must
 * reach the simulation's own state hash.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// A small journal replays in a third of a second: five warm-up replays let the JIT finish.
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {JvmFlags.HEAP, JvmFlags.HEAP_MIN, JvmFlags.PRE_TOUCH})
@State(Scope.Benchmark)
public class SimulationReplayBenchmark {
  /** The population of the scaled default scenario. */
  @Param({"1000", "10000"})
  public int developers;

  /** Periods simulated, at most the program's 5. */
  @Param("5")
  public int periods;

  Path journal;
  long entries;
  String expectedHash;
  Engine rebuilt;
  long wallNanos;
  long cpuNanos;

  @Setup(Level.Trial)
  public void simulate() throws IOException {
    Path dir = BenchFiles.workDir();
    Files.createDirectories(dir);
    journal = dir.resolve("simulation-" + developers + "x" + periods + ".journal");
    Files.deleteIfExists(journal);
    SimulationResult r =
        Simulator.run(
            SimulationBenchmark.scaled(
                ScenarioLoader.load(SimulationBenchmark.defaultScenario()), developers, periods),
            journal,
            null);
    entries = r.journalEntries();
    expectedHash = r.stateHash();
    System.out.println(
        "\nsimulation journal: "
            + developers
            + " developers, "
            + periods
            + " periods, "
            + entries
            + " entries, "
            + Files.size(journal)
            + " bytes");
  }

  @Benchmark
  public Engine replay() {
    long wall = System.nanoTime();
    long cpu = CpuClock.processNanos();
    rebuilt = ReplayBenchmark.replayFile(journal, entries);
    cpuNanos = CpuClock.processNanos() - cpu;
    wallNanos = System.nanoTime() - wall;
    return rebuilt;
  }

  @TearDown(Level.Iteration)
  public void check() {
    // Process CPU beside wall time: on a shared machine wall time also counts others' turns.
    System.out.printf(
        "  replayed %d entries; wall %.0f ms, process CPU %.0f ms (%.0f entries per CPU second)%n",
        entries, wallNanos / 1e6, cpuNanos / 1e6, entries * 1e9 / Math.max(1, cpuNanos));
    String hash = java.util.HexFormat.of().formatHex(rebuilt.stateHash());
    if (!hash.equals(expectedHash)) {
      throw new IllegalStateException(
          "replay reached " + hash + ", the simulation " + expectedHash);
    }
    rebuilt.checkInvariants();
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(journal);
  }
}
