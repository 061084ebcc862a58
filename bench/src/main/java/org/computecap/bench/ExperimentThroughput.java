package org.computecap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentLoader;
import org.computecap.sim.experiment.ExperimentRunner;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.RunExecutorFactory;
import org.computecap.sim.experiment.ThreadExecutor;

/**
 * Issue 12 item 4: one experiment run on 1 thread, on 2 threads and, when module spark's jars are
 * on the class path, on an embedded Spark {@code local[2]} — the speed-up from one core to two and
 * the ratio of threads to Spark on the same runs. A main, not JMH: each configuration is one long
 * single shot (a whole experiment), and Spark's start is timed apart from its runs. Every
 * configuration must give the same runs.csv bytes, or the figures mean nothing; a difference stops
 * the benchmark.
 *
 * <p>{@code bench/run.sh --experiments [FILE]} runs it with Spark on the class path; FILE defaults
 * to examples/experiments/remark7.yaml (160 runs of 40 developers).
 */
public final class ExperimentThroughput {
  private ExperimentThroughput() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "examples/experiments/remark7.yaml");
    Experiment e = ExperimentLoader.load(file);
    System.out.printf(
        Locale.ROOT,
        "experiment %s: %d runs; machine %d cores; load before: %s%n",
        e.name(),
        e.runCount(),
        Runtime.getRuntime().availableProcessors(),
        load());
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path work = Files.createTempDirectory("experiment-throughput");
    try {
      // A first pass warms the JIT; then the configurations alternate, so load that comes and
      // goes on a shared machine spreads over all of them. The best of the repeats is quoted.
      timed(e, work.resolve("warm-up"), new ThreadExecutor(2));
      RunExecutorFactory spark = spark();
      RunExecutor sparkExecutor = null;
      double start = Double.NaN;
      if (spark != null) {
        long t0 = System.nanoTime();
        sparkExecutor = spark.create("local[2]");
        start = (System.nanoTime() - t0) / 1e9;
      }
      double one = Double.POSITIVE_INFINITY;
      double two = Double.POSITIVE_INFINITY;
      double onSpark = Double.POSITIVE_INFINITY;
      for (int i = 0; i < repeats; i++) {
        one = Math.min(one, timed(e, work.resolve("threads-1-" + i), new ThreadExecutor(1)));
        two = Math.min(two, timed(e, work.resolve("threads-2-" + i), new ThreadExecutor(2)));
        same(work.resolve("warm-up"), work.resolve("threads-1-" + i));
        same(work.resolve("warm-up"), work.resolve("threads-2-" + i));
        if (sparkExecutor != null) {
          onSpark = Math.min(onSpark, timed(e, work.resolve("spark-" + i), sparkExecutor, false));
          same(work.resolve("warm-up"), work.resolve("spark-" + i));
        }
      }
      report("1 thread", e, one);
      report("2 threads", e, two);
      System.out.printf(Locale.ROOT, "speed-up from 1 to 2 threads: %.2fx%n", one / two);
      if (sparkExecutor == null) {
        System.out.println("Spark: not on the class path (run through bench/run.sh --experiments)");
      } else {
        sparkExecutor.close();
        report("Spark local[2]", e, onSpark);
        System.out.printf(
            Locale.ROOT,
            "Spark start %.1f s, once, not in its runs' time; throughput threads(2) / Spark"
                + " local[2]: %.2f; runs.csv identical in every configuration%n",
            start,
            onSpark / two);
      }
      System.out.printf(Locale.ROOT, "best of %d repeats; load after: %s%n", repeats, load());
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double timed(Experiment e, Path out, RunExecutor executor) {
    return timed(e, out, executor, true);
  }

  private static double timed(Experiment e, Path out, RunExecutor executor, boolean close) {
    long t0 = System.nanoTime();
    ExperimentRunner.run(e, out, executor, false, ExperimentRunner.Listener.SILENT);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (close) {
      executor.close();
    }
    return seconds;
  }

  private static void report(String what, Experiment e, double seconds) {
    System.out.printf(
        Locale.ROOT, "%-15s %7.1f s  %7.2f runs/s%n", what, seconds, e.runCount() / seconds);
  }

  private static void same(Path a, Path b) throws IOException {
    byte[] x = Files.readAllBytes(a.resolve("runs.csv"));
    byte[] y = Files.readAllBytes(b.resolve("runs.csv"));
    if (!Arrays.equals(x, y)) {
      throw new AssertionError("runs.csv differs between " + a + " and " + b);
    }
  }

  private static RunExecutorFactory spark() {
    for (RunExecutorFactory f : ServiceLoader.load(RunExecutorFactory.class)) {
      if (f.name().equals("spark")) {
        return f;
      }
    }
    return null;
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
