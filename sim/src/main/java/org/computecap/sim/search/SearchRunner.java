package org.computecap.sim.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.computecap.sim.experiment.Cell;
import org.computecap.sim.experiment.Design;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.ExperimentRunner;
import org.computecap.sim.experiment.Factor;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.experiment.RunExecutor;

/**
 * Runs a policy search on the experiment runner: a coarse grid over the bounds, then refinement
 * rounds, each a 3-per-parameter grid around the incumbent best at half the previous spacing
 * (points already evaluated are not run again), then optionally the surface through the optimum for
 * the figures. Each round is an experiment of its own (design list, one cell per new point) stored
 * under {@code rounds/NAME}, so a round runs on threads or Spark like any experiment and a re-run
 * resumes from the runs stored there.
 *
 * <p>Every point runs replication r under seed {@code seed + r}, whatever its round (common random
 * numbers), so points differ only by their policy and paired differences of their objectives
 * compare them fairly. The incumbent of a round depends only on the results of the rounds before,
 * which are a pure function of the file, so the whole search is deterministic for a seed.
 */
public final class SearchRunner {
  static final String ROUNDS = "rounds";

  /** Hears of rounds and of their runs; calls come from one thread at a time. */
  public interface Listener extends ExperimentRunner.Listener {
    /** Round {@code name} is about to evaluate {@code points} new points in {@code runs} runs. */
    void round(String name, int points, int runs);

    Listener SILENT =
        new Listener() {
          @Override
          public void round(String name, int points, int runs) {}

          @Override
          public void started(int total, int alreadyDone, String executor) {}

          @Override
          public void runDone() {}
        };
  }

  private final PolicySearch search;
  private final Path out;
  private final RunExecutor executor;
  private final boolean restart;
  private final Listener listener;
  private final List<SearchPoint> points = new ArrayList<>();
  private final Set<List<JsonNode>> seen = new HashSet<>();

  private SearchRunner(
      PolicySearch search, Path out, RunExecutor executor, boolean restart, Listener listener) {
    this.search = search;
    this.out = out;
    this.executor = executor;
    this.restart = restart;
    this.listener = listener;
  }

  /**
   * Runs {@code s} into {@code out} and writes search.csv and optimum.csv there; a re-run into the
   * same folder resumes from the runs stored under {@code rounds/}.
   */
  public static SearchResult run(
      PolicySearch s, Path out, RunExecutor executor, boolean restart, Listener listener) {
    try {
      prepare(out, restart);
      SearchResult r = new SearchRunner(s, out, executor, restart, listener).search();
      write(out.resolve("search.csv"), r.searchCsv());
      write(out.resolve("optimum.csv"), r.optimumCsv());
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SearchResult search() {
    List<SearchParameter> params = search.parameters();
    List<List<JsonNode>> axes = new ArrayList<>();
    for (SearchParameter p : params) {
      axes.add(p.coarse());
    }
    evaluate("coarse", product(axes));
    for (int k = 1; k <= search.refinements(); k++) {
      SearchPoint best = SearchResult.best(search, points);
      if (best == null) {
        break;
      }
      evaluate("refine-" + k, search.compass() ? compass(best, k) : grid(best, k));
    }
    SearchPoint best = SearchResult.best(search, points);
    if (!search.surface().isEmpty() && best != null) {
      evaluate("surface", surface(best));
    }
    return SearchResult.of(search, points);
  }

  /**
   * The surface round: the coarse grid of the surface parameters with the others at the incumbent,
   * and every parameter's coarse values with the others at the incumbent (so each parameter's line
   * through the optimum has points across its bounds, not only the refinement's neighbours).
   */
  private List<List<JsonNode>> surface(SearchPoint best) {
    List<SearchParameter> params = search.parameters();
    List<List<JsonNode>> axes = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      axes.add(
          search.surface().contains(i) ? params.get(i).coarse() : List.of(best.values().get(i)));
    }
    List<List<JsonNode>> out = new ArrayList<>(product(axes));
    for (int i = 0; i < params.size(); i++) {
      for (JsonNode v : params.get(i).coarse()) {
        List<JsonNode> point = new ArrayList<>(best.values());
        point.set(i, v);
        out.add(List.copyOf(point));
      }
    }
    return out;
  }

  // Three values per parameter around the incumbent at round k's spacing, every combination.
  private List<List<JsonNode>> grid(SearchPoint best, int k) {
    List<List<JsonNode>> axes = new ArrayList<>();
    for (int i = 0; i < search.parameters().size(); i++) {
      SearchParameter p = search.parameters().get(i);
      axes.add(p.around(best.value(i), p.step(k)));
    }
    return product(axes);
  }

  // The incumbent moved by round k's spacing along one parameter at a time.
  private List<List<JsonNode>> compass(SearchPoint best, int k) {
    List<List<JsonNode>> out = new ArrayList<>();
    for (int i = 0; i < search.parameters().size(); i++) {
      SearchParameter p = search.parameters().get(i);
      for (JsonNode v : p.around(best.value(i), p.step(k))) {
        List<JsonNode> point = new ArrayList<>(best.values());
        point.set(i, v);
        out.add(List.copyOf(point));
      }
    }
    return out;
  }

  /** Runs the points of {@code candidates} not evaluated yet as one experiment. */
  private void evaluate(String round, List<List<JsonNode>> candidates) {
    List<List<JsonNode>> fresh = new ArrayList<>();
    for (List<JsonNode> c : candidates) {
      if (seen.add(c)) {
        fresh.add(c);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Experiment e = experiment(search, round, fresh);
    listener.round(round, fresh.size(), e.runCount());
    ExperimentResult result =
        ExperimentRunner.run(e, out.resolve(ROUNDS).resolve(round), executor, restart, listener);
    int metrics = e.metrics().size();
    int objectiveMetrics = search.objective().metrics().size();
    for (Cell c : e.cells()) {
      double[][] values = new double[metrics][];
      for (int m = 0; m < metrics; m++) {
        values[m] = result.values(c.index(), m);
      }
      double[] objective = new double[search.replications()];
      for (int r = 0; r < objective.length; r++) {
        double[] x = new double[objectiveMetrics];
        for (int m = 0; m < objectiveMetrics; m++) {
          x[m] = values[m][r];
        }
        objective[r] = search.objective().value(x);
      }
      points.add(new SearchPoint(points.size(), round, c.values(), values, objective));
    }
  }

  /**
   * The experiment of one round: a listed design with one cell per point, one factor per parameter,
   * the search's seeds and metrics. Every cell's scenario is built first, so a value the scenario
   * or the engine refuses names its point before anything runs.
   */
  static Experiment experiment(PolicySearch s, String round, List<List<JsonNode>> points) {
    List<Factor> factors = new ArrayList<>();
    for (int i = 0; i < s.parameters().size(); i++) {
      SearchParameter p = s.parameters().get(i);
      LinkedHashSet<JsonNode> values = new LinkedHashSet<>();
      for (List<JsonNode> point : points) {
        values.add(point.get(i));
      }
      List<JsonNode> sorted = new ArrayList<>(values);
      sorted.sort(Comparator.comparingDouble(JsonNode::asDouble));
      factors.add(
          new Factor(
              p.field(), p.label(), p.unit(), sorted, Map.of(), Double.NaN, Double.NaN, false));
    }
    List<Cell> cells = new ArrayList<>();
    for (List<JsonNode> point : points) {
      cells.add(new Cell(cells.size(), point));
    }
    List<Metric> metrics = s.collected();
    Experiment e =
        new Experiment(
            s.name() + " " + round,
            s.description(),
            s.base(),
            s.fixed(),
            factors,
            Design.LIST,
            cells,
            s.replications(),
            s.seed(),
            true,
            metrics,
            s.valueDir());
    for (Cell c : cells) {
      try {
        e.tree(c).scenario();
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            "point (" + describe(s, c.values()) + "): " + ex.getMessage(), ex);
      }
    }
    return e;
  }

  /** {@code audit.probabilityPpm=150000, penalty.linearCentsPerPermit=48000}. */
  public static String describe(PolicySearch s, List<JsonNode> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(s.parameters().get(i).field())
          .append('=')
          .append(values.get(i).toString());
    }
    return sb.toString();
  }

  /** Every combination, the first axis varying slowest. */
  static List<List<JsonNode>> product(List<List<JsonNode>> axes) {
    List<List<JsonNode>> out = new ArrayList<>();
    out.add(List.of());
    for (List<JsonNode> axis : axes) {
      List<List<JsonNode>> next = new ArrayList<>();
      for (List<JsonNode> head : out) {
        for (JsonNode v : axis) {
          List<JsonNode> p = new ArrayList<>(head);
          p.add(v);
          next.add(List.copyOf(p));
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * Refuses a folder that holds something other than a search; with {@code restart}, discards the
   * rounds of an earlier search there (each round's own plan check then sees an empty folder).
   */
  private static void prepare(Path out, boolean restart) throws IOException {
    Path rounds = out.resolve(ROUNDS);
    if (Files.isDirectory(out) && !Files.isDirectory(rounds) && !empty(out)) {
      throw new IllegalArgumentException(
          "--out " + out + " is not empty and holds no search; choose an empty or new folder");
    }
    if (restart && Files.isDirectory(rounds)) {
      try (Stream<Path> walk = Files.walk(rounds)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(rounds);
  }

  private static boolean empty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
