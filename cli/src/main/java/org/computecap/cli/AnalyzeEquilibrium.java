package org.computecap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Planner;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.UniformAllocation;
import org.computecap.economics.market.Welfare;
import org.computecap.figures.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze equilibrium}: the competitive permit market for a population read from CSV (P2 Eq.
 * 5-6), its welfare next to the planner's optimum (Prop 5) and to uniform command-and-control (Prop
 * 6), and each developer's compute and permits. Every number comes from the economics market
 * package; the welfare gain is the plain difference {@code welfare - uniformWelfare}.
 */
@Command(
    name = "equilibrium",
    mixinStandardHelpOptions = true,
    description =
        "Competitive equilibrium of the permit market for a population CSV (P2 Eq."
            + " 5-6): clearing price, allocations, welfare vs planner and uniform allocation.")
final class AnalyzeEquilibrium implements Callable<Integer> {

  /** One allocation: a developer's compute and the permits that compute needs. */
  record Allocation(String id, double compute, double permits) {}

  /** allocations.csv: compute in the population's compute units, permits = lambda_bar * compute. */
  static final CsvTable<Allocation> CSV =
      CsvTable.<Allocation>of()
          .key("id", Allocation::id)
          .number("compute_units", Allocation::compute)
          .number("permits", Allocation::permits);

  @Spec private CommandSpec spec;

  @Option(
      names = "--population",
      paramLabel = "FILE",
      required = true,
      description =
          "Population CSV with header id,family,theta,beta,k,a,lambda_bar;"
              + " family is power, log or p1 (see docs/analyze.md).")
  private Path populationFile;

  @Option(
      names = "--cap",
      paramLabel = "Q",
      required = true,
      description = "Cap Q on risk-weighted compute (permits), > 0.")
  private double cap;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write DIR/allocations.csv (id,compute_units,permits).")
  private Path out;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  private boolean json;

  /** The equilibrium and the two benchmarks it is compared with. */
  private record Result(
      Equilibrium equilibrium,
      double[] permits,
      double welfare,
      double plannerWelfare,
      double uniformWelfare) {}

  @Override
  public Integer call() throws IOException {
    PopulationCsv.Parsed parsed = PopulationCsv.read(populationFile);
    Result result;
    try {
      result = solve(parsed.population());
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(e, Map.of("capQ", "--cap"));
    }
    List<Path> written = new ArrayList<>();
    if (out != null) {
      written.add(writeCsv(parsed.ids(), result, OutputFiles.directory(out)));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      Json.print(stdout, toJson(parsed.ids(), result));
    } else {
      printTables(stdout, parsed, result);
      written.forEach(p -> stdout.println("wrote " + p));
      stdout.flush();
    }
    return 0;
  }

  private Result solve(Population pop) {
    Equilibrium eq = MarketClearing.solve(pop, cap);
    double[] plannerCompute = Planner.solve(pop, cap).compute();
    double[] uniformCompute = UniformAllocation.compute(pop, cap);
    return new Result(
        eq,
        eq.permits(pop),
        Welfare.total(pop, eq.compute()),
        Welfare.total(pop, plannerCompute),
        Welfare.total(pop, uniformCompute));
  }

  private ObjectNode toJson(List<String> ids, Result r) {
    ObjectNode root = Json.object();
    root.put("price", r.equilibrium().price());
    root.put("capBinding", r.equilibrium().capBinding());
    root.put("welfare", r.welfare());
    root.put("plannerWelfare", r.plannerWelfare());
    root.put("uniformWelfare", r.uniformWelfare());
    root.put("welfareGainVsUniform", r.welfare() - r.uniformWelfare());
    ArrayNode allocations = root.putArray("allocations");
    double[] compute = r.equilibrium().compute();
    for (int i = 0; i < ids.size(); i++) {
      allocations
          .addObject()
          .put("id", ids.get(i))
          .put("compute", compute[i])
          .put("permits", r.permits()[i]);
    }
    return root;
  }

  private void printTables(PrintWriter out, PopulationCsv.Parsed parsed, Result r) {
    Population pop = parsed.population();
    out.println(
        "Permit market equilibrium: "
            + pop.size()
            + " developers, cap Q = "
            + TextTable.number(cap));
    new TextTable("quantity", "value", "meaning")
        .row("price", r.equilibrium().price(), "clearing permit price p* (0 if cap is slack)")
        .row("capBinding", r.equilibrium().capBinding(), "the cap binds: demand at p = 0 exceeds Q")
        .row("welfare", r.welfare(), "sum of v_i(c_i) at the market allocation")
        .row("plannerWelfare", r.plannerWelfare(), "planner optimum (P2 Prop 5)")
        .row("uniformWelfare", r.uniformWelfare(), "uniform c_i = Q/(n*lambda_avg) (Prop 6)")
        .row("welfareGainVsUniform", r.welfare() - r.uniformWelfare(), "welfare - uniformWelfare")
        .print(out);
    out.println();
    TextTable allocations = new TextTable("id", "family", "lambda_bar", "compute", "permits");
    double[] compute = r.equilibrium().compute();
    double computeTotal = 0;
    double permitsTotal = 0;
    for (int i = 0; i < pop.size(); i++) {
      allocations.row(
          parsed.ids().get(i),
          pop.family(i).name().toLowerCase(Locale.ROOT),
          pop.lambdaBar(i),
          compute[i],
          r.permits()[i]);
      computeTotal += compute[i];
      permitsTotal += r.permits()[i];
    }
    allocations.row("total", "", "", computeTotal, permitsTotal);
    allocations.print(out);
  }

  private static Path writeCsv(List<String> ids, Result r, Path dir) throws IOException {
    List<Allocation> rows = new ArrayList<>();
    double[] compute = r.equilibrium().compute();
    for (int i = 0; i < ids.size(); i++) {
      rows.add(new Allocation(ids.get(i), compute[i], r.permits()[i]));
    }
    return CSV.write(dir.resolve("allocations.csv"), rows);
  }
}
