package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.sim.report.Outputs;
import org.computecap.sim.report.RowFiles;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.Progress;
import org.computecap.sim.run.Replications;
import org.computecap.sim.run.RowSink;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.run.Stats;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computecap simulate}: runs a scenario on the real engine (issue 4) and writes
 * summary.json, periods.csv, trades.csv, developers.csv, developer-periods.csv, report.html and the
 * engine's journal into {@code --out}; with {@code --replications R} it runs R seeds in parallel
 * and adds means with 95% confidence intervals. It prints a short table and where the report is.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Run an agent-based simulation of a cap-and-trade program on the engine.")
final class SimulateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      defaultValue = "default",
      description =
          "A shipped scenario (computecap scenarios list) or a scenario YAML file"
              + " (default: ${DEFAULT-VALUE}).")
  private String scenarioName;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/simulate",
      description =
          "Output directory (default: ${DEFAULT-VALUE}); an earlier simulation's "
              + "files there are replaced.")
  private Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
  private Long seed;

  @Option(
      names = "--replications",
      paramLabel = "R",
      defaultValue = "1",
      description = "Seeds to run in parallel, >= 1 (default: ${DEFAULT-VALUE}).")
  private int replications;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads for replications (default: all cores).")
  private Integer threads;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      description =
          "Replace any scenario field by path (repeatable): market.trading=CONTINUOUS, "
              + "developers.small-company.count=60, developers.*.spread=0.5, seed=3, "
              + "allocation.method=GRANDFATHER (a program field), program=FILE.")
  private Map<String, String> set = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    OptionChecks.atLeast("--replications", replications, 1);
    if (threads != null) {
      OptionChecks.atLeast("--threads", threads, 1);
    }
    OptionChecks.directory("--out", out);
    ScenarioTree tree = ScenarioTree.fileOrShipped("--scenario", scenarioName, Path.of(""));
    Scenario scenario = tree.scenario();
    try {
      scenario = tree.withAll(set).scenario();
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("--set")
          ? e
          : new IllegalArgumentException("--set: " + e.getMessage(), e);
    }
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    prepare(out);
    Path journal = out.resolve("journal");
    PrintWriter w = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    SimulationResult result;
    Replications reps = null;
    // The first run streams its journal, trades and developer-periods into --out as it goes,
    // so memory stays bounded however large the population; other replications keep no rows.
    try (RowFiles rows = new RowFiles(out)) {
      if (replications == 1) {
        result = Simulator.run(scenario, journal, rows, progress("periods", scenario.periods()));
      } else {
        Scenario base = scenario;
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        reps =
            Replications.run(
                base.seed(),
                replications,
                cores,
                s ->
                    s == base.seed()
                        ? Simulator.run(base.withSeed(s), journal, rows, null)
                        : Simulator.run(base.withSeed(s), null, RowSink.discard(), null),
                progress("runs", replications));
        result = reps.runs().get(0);
      }
    }
    Outputs.write(result, out, reps, true);
    print(w, result, (System.nanoTime() - t0) / 1e9);
    if (reps != null) {
      printReplications(w, reps);
    }
    return 0;
  }

  private static void printReplications(PrintWriter w, Replications reps) {
    TextTable t =
        new TextTable(
            "period",
            "price $ mean",
            "+-95%",
            "evasion mean",
            "+-95%",
            "welfare/planner mean",
            "+-95%");
    for (int j = 0; j < reps.runs().get(0).periods().size(); j++) {
      Stats price = reps.stats(j, PeriodResult::clearingPrice);
      Stats evasion = reps.stats(j, PeriodResult::evasionRate);
      Stats welfare = reps.stats(j, PeriodResult::welfareRatio);
      t.row(
          reps.runs().get(0).periods().get(j).period(),
          dollars(price.mean()),
          dollars(price.halfWidth()),
          evasion.mean(),
          evasion.halfWidth(),
          welfare.mean(),
          welfare.halfWidth());
    }
    w.println(reps.runs().size() + " replications:");
    t.print(w);
    w.flush();
  }

  private static Progress progress(String label, int total) {
    return System.console() != null || total >= 10
        ? new Progress(System.err, label, total)
        : Progress.silent(total);
  }

  // An earlier simulation's outputs are replaced; any other non-empty directory is refused,
  // so a mistyped --out never deletes someone's files.
  private static void prepare(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean earlier = Files.exists(dir.resolve("summary.json"));
      boolean empty;
      try (var s = Files.list(dir)) {
        empty = s.findAny().isEmpty();
      }
      if (!earlier && !empty) {
        throw new IllegalArgumentException(
            "--out "
                + dir
                + " is not empty and holds no "
                + "earlier simulation; choose an empty or new directory");
      }
      for (String f :
          new String[] {
            "journal",
            "summary.json",
            "periods.csv",
            "trades.csv",
            "developers.csv",
            "developer-periods.csv",
            "report.html"
          }) {
        Files.deleteIfExists(dir.resolve(f));
      }
    }
    Files.createDirectories(dir);
  }

  /** Dollars to the cent, so a price column lines up whatever the fraction of a cent. */
  private static String dollars(double cents) {
    return Double.isFinite(cents) ? String.format(Locale.ROOT, "%.2f", cents / 100) : "n/a";
  }

  private void print(PrintWriter w, SimulationResult r, double seconds) {
    TextTable t =
        new TextTable(
            "period",
            "price $",
            "theory $",
            "compute units",
            "no-cap units",
            "compliance",
            "evasion",
            "audits",
            "penalties $",
            "above cap permits",
            "welfare/planner");
    for (PeriodResult p : r.periods()) {
      t.row(
          p.period(),
          dollars(p.clearingPrice()),
          dollars(p.theoreticalPrice()),
          p.totalCompute(),
          p.baselineCompute(),
          p.complianceRate(),
          p.evasionRate(),
          p.audits(),
          dollars(p.penaltiesCollected()),
          p.excessCompute(),
          p.welfareRatio());
    }
    w.printf(
        "scenario %s, seed %d: %d engine commands in %.1f s%n",
        r.scenario(), r.seed(), r.journalEntries(), seconds);
    t.print(w);
    if (r.periods().stream().anyMatch(p -> p.excessCompute() > 0)) {
      w.println(
          "above cap: risk-weighted compute run beyond the permits available (evasion);"
              + " welfare/planner is n/a there");
    }
    w.println("stateHash " + r.stateHash());
    w.println("journal   " + out.resolve("journal"));
    w.println("report    " + out.resolve("report.html"));
    w.flush();
  }
}
