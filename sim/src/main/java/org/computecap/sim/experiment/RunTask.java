package org.computecap.sim.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.LinkedPeriod;
import org.computecap.sim.run.LinkedResult;
import org.computecap.sim.run.LinkedSimulator;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.LinkedScenario;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.ScenarioTree;

/**
 * One run of an experiment, self-contained so that any executor (a thread here, a Spark task on
 * another machine) runs it the same way: the scenario travels as YAML with its program inlined and
 * its seed set, and the row prefix (cell, replication, seed, factor values) is fixed by the
 * planner. Running it is a pure function of these fields, which is what makes a retried or
 * speculative Spark task harmless and runs.csv the same under every executor.
 *
 * @param rowPrefix the first columns of each of the run's rows, already CSV-escaped
 * @param metrics names of the metric columns, in order
 */
public record RunTask(
    int cell,
    int replication,
    long seed,
    String scenarioYaml,
    String rowPrefix,
    List<String> metrics)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunTask {
    metrics = List.copyOf(metrics);
  }

  /** Runs the simulation and formats its rows (one per period, each ending in a newline). */
  public RunRows run() {
    ScenarioTree tree =
        ScenarioTree.parse("cell " + cell + " replication " + replication, scenarioYaml, null);
    if (tree.isLinked()) {
      return runLinked(tree.linkedScenario());
    }
    Scenario s =
        ScenarioLoader.parse("cell " + cell + " replication " + replication, scenarioYaml, null);
    if (s.seed() != seed) {
      throw new AssertionError("run seed " + s.seed() + " differs from the plan's " + seed);
    }
    SimulationResult r = Simulator.run(s, null, null);
    List<Metric> columns = metrics.stream().map(Metric::named).toList();
    Map<Integer, List<ClassPeriodRow>> classes = new HashMap<>();
    for (ClassPeriodRow row : r.classPeriods()) {
      classes.computeIfAbsent(row.period(), t -> new ArrayList<>()).add(row);
    }
    StringBuilder sb = new StringBuilder();
    for (PeriodResult p : r.periods()) {
      sb.append(rowPrefix).append(',').append(p.period());
      List<ClassPeriodRow> rows = classes.getOrDefault(p.period(), List.of());
      for (Metric m : columns) {
        sb.append(',').append(m.format(p, rows, s));
      }
      sb.append('\n');
    }
    return new RunRows(cell, replication, sb.toString());
  }

  // A linked run (issue 18): one row per period with the linked metrics.
  private RunRows runLinked(LinkedScenario s) {
    if (s.seed() != seed) {
      throw new AssertionError("run seed " + s.seed() + " differs from the plan's " + seed);
    }
    LinkedResult r = LinkedSimulator.run(s);
    List<Metric> columns = metrics.stream().map(LinkedMetrics::named).toList();
    int first = s.jurisdictions().get(0).scenario().program().firstPeriod();
    StringBuilder sb = new StringBuilder();
    for (LinkedPeriod p : r.periods()) {
      sb.append(rowPrefix).append(',').append(first + p.step());
      for (Metric m : columns) {
        sb.append(',').append(LinkedMetrics.format(m, p));
      }
      sb.append('\n');
    }
    return new RunRows(cell, replication, sb.toString());
  }

  /** The key a finished run is stored under, e.g. {@code c000012-r0003}. */
  public String key() {
    return RunRows.key(cell, replication);
  }
}
