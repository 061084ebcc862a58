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
import org.computecap.economics.firm.P1Firm;
import org.computecap.economics.firm.Sensitivity;
import org.computecap.figures.Axis;
import org.computecap.figures.CsvTable;
import org.computecap.figures.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze sensitivity}: the P1 ablation on the permit price b. It sweeps b from almost zero,
 * where the cap is toothless (x_cap -> x_nocap), to a large price that cuts compute hard, and marks
 * both ends in the table because they are the paper's two warnings.
 */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description =
        "P1 ablation: reduction ratio 1 - x_cap/x_nocap vs permit price b, from a"
            + " toothless b -> 0 to a large b.")
final class AnalyzeSensitivity implements Callable<Integer> {

  /** sensitivity.csv: the reduction 1 - x_cap/x_nocap is a share of the no-cap compute. */
  static final CsvTable<Sensitivity.Row> CSV =
      CsvTable.<Sensitivity.Row>of()
          .number("b_utils_per_unit", Sensitivity.Row::b)
          .number("x_cap_units", Sensitivity.Row::xCap)
          .number("reduction_share", Sensitivity.Row::reductionRatio);

  static final String TOOTHLESS = "toothless: b -> 0, x_cap ~ x_nocap";
  static final String LARGE_B = "large b: compute cut hard";

  @Spec private CommandSpec spec;

  @Option(
      names = "--a",
      paramLabel = "A",
      defaultValue = "0.01",
      description = "Cost per FLOP a, > 0 (default: ${DEFAULT-VALUE}).")
  private double a;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "1",
      description = "Curvature k of u(x) = -x^(-k) - a*x, > 0 (default: ${DEFAULT-VALUE}).")
  private double k;

  @Option(
      names = "--points",
      paramLabel = "N",
      defaultValue = "37",
      description = "Number of b values on the log grid, >= 2 (default: ${DEFAULT-VALUE}).")
  private int points;

  @Option(
      names = "--b-min",
      paramLabel = "PRICE",
      defaultValue = "1e-8",
      description = "Lowest permit price, > 0 (default: ${DEFAULT-VALUE}).")
  private double bMin;

  @Option(
      names = "--b-max",
      paramLabel = "PRICE",
      defaultValue = "10",
      description = "Highest permit price, >= --b-min (default: ${DEFAULT-VALUE}).")
  private double bMax;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write DIR/sensitivity.csv, .png and .svg.")
  private Path out;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    List<Sensitivity.Row> rows;
    try {
      rows = Sensitivity.rows(a, k, bMin, bMax, points);
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(
          e,
          Map.of(
              "a", "--a", "k", "--k", "bMin", "--b-min", "bMax", "--b-max", "points", "--points"));
    }
    double xNoCap = P1Firm.noCapCompute(a, k);
    List<Path> written = out == null ? List.of() : write(rows, OutputFiles.directory(out));
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      Json.print(stdout, toJson(rows, xNoCap, written));
      return 0;
    }
    stdout.println(
        "P1 price sensitivity, a = "
            + TextTable.number(a)
            + ", k = "
            + TextTable.number(k)
            + ", x_nocap = "
            + TextTable.number(xNoCap));
    TextTable table = new TextTable("b", "x_cap", "reduction_ratio", "note");
    for (int i = 0; i < rows.size(); i++) {
      Sensitivity.Row r = rows.get(i);
      table.row(r.b(), r.xCap(), r.reductionRatio(), note(rows, i));
    }
    table.print(stdout);
    written.forEach(p -> stdout.println("wrote " + p));
    stdout.flush();
    return 0;
  }

  /**
   * Labels for the ends of the sweep. A label only claims what the numbers show: the low end is
   * called toothless when the cap cuts less than 1% of compute, the high end a hard cut when it
   * removes at least half; otherwise the ends are just named.
   */
  private static String note(List<Sensitivity.Row> rows, int i) {
    if (i == 0) {
      return isToothless(rows.get(0)) ? TOOTHLESS : "lowest b";
    }
    if (i == rows.size() - 1) {
      return cutsHard(rows.get(i)) ? LARGE_B : "highest b";
    }
    return "";
  }

  private static boolean isToothless(Sensitivity.Row row) {
    return row.reductionRatio() < 0.01;
  }

  private static boolean cutsHard(Sensitivity.Row row) {
    return row.reductionRatio() >= 0.5;
  }

  private ObjectNode toJson(List<Sensitivity.Row> rows, double xNoCap, List<Path> written) {
    ObjectNode root = Json.object();
    root.put("a", a);
    root.put("k", k);
    root.put("xNoCap", xNoCap);
    ArrayNode array = root.putArray("rows");
    for (Sensitivity.Row r : rows) {
      array
          .addObject()
          .put("b", r.b())
          .put("xCap", r.xCap())
          .put("reductionRatio", r.reductionRatio());
    }
    ArrayNode files = root.putArray("written");
    written.forEach(p -> files.add(p.toString()));
    return root;
  }

  private List<Path> write(List<Sensitivity.Row> rows, Path dir) throws IOException {
    double[] b = new double[rows.size()];
    double[] ratio = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      b[i] = rows.get(i).b();
      ratio[i] = rows.get(i).reductionRatio();
    }
    List<Path> written = new ArrayList<>();
    written.add(CSV.write(dir.resolve("sensitivity.csv"), rows));
    LineChart chart =
        LineChart.of(
                "P1 ablation: how much the cap cuts compute (a = "
                    + TextTable.number(a)
                    + ", k = "
                    + TextTable.number(k)
                    + ")",
                Axis.of("permit price b", "utility per unit of compute").logarithmic(),
                Axis.share("reduction 1 - x_cap/x_nocap"))
            .line("reduction", b, ratio);
    // Name the ends the paper warns about, a tenth of the way in from each side.
    double logMin = Math.log(b[0]);
    double logSpan = Math.log(b[b.length - 1]) - logMin;
    if (isToothless(rows.get(0))) {
      chart.note("toothless (b -> 0)", Math.exp(logMin + 0.12 * logSpan), ratio[0] + 0.08);
    }
    if (cutsHard(rows.get(rows.size() - 1))) {
      chart.note(
          "large b: compute cut hard",
          Math.exp(logMin + 0.6 * logSpan),
          Math.min(0.95, ratio[ratio.length - 1]));
    }
    written.addAll(chart.figure().write(dir, "sensitivity"));
    return written;
  }
}
