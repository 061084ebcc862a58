package org.computecap.bench;

import java.util.concurrent.TimeUnit;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
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
 * The equilibrium solver (issue 6, part 3): {@code MarketClearing.solve} on mixed populations of
 * 10^3 to 10^7 developers, next to the memory-bandwidth floor: one pass that reads every population
 * column (family byte and five doubles a developer) and writes one double a developer, the least
 * any solve that returns every developer's compute must touch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {JvmFlags.HEAP, JvmFlags.HEAP_MIN, JvmFlags.PRE_TOUCH})
@State(Scope.Benchmark)
public class EquilibriumBenchmark {
  @Param({"1000", "10000", "100000", "1000000", "10000000"})
  public int developers;

  Population population;
  double cap;
  byte[] family;
  double[] theta;
  double[] beta;
  double[] k;
  double[] a;
  double[] lambdaBar;
  double[] out;

  @Setup(Level.Trial)
  public void build() {
    population = Populations.mixed(developers, 7);
    cap = Populations.capFor(population);
    family = population.family();
    theta = population.theta();
    beta = population.beta();
    k = population.k();
    a = population.a();
    lambdaBar = population.lambdaBar();
    out = new double[developers];
  }

  @Benchmark
  public Equilibrium solve() {
    return MarketClearing.solve(population, cap);
  }

  /** Reads the six columns once and writes one double a developer. */
  @Benchmark
  public double streamFloor() {
    double sum = 0.0;
    double[] o = out;
    for (int i = 0; i < o.length; i++) {
      double v = family[i] + theta[i] + beta[i] + k[i] + a[i] + lambdaBar[i];
      o[i] = v;
      sum += v;
    }
    return sum;
  }
}
