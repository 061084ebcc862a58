package org.computecap.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * Order matching head to head (issue 6, part 1): the shared flow through our engine behind the
 * in-memory journal, behind the durable file journal (one fsync per 1,024 orders), and through
 * exchange-core, in one JMH run. Each invocation is the whole flow on a freshly funded engine
 * (single-shot: the book's state is part of what is measured, so it cannot be reused), so the score
 * is milliseconds per flow; orders/s = orders / score. After each iteration the outcome (fills, IOC
 * remainders, final book) is printed, so the engines can be compared.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(
    value = 1,
    jvmArgsAppend = {
      JvmFlags.HEAP,
      JvmFlags.HEAP_MIN,
      JvmFlags.PRE_TOUCH,
      JvmFlags.E1,
      JvmFlags.E2,
      JvmFlags.E3,
      JvmFlags.E4,
      JvmFlags.O1,
      JvmFlags.O2,
      JvmFlags.O3,
      JvmFlags.O4,
      JvmFlags.O5,
      JvmFlags.O6,
      JvmFlags.O7,
      JvmFlags.O8
    })
public class OrderMatchingBenchmark {

  /** The flow, loaded once per fork. */
  @State(Scope.Benchmark)
  public static class Flow {
    /** Orders to read from the shared file (its whole length by default). */
    @Param("1000000")
    public int orders;

    /** Use a seeded synthetic flow of the same shape instead of the file (quick mode). */
    @Param("false")
    public boolean synthetic;

    OrderFlow flow;

    @Setup(Level.Trial)
    public void load() throws IOException {
      flow =
          synthetic
              ? OrderFlow.synthetic(orders, 2_000, 42)
              : OrderFlow.load(OrderFlow.sharedPath(), orders);
    }
  }

  /** A funded engine behind a journal, fresh for every iteration. */
  public abstract static class EngineRun {
    EngineFlow run;
    FlowOutcome outcome;
    long cpuNanos;
    long wallNanos;

    abstract EngineFlow.JournalKind kind();

    @Setup(Level.Iteration)
    public void prepare(Flow flow) {
      run = EngineFlow.prepare(flow.flow, kind(), BenchFiles.workDir().resolve("journals"));
      settle();
    }

    @TearDown(Level.Iteration)
    public void report() {
      run.engine().checkInvariants();
      run.close();
      System.out.println("  [" + kind() + "] " + outcome.describe() + times(wallNanos, cpuNanos));
    }
  }

  /** Behind the in-memory journal. */
  @State(Scope.Thread)
  public static class InMemory extends EngineRun {
    @Override
    EngineFlow.JournalKind kind() {
      return EngineFlow.JournalKind.MEMORY;
    }
  }

  /** With no journal at all: the engine's own share of the in-memory figure. */
  @State(Scope.Thread)
  public static class Bare extends EngineRun {
    @Override
    EngineFlow.JournalKind kind() {
      return EngineFlow.JournalKind.NONE;
    }
  }

  /** With no journal, serial numbers kept on the engine thread (issue 15's whole cost). */
  @State(Scope.Thread)
  public static class BareWithSerials extends EngineRun {
    @Override
    EngineFlow.JournalKind kind() {
      return EngineFlow.JournalKind.NONE_WITH_SERIALS;
    }
  }

  /** Behind the durable file journal with group commit. */
  @State(Scope.Thread)
  public static class Durable extends EngineRun {
    @Override
    EngineFlow.JournalKind kind() {
      return EngineFlow.JournalKind.FILE;
    }
  }

  /** A started, funded exchange-core, fresh for every iteration. */
  @State(Scope.Thread)
  public static class ExchangeCore {
    ExchangeCoreFlow run;
    FlowOutcome outcome;
    long cpuNanos;
    long wallNanos;

    @Setup(Level.Iteration)
    public void prepare(Flow flow) {
      run = ExchangeCoreFlow.prepare(flow.flow);
      settle();
    }

    @TearDown(Level.Iteration)
    public void report() {
      run.close();
      System.out.println("  [exchange-core] " + outcome.describe() + times(wallNanos, cpuNanos));
    }
  }

  /**
   * Collects the garbage of the set-up and of earlier iterations before the clock starts, for every
   * contestant alike: otherwise an iteration pays for its predecessors' retained books and
   * journals.
   */
  static void settle() {
    System.gc();
  }

  static String times(long wallNanos, long cpuNanos) {
    return String.format(
        java.util.Locale.ROOT,
        "; wall %.0f ms, process CPU %.0f ms",
        wallNanos / 1e6,
        cpuNanos / 1e6);
  }

  @Benchmark
  public FlowOutcome engineInMemoryJournal(InMemory state) {
    return timed(state);
  }

  @Benchmark
  public FlowOutcome engineFileJournal(Durable state) {
    return timed(state);
  }

  @Benchmark
  public FlowOutcome engineNoJournal(Bare state) {
    return timed(state);
  }

  @Benchmark
  public FlowOutcome engineNoJournalWithSerials(BareWithSerials state) {
    return timed(state);
  }

  private static FlowOutcome timed(EngineRun state) {
    long cpu = CpuClock.processNanos();
    long wall = System.nanoTime();
    state.outcome = state.run.run();
    state.wallNanos = System.nanoTime() - wall;
    state.cpuNanos = CpuClock.processNanos() - cpu;
    return state.outcome;
  }

  @Benchmark
  public FlowOutcome exchangeCore(ExchangeCore state) {
    long cpu = CpuClock.processNanos();
    long wall = System.nanoTime();
    state.outcome = state.run.run();
    state.wallNanos = System.nanoTime() - wall;
    state.cpuNanos = CpuClock.processNanos() - cpu;
    return state.outcome;
  }
}
