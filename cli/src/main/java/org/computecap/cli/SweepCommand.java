package org.computecap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.computecap.sim.report.SweepOutputs;
import org.computecap.sim.run.Progress;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.run.Sweep;
import org.computecap.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computecap sweep}: runs a scenario over a grid of two program fields (by default the audit
 * probability and the linear penalty, P2 Prop 8's levers) in parallel and writes sweep.csv and a
 * heatmap of the evasion rate and welfare.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Run a scenario over a grid of two program parameters into CSV + heatmap.")
final class SweepCommand implements Callable<Integer> {

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
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--x",
      paramLabel = "FIELD=V1,V2,...",
      defaultValue = "audit.probabilityPpm=50000,100000,200000,300000,400000",
      description =
          "First axis: a whole-number program field and its values "
              + "(default: ${DEFAULT-VALUE}).")
  private String x;

  @Option(
      names = "--y",
      paramLabel = "FIELD=V1,V2,...",
      defaultValue = "penalty.linearCentsPerPermit=20000,40000,60000,80000,100000",
      description = "Second axis (default: ${DEFAULT-VALUE}).")
  private String y;

  @Option(names = "--threads", description = "Threads (default: all cores).")
  private Integer threads;

  @Override
  public Integer call() throws Exception {
    if (threads != null) {
      OptionChecks.atLeast("--threads", threads, 1);
    }
    OptionChecks.directory("--out", out);
    Scenario s = ScenarioOption.load("--scenario", scenarioName);
    String xField = field("--x", x);
    String yField = field("--y", y);
    long[] xs = values("--x", x);
    long[] ys = values("--y", y);
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Progress progress = new Progress(System.err, "runs", xs.length * ys.length);
    List<Sweep.Cell> cells =
        Sweep.run(s, xField, xs, yField, ys, sc -> Simulator.run(sc, null, null), cores, progress);
    SweepOutputs.write(out, xField, xs, yField, ys, cells);
    PrintWriter w = spec.commandLine().getOut();
    TextTable t =
        new TextTable(xField, yField, "mean price $", "evasion", "compliance", "welfare/planner");
    for (Sweep.Cell c : cells) {
      t.row(
          c.x(), c.y(), c.meanPrice() / 100, c.evasionRate(), c.complianceRate(), c.welfareRatio());
    }
    t.print(w);
    w.println("csv       " + out.resolve("sweep.csv"));
    w.println("heatmap   " + out.resolve("heatmap.html"));
    w.flush();
    return 0;
  }

  static String field(String option, String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " must be FIELD=V1,V2,..., was " + spec);
    }
    return spec.substring(0, eq).trim();
  }

  static long[] values(String option, String spec) {
    String[] parts = spec.substring(spec.indexOf('=') + 1).split(",");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " values must be whole numbers, was " + parts[i]);
      }
    }
    if (out.length == 0 || out.length > 50) {
      throw new IllegalArgumentException(option + " must have 1 to 50 values");
    }
    return out;
  }
}
