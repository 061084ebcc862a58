package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.run.Stats;
import org.computecap.sim.search.PolicySearch;
import org.computecap.sim.search.SearchLoader;
import org.computecap.sim.search.SearchPoint;
import org.computecap.sim.search.SearchResult;
import org.computecap.sim.search.SearchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computecap search FILE}: a policy search (issue 18, docs/experiments.md#policy-search) on
 * the experiment runner, on threads or, with {@code --spark MASTER}, as Apache Spark tasks. Writes
 * search.csv, optimum.csv, the surface figures and report.html into {@code --out}; each round's
 * runs are stored under {@code rounds/}, so a re-run resumes.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search policy parameters for the optimum of a stated objective: a coarse grid, then"
            + " refinement rounds, with 95%% CIs and the near-optimal set.")
final class SearchCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Search YAML.")
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
      description = "Run the runs as Apache Spark tasks (see computecap experiment --help).")
  private String sparkMaster;

  @Option(
      names = "--restart",
      description = "Discard the rounds stored in --out by an earlier search and start again.")
  private boolean restart;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("FILE: no such search file: " + file);
    }
    PolicySearch s = SearchLoader.load(file);
    Path dir = out != null ? out : Path.of("out", "experiments", s.name());
    run(
        s,
        dir,
        ExperimentCommand.executor(sparkMaster, threads),
        restart,
        spec.commandLine().getOut());
    return 0;
  }

  /** Runs {@code s} into {@code dir} on {@code executor} (closed after) and writes every output. */
  static SearchResult run(
      PolicySearch s, Path dir, RunExecutor executor, boolean restart, PrintWriter w)
      throws IOException {
    long t0 = System.nanoTime();
    SearchResult r;
    Progress progress = new Progress();
    try (executor) {
      r = SearchRunner.run(s, dir, executor, restart, progress);
    }
    w.printf(
        "search %s: %d points x %d replications = %d runs in %d rounds on %s, %d run now, in %.1f"
            + " s%n",
        s.name(),
        r.points().size(),
        s.replications(),
        r.points().size() * s.replications(),
        progress.rounds,
        progress.executor,
        progress.ran,
        (System.nanoTime() - t0) / 1e9);
    List<ExperimentFigures.Written> figures = SearchFigures.draw(r, dir.resolve("figures"));
    Files.writeString(
        dir.resolve("report.html"), SearchReport.html(r, figures), StandardCharsets.UTF_8);
    summary(r, w);
    w.println("points    " + dir.resolve("search.csv"));
    w.println("optimum   " + dir.resolve("optimum.csv"));
    w.println("figures   " + figures.size() + " in " + dir.resolve("figures"));
    w.println("report    " + dir.resolve("report.html"));
    w.flush();
    return r;
  }

  private static void summary(SearchResult r, PrintWriter w) {
    PolicySearch s = r.search();
    SearchPoint best = r.optimum();
    Stats o = r.objective(best);
    w.println(s.objective().describe());
    w.printf(
        "optimum (point %d, %s): %s%n",
        best.index(), best.round(), SearchReport.values(s, best.values()));
    w.printf(
        "objective %s %s (95%% CI %s to %s), argmax in %.0f%% of bootstrap resamples%n",
        SearchReport.num(o.mean()),
        s.objective().unit(),
        SearchReport.num(o.low()),
        SearchReport.num(o.high()),
        100 * r.argmaxShare(best));
    w.printf(
        "near-optimal (not significantly worse, paired over common random numbers): %d of %d"
            + " points%n",
        r.nearOptimalSet().size(), r.points().size());
    for (int i = 0; i < s.parameters().size(); i++) {
      double[] range = r.nearOptimalRange(i);
      w.printf(
          "  %s in [%s, %s]%n",
          s.parameters().get(i).field(), SearchReport.num(range[0]), SearchReport.num(range[1]));
    }
  }

  /** One line per round on standard error; counts the runs done now. */
  private static final class Progress implements SearchRunner.Listener {
    private int rounds;
    private int ran;
    private String executor = "";
    private String round = "";

    @Override
    public void round(String name, int points, int runs) {
      rounds++;
      round = name;
      System.err.printf("round %s: %d new points, %d runs%n", name, points, runs);
    }

    @Override
    public void started(int total, int alreadyDone, String executor) {
      this.executor = executor;
      if (alreadyDone > 0) {
        System.err.printf("  resuming %s: %d of %d runs already done%n", round, alreadyDone, total);
      }
    }

    @Override
    public void runDone() {
      ran++;
    }
  }
}
