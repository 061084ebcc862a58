package org.computecap.sim.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.scenario.ScenarioTree;

/**
 * A declarative policy search (issue 18, docs/experiments.md#policy-search): a base scenario with
 * fixed values, the levers searched with their bounds, the objective, replications per point and
 * the refinement rounds. Everything the search evaluates follows from this record and the
 * simulator, so the same file gives the same points, runs and optimum.
 *
 * @param metrics metrics reported beside the objective's (the objective's own come first)
 * @param refinements refinement rounds after the coarse grid (each halves the spacing)
 * @param compass whether a refinement round is a compass (pattern) search, the incumbent plus and
 *     minus the spacing along each parameter (2 per parameter), rather than the grid of three
 *     values per parameter around it (3^d - 1 points)
 * @param surface indices of the 1 or 2 parameters whose surface through the optimum is evaluated
 *     over their coarse grid for the figures, with every parameter's coarse line through it (empty:
 *     no surface round)
 * @param bootstrap resamples of the replications for the argmax's bootstrap
 * @param valueDir where program files named by a fixed value resolve
 */
public record PolicySearch(
    String name,
    String description,
    ScenarioTree base,
    Map<String, JsonNode> fixed,
    List<SearchParameter> parameters,
    Objective objective,
    int replications,
    long seed,
    int refinements,
    boolean compass,
    List<Metric> metrics,
    List<Integer> surface,
    int bootstrap,
    Path valueDir) {

  public PolicySearch {
    fixed = new LinkedHashMap<>(fixed);
    parameters = List.copyOf(parameters);
    metrics = List.copyOf(metrics);
    surface = List.copyOf(surface);
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a search needs at least one parameter");
    }
    if (replications < 2) {
      throw new IllegalArgumentException(
          "replications must be >= 2 (the intervals and paired differences need them), was "
              + replications);
    }
  }

  /** Every metric collected: the objective's, then the others asked for, each once. */
  public List<Metric> collected() {
    LinkedHashSet<Metric> all = new LinkedHashSet<>(objective.metrics());
    all.addAll(metrics);
    return new ArrayList<>(all);
  }

  /** The base scenario with the fixed values applied (what every point starts from). */
  public ScenarioTree fixedTree() {
    ScenarioTree t = base;
    for (Map.Entry<String, JsonNode> e : fixed.entrySet()) {
      t = t.with(e.getKey(), e.getValue(), valueDir);
    }
    return t;
  }
}
