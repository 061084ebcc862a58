package org.computecap.sim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.sim.scenario.ScenarioTree;

/**
 * A declarative experiment (issue 12): a base scenario, fixed field values, factors, the cells of a
 * design, replications per cell and the metrics to collect. Everything a run does follows from this
 * record, so the same experiment gives the same runs whatever executes them.
 *
 * <p>Seeds: with common random numbers (the default) replication {@code r} of every cell runs under
 * seed {@code seed + r}, so cells differ only by their factors and comparisons between cells have
 * less noise; a row of runs.csv is reproduced by {@code computecap simulate --seed} with the cell's
 * values. Without them each (cell, replication) gets its own seed from a SplitMix64 mix of (seed,
 * cell, replication). Never from a thread, a partition or a task.
 *
 * @param valueDir where program files named by a factor or a fixed value resolve
 */
public record Experiment(
    String name,
    String description,
    ScenarioTree base,
    Map<String, JsonNode> fixed,
    List<Factor> factors,
    Design design,
    List<Cell> cells,
    int replications,
    long seed,
    boolean commonRandomNumbers,
    List<Metric> metrics,
    Path valueDir) {

  public Experiment {
    fixed = new LinkedHashMap<>(fixed);
    factors = List.copyOf(factors);
    cells = List.copyOf(cells);
    metrics = List.copyOf(metrics);
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1, was " + replications);
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("an experiment needs at least one cell");
    }
  }

  /** The seed of replication {@code r} in cell {@code cell}. */
  public long seed(int cell, int r) {
    if (commonRandomNumbers) {
      return seed + r;
    }
    return mix(mix(seed ^ mix(cell + 1L)) ^ (r + 1L));
  }

  /** The base scenario with the fixed values and the cell's factor values applied. */
  public ScenarioTree tree(Cell cell) {
    ScenarioTree t = base;
    for (Map.Entry<String, JsonNode> e : fixed.entrySet()) {
      t = t.with(e.getKey(), e.getValue(), valueDir);
    }
    for (int f = 0; f < factors.size(); f++) {
      for (Map.Entry<String, JsonNode> e : factors.get(f).fields(cell.values().get(f)).entrySet()) {
        t = t.with(e.getKey(), e.getValue(), valueDir);
      }
    }
    return t;
  }

  /** The tree of one run: the cell's tree under the run's seed. */
  public ScenarioTree tree(Cell cell, int r) {
    return tree(cell).with("seed", LongNode.valueOf(seed(cell.index(), r)), null);
  }

  public int runCount() {
    return cells.size() * replications;
  }

  /** SplitMix64's finaliser: a bijection that spreads nearby inputs over all 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The same experiment with other fixed values, cells and replications: a shipped experiment run
   * smaller (a test, a quick look), with the same factors, design, seed, seeding and metrics, so a
   * replication it runs is the full experiment's replication of that cell.
   */
  public Experiment reduced(Map<String, JsonNode> fixed, List<Cell> cells, int replications) {
    return new Experiment(
        name,
        description,
        base,
        fixed,
        factors,
        design,
        cells,
        replications,
        seed,
        commonRandomNumbers,
        metrics,
        valueDir);
  }

  /** The same experiment with {@code replications} replications of every cell. */
  public Experiment withReplications(int replications) {
    return reduced(fixed, cells, replications);
  }
}
