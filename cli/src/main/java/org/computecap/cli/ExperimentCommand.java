package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentLoader;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.ExperimentRunner;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.RunExecutorFactory;
import org.computecap.sim.experiment.ThreadExecutor;
import org.computecap.sim.search.PolicySearch;
import org.computecap.sim.search.SearchLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computecap experiment FILE}: runs a declarative experiment (issue 12, docs/experiments.md)
 * on threads or, with {@code --spark MASTER}, as Apache Spark tasks, and writes runs.csv,
 * runs.parquet, cells.csv, cell-periods.csv, figures and report.html into {@code --out}. A re-run
 * into the same folder resumes.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Run a declarative experiment: factors x replications, with 95%% CIs.")
final class ExperimentCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Experiment YAML.")
  private Path file;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: out/experiments/NAME); a re-run there resumes.")
  private Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
  private Integer threads;

  @Option(
      names = {"--spark", "--spark-master"},
      paramLabel = "MASTER",
      description =
          "Run the runs as Apache Spark tasks: local[*] (embedded), spark://HOST:7077, yarn, "
              + "k8s://... Needs module spark's jars (the computecap script adds them).")
  private String sparkMaster;

  @Option(
      names = "--restart",
      description = "Discard runs stored in --out by an earlier plan and start again.")
  private boolean restart;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("FILE: no such experiment file: " + file);
    }
    if (SearchLoader.isSearch(file)) {
      // A policy search (parameters and objective) runs as `computecap search` would.
      PolicySearch s = SearchLoader.load(file);
      Path dir = out != null ? out : Path.of("out", "experiments", s.name());
      SearchCommand.run(
          s, dir, executor(sparkMaster, threads), restart, spec.commandLine().getOut());
      return 0;
    }
    Experiment e = ExperimentLoader.load(file);
    Path dir = out != null ? out : Path.of("out", "experiments", e.name());
    run(e, dir, executor(sparkMaster, threads), restart, spec.commandLine().getOut());
    return 0;
  }

  /** Runs {@code e} into {@code dir} on {@code executor} (closed after) and writes every output. */
  static void run(Experiment e, Path dir, RunExecutor executor, boolean restart, PrintWriter w)
      throws IOException {
    long t0 = System.nanoTime();
    ExperimentResult result;
    String where;
    int ran;
    try (executor;
        Bar bar = new Bar()) {
      where = executor.describe();
      result = ExperimentRunner.run(e, dir, executor, restart, bar);
      ran = bar.ran;
    }
    w.printf(
        "experiment %s: %d cells x %d replications = %d runs on %s, %d run now, in %.1f s%n",
        e.name(),
        e.cells().size(),
        e.replications(),
        e.runCount(),
        where,
        ran,
        (System.nanoTime() - t0) / 1e9);
    ExperimentOutputs.write(result, dir, w);
    w.flush();
  }

  /** Threads, or the executor a factory on the class path provides for {@code master}. */
  static RunExecutor executor(String master, Integer threads) {
    if (master == null) {
      return new ThreadExecutor(
          threads != null ? threads : Runtime.getRuntime().availableProcessors());
    }
    if (threads != null) {
      throw new IllegalArgumentException(
          "--threads and --spark exclude each other (Spark "
              + "decides its parallelism from the master, e.g. local[2])");
    }
    for (RunExecutorFactory f : ServiceLoader.load(RunExecutorFactory.class)) {
      if (f.name().equals("spark")) {
        return f.create(master);
      }
    }
    throw new IllegalArgumentException(
        "--spark: Apache Spark is not on the class path; build it with "
            + "./mvnw -q -B -DskipTests package (module spark) and run ./computecap, which adds "
            + "spark/target/lib when --spark is given (docs/experiments.md)");
  }

  /** A progress bar with the runs' rate and the time left, on standard error. */
  private static final class Bar implements ExperimentRunner.Listener, AutoCloseable {
    private ProgressBar bar;
    private int ran;

    @Override
    public void started(int total, int alreadyDone, String executor) {
      if (alreadyDone > 0) {
        System.err.printf("resuming: %d of %d runs already done%n", alreadyDone, total);
      }
      bar =
          new ProgressBarBuilder()
              .setTaskName("runs")
              .setInitialMax(total)
              .startsFrom(alreadyDone, Duration.ZERO)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(500)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build();
    }

    @Override
    public void runDone() {
      ran++;
      bar.step();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
