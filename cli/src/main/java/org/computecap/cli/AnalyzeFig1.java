package org.computecap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.economics.firm.Fig1;
import org.computecap.figures.Axis;
import org.computecap.figures.CsvTable;
import org.computecap.figures.Figure;
import org.computecap.figures.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze fig1}: P1 Fig. 1, optimal compute x* against the cost per FLOP a with no cap, with
 * the cap at a fixed permit price b = 1e-2, and with b = sqrt(a). The rows come from {@link Fig1};
 * this class only lays them out as a table, JSON, CSV and a log-log chart.
 */
@Command(
    name = "fig1",
    mixinStandardHelpOptions = true,
    description =
        "P1 Fig. 1: optimal compute x* vs cost per FLOP a (log grid 1e-4..1e-1),"
            + " no cap vs cap with b = 1e-2 and b = sqrt(a).")
final class AnalyzeFig1 implements Callable<Integer> {

  /** fig1.csv: P1's model units, compute in units and prices in utility per unit of compute. */
  static final CsvTable<Fig1.Row> CSV =
      CsvTable.<Fig1.Row>of()
          .number("a_utils_per_unit", Fig1.Row::a)
          .number("x_nocap_units", Fig1.Row::xNoCap)
          .number("b_fixed_utils_per_unit", Fig1.Row::bFixed)
          .number("x_cap_fixed_units", Fig1.Row::xCapFixed)
          .number("b_sqrt_utils_per_unit", Fig1.Row::bSqrt)
          .number("x_cap_sqrt_units", Fig1.Row::xCapSqrt);

  @Spec private CommandSpec spec;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "1",
      description = "Curvature k of u(x) = -x^(-k) - a*x, > 0 (default: ${DEFAULT-VALUE}).")
  private double k;

  @Option(
      names = "--points",
      paramLabel = "N",
      defaultValue = "31",
      description = "Number of a values on the log grid, >= 2 (default: ${DEFAULT-VALUE}).")
  private int points;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write DIR/fig1.csv, DIR/fig1.png and DIR/fig1.svg.")
  private Path out;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    List<Fig1.Row> rows;
    try {
      rows = Fig1.rows(k, points);
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(e, Map.of("k", "--k", "points", "--points"));
    }
    List<Path> written = out == null ? List.of() : write(rows, OutputFiles.directory(out));
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      Json.print(stdout, toJson(rows, written));
      return 0;
    }
    stdout.println("P1 Fig. 1, k = " + TextTable.number(k) + ": x* = (k/(a+b))^(1/(k+1))");
    TextTable table =
        new TextTable("a", "x_nocap", "b_fixed", "x_cap_fixed", "b_sqrt", "x_cap_sqrt");
    for (Fig1.Row r : rows) {
      table.row(r.a(), r.xNoCap(), r.bFixed(), r.xCapFixed(), r.bSqrt(), r.xCapSqrt());
    }
    table.print(stdout);
    written.forEach(p -> stdout.println("wrote " + p));
    stdout.flush();
    return 0;
  }

  private ObjectNode toJson(List<Fig1.Row> rows, List<Path> written) {
    ObjectNode root = Json.object();
    root.put("k", k);
    ArrayNode array = root.putArray("rows");
    for (Fig1.Row r : rows) {
      array
          .addObject()
          .put("a", r.a())
          .put("xNoCap", r.xNoCap())
          .put("bFixed", r.bFixed())
          .put("xCapFixed", r.xCapFixed())
          .put("bSqrt", r.bSqrt())
          .put("xCapSqrt", r.xCapSqrt());
    }
    ArrayNode files = root.putArray("written");
    written.forEach(p -> files.add(p.toString()));
    return root;
  }

  private List<Path> write(List<Fig1.Row> rows, Path dir) throws IOException {
    double[] a = new double[rows.size()];
    double[] noCap = new double[rows.size()];
    double[] capFixed = new double[rows.size()];
    double[] capSqrt = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Fig1.Row r = rows.get(i);
      a[i] = r.a();
      noCap[i] = r.xNoCap();
      capFixed[i] = r.xCapFixed();
      capSqrt[i] = r.xCapSqrt();
    }
    List<Path> written = new ArrayList<>();
    written.add(CSV.write(dir.resolve("fig1.csv"), rows));
    Figure chart =
        LineChart.of(
                "P1 Fig. 1: optimal compute vs cost per FLOP (k = " + TextTable.number(k) + ")",
                Axis.of("cost per FLOP a", "utility per unit of compute").logarithmic(),
                Axis.of("optimal compute x*", "compute units").logarithmic())
            .line("no cap", a, noCap)
            .line("cap, b = 1e-2", a, capFixed)
            .line("cap, b = sqrt(a)", a, capSqrt)
            .figure();
    written.addAll(chart.write(dir, "fig1"));
    return written;
  }
}
