package org.computecap.bench;

import java.util.concurrent.TimeUnit;
import org.computecap.economics.market.Population;
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
 * The generic baseline of the equilibrium benchmark: one pass of per-developer Brent root finding
 * (every developer's demand at the clearing price). A generic solver needs one such pass per outer
 * iteration on the price, so a whole solve costs tens of these; we time one pass, the baseline's
 * most favourable reading. Stops at 10^6 developers to keep the suite under 15 minutes (it is
 * linear in n).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {JvmFlags.HEAP, JvmFlags.HEAP_MIN, JvmFlags.PRE_TOUCH})
@State(Scope.Benchmark)
public class BrentBaselineBenchmark {
  @Param({"1000", "10000", "100000", "1000000"})
  public int developers;

  Population population;
  double[] out;
  final MarginalBenefit marginal = new MarginalBenefit();

  @Setup(Level.Trial)
  public void build() {
    population = Populations.mixed(developers, 7);
    out = new double[developers];
  }

  @Benchmark
  public double[] brentPass() {
    for (int i = 0; i < out.length; i++) {
      out[i] = marginal.demand(population, i, Populations.TARGET_PRICE);
    }
    return out;
  }
}
