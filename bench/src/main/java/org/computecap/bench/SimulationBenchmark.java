package org.computecap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.computecap.sim.run.Progress;
import org.computecap.sim.run.Replications;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.Scenario;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's throughput in agent-periods: the default scenario ({@code
 * scenarios/default.yaml}) with its population scaled to {@code developers} (every type's count
 * scaled by the same factor, rounded, the rounding taken up by the largest type) and its cap scaled
 * by the same factor, so the permit price stays near the 60-developer scenario's and the scaled run
 * is the same market, only more crowded. A run is one whole {@code Simulator.run} (genesis,
 * accounts, every period's allocation, auction, trading, compliance and audits, and the invariant
 * check after each period) with the journal in memory, so each iteration is single-shot: {@code
 * simulate} at 10^3 developers (1 and 5 periods), {@code simulateLarge} at 10^4 (1 period).
 *
 * <p>{@code replications} measures {@code --replications}: {@code R} seeds of the scaled scenario
 * through {@link Replications#run} on 1 or 2 threads, so the speed-up from one core to two is the
 * ratio of the two medians.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {JvmFlags.HEAP, JvmFlags.HEAP_MIN, JvmFlags.PRE_TOUCH})
public class SimulationBenchmark {
  /** The default scenario scaled to 10^3 developers, over 1 period and over all 5. */
  @State(Scope.Benchmark)
  public static class Scaled {
    /** The population size of the scaled default scenario. */
    @Param("1000")
    public int developers;

    /** Periods simulated, at most the program's 5. */
    @Param({"1", "5"})
    public int periods;

    Scenario scenario;

    @Setup(Level.Trial)
    public void load() {
      scenario = scaled(ScenarioLoader.load(defaultScenario()), developers, periods);
    }
  }

  /**
   * The default scenario scaled to 10^4 developers: one period only, because all five took 111 s in
   * a single trial run (the simulator's cost grows faster than the population), too long for
   * repeated iterations in the 15-minute suite.
   */
  @State(Scope.Benchmark)
  public static class Large {
    @Param("10000")
    public int largeDevelopers;

    @Param("1")
    public int largePeriods;

    Scenario scenario;

    @Setup(Level.Trial)
    public void load() {
      scenario = scaled(ScenarioLoader.load(defaultScenario()), largeDevelopers, largePeriods);
    }
  }

  @Benchmark
  public SimulationResult simulate(Scaled s) {
    return Simulator.run(s.scenario, null, null);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public SimulationResult simulateLarge(Large s) {
    return Simulator.run(s.scenario, null, null);
  }

  /** {@code --replications R} of the scaled scenario on 1 or 2 threads. */
  @State(Scope.Benchmark)
  public static class Replicated {
    @Param("4")
    public int replications;

    @Param({"1", "2"})
    public int threads;

    /** Developers of each replication (the default scenario scaled). */
    @Param("1000")
    public int replicationDevelopers;

    Scenario scenario;

    @Setup(Level.Trial)
    public void load() {
      scenario = scaled(ScenarioLoader.load(defaultScenario()), replicationDevelopers, 5);
    }

    Replications run() {
      return Replications.run(
          scenario.seed(),
          replications,
          threads,
          seed -> Simulator.run(scenario.withSeed(seed), null, null),
          Progress.silent(replications));
    }
  }

  @Benchmark
  public Replications replications(Replicated r) {
    return r.run();
  }

  /** The repository's default scenario, from the repository root or from a module. */
  static Path defaultScenario() {
    return scenario(System.getProperty("computecap.bench.scenario", "default"));
  }

  /** A shipped scenario's file by name, from the repository root or a module folder. */
  static Path scenario(String name) {
    Path p = Path.of("scenarios", name + ".yaml");
    return Files.exists(p) ? p : Path.of("..", "scenarios", name + ".yaml");
  }

  /**
   * {@code s} with its population scaled to exactly {@code developers} and its cap scaled by the
   * same factor; {@code periods} at most the program's period count. Each developer's starting cash
   * is the scenario's, or less where the total would not fit the ledger (see below).
   */
  static Scenario scaled(Scenario s, int developers, int periods) {
    if (developers < s.developers().size()) {
      throw new IllegalArgumentException(
          "developers must be >= the scenario's "
              + s.developers().size()
              + " types, got "
              + developers);
    }
    if (periods < 1 || periods > s.program().periodCount()) {
      throw new IllegalArgumentException(
          "periods must be within [1, " + s.program().periodCount() + "], got " + periods);
    }
    double factor = (double) developers / s.developerCount();
    int[] counts = new int[s.developers().size()];
    int total = 0;
    int largest = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.max(1, (int) Math.round(s.developers().get(i).count() * factor));
      total += counts[i];
      if (counts[i] > counts[largest]) {
        largest = i;
      }
    }
    counts[largest] += developers - total;
    List<DeveloperType> types = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      DeveloperType t = s.developers().get(i);
      types.add(
          new DeveloperType(
              t.name(),
              counts[i],
              t.sizeClass(),
              t.strategyMix(),
              t.benefit(),
              t.theta(),
              t.beta(),
              t.k(),
              t.a(),
              t.permitsPerUnit(),
              t.energyPerUnit(),
              t.outputPerUnit(),
              t.history(),
              t.riskType(),
              t.effortCost(),
              t.manipulationCost(),
              t.relocationCost(),
              t.assistanceFactor(),
              t.spread(),
              t.efficiency(),
              t.training(),
              t.entryPeriod(),
              t.hoardShare(),
              t.trueRisk()));
    }
    // The engine counts all cash ever deposited in one long: the default $10^11 a developer
    // overflows it beyond 922,337 developers. Where it would, each developer starts with the
    // largest whole number of dollars that keeps the total within half of it (no agent's
    // decision reads its cash; only the balances, and so the state hash, differ).
    long cashCents = Math.min(s.market().cashCents(), Long.MAX_VALUE / 2 / developers / 100 * 100);
    Scenario withPeople =
        new Scenario(
            s.name() + "-x" + developers,
            s.description(),
            s.seed(),
            periods,
            s.programYaml(),
            s.program(),
            s.market().withCashCents(cashCents),
            types);
    long cap = Math.round(s.program().capStartPermits() * factor);
    return ScenarioLoader.withProgramValues(
        withPeople, Map.of("cap.startPermits", Long.toString(cap)));
  }
}
