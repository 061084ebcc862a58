package org.computecap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentLoader;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.scenario.ScenarioTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computecap sweep}: the shortcut for a two-factor, full-factorial experiment with
 * replications (by default P2 Prop 8's levers, audit probability x linear penalty, on
 * p2-deterrence). Any two distinct scenario fields by path, numbers or names; the outputs are an
 * experiment's (runs.csv, cells.csv, figures with a heatmap per metric, report.html).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Run a scenario over a grid of two fields with replications (an experiment).")
final class SweepCommand implements Callable<Integer> {
  private static final List<String> METRICS =
      List.of(
          "clearing_price_cents",
          "evasion_share",
          "compliance_share",
          "welfare_vs_planner_ratio",
          "penalties_collected_cents");

  @Spec private CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      defaultValue = "p2-deterrence",
      description =
          "A shipped scenario (computecap scenarios list) or a scenario YAML file"
              + " (default: ${DEFAULT-VALUE}).")
  private String scenarioName;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/sweep",
      description = "Output folder (default: ${DEFAULT-VALUE}); a re-run there resumes.")
  private Path out;

  @Option(
      names = "--x",
      paramLabel = "FIELD=V1,V2,...",
      defaultValue = "audit.probabilityPpm=50000,100000,200000,300000,400000",
      description =
          "First axis: any scenario field by path and its values (default: ${DEFAULT-VALUE}).")
  private String x;

  @Option(
      names = "--y",
      paramLabel = "FIELD=V1,V2,...",
      defaultValue = "penalty.linearCentsPerPermit=20000,40000,60000,80000,100000",
      description = "Second axis, a different field (default: ${DEFAULT-VALUE}).")
  private String y;

  @Option(
      names = "--replications",
      paramLabel = "R",
      defaultValue = "3",
      description = "Replications per cell, seeds seed..seed+R-1 in every cell (default: 3).")
  private int replications;

  @Option(names = "--seed", paramLabel = "N", description = "First seed (default: the scenario's).")
  private Long seed;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      description = "Replace any scenario field before the sweep (repeatable).")
  private Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
  private Integer threads;

  @Option(
      names = {"--spark", "--spark-master"},
      paramLabel = "MASTER",
      description = "Run as Apache Spark tasks (see computecap experiment --help).")
  private String sparkMaster;

  @Option(names = "--restart", description = "Discard runs of an earlier plan in --out.")
  private boolean restart;

  @Override
  public Integer call() throws Exception {
    if (threads != null) {
      OptionChecks.atLeast("--threads", threads, 1);
    }
    OptionChecks.within("--replications", replications, 1, 10_000);
    OptionChecks.directory("--out", out);
    String xField = field("--x", x);
    String yField = field("--y", y);
    if (xField.equals(yField)) {
      throw new IllegalArgumentException(
          "--x and --y must name different fields, both were " + xField);
    }
    Map<String, List<JsonNode>> factors = new LinkedHashMap<>();
    factors.put(xField, values("--x", x));
    factors.put(yField, values("--y", y));
    ScenarioTree base =
        ScenarioTree.fileOrShipped("--scenario", scenarioName, Path.of("")).withAll(set);
    check("--x", base, xField, factors.get(xField));
    check("--y", base, yField, factors.get(yField));
    Experiment e =
        ExperimentLoader.grid(
            "sweep",
            base,
            factors,
            replications,
            seed,
            METRICS.stream().map(Metric::named).toList());
    ExperimentCommand.run(
        e,
        out,
        ExperimentCommand.executor(sparkMaster, threads),
        restart,
        spec.commandLine().getOut());
    return 0;
  }

  /** Each value of one axis on the base scenario, so that a bad one names its option. */
  private static void check(String option, ScenarioTree base, String field, List<JsonNode> values) {
    for (JsonNode v : values) {
      try {
        base.with(field, v, null).scenario();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            option + " " + field + "=" + v.asText() + ": " + e.getMessage(), e);
      }
    }
  }

  static String field(String option, String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " must be FIELD=V1,V2,..., was " + spec);
    }
    return spec.substring(0, eq).trim();
  }

  /** The values after the '=', each read as --set reads one (numbers, names). */
  static List<JsonNode> values(String option, String spec) {
    String field = field(option, spec);
    String[] parts = spec.substring(spec.indexOf('=') + 1).split(",", -1);
    if (parts.length > 50) {
      throw new IllegalArgumentException(option + " must have 1 to 50 values, had " + parts.length);
    }
    List<JsonNode> out = new ArrayList<>();
    for (String p : parts) {
      try {
        out.add(ScenarioTree.value(field, p));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            option
                + " "
                + field
                + ": a value is empty or not "
                + "valid, was '"
                + p
                + "' in "
                + spec,
            e);
      }
    }
    return out;
  }
}
