package org.computecap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.economics.efficiency.EfficiencyFirm;
import org.computecap.economics.efficiency.EfficiencyTable;
import org.computecap.economics.efficiency.EffortCost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze efficiency}: a developer's efficiency effort and energy against the permit price
 * (issue 13), with the effort under grandfathering updated on own history beside it. Every number
 * comes from {@link EfficiencyTable}; this class only reads options and prints.
 */
@Command(
    name = "efficiency",
    mixinStandardHelpOptions = true,
    description =
        "Efficiency investment (issue 13): effort e*, compute and energy against the permit"
            + " price, and e* when the free allocation is updated on own energy.")
final class AnalyzeEfficiency implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--price",
      paramLabel = "P",
      split = ",",
      description =
          "Permit prices per unit of energy, >= 0, comma-separated (default: 0,0.001,"
              + "0.003,0.01,0.03,0.1,0.3,1).")
  private List<Double> prices = EfficiencyTable.DEFAULT_PRICES;

  @Option(
      names = "--a",
      paramLabel = "A",
      defaultValue = "0.01",
      description = "Cost per unit compute other than energy, > 0 (default: ${DEFAULT-VALUE}).")
  private double a;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "1",
      description = "Curvature k of -c^(-k), > 0 (default: ${DEFAULT-VALUE}).")
  private double k;

  @Option(
      names = "--energy0",
      paramLabel = "E0",
      defaultValue = "1",
      description = "Energy per unit compute before effort, >= 0 (default: ${DEFAULT-VALUE}).")
  private double energy0;

  @Option(
      names = "--kappa",
      paramLabel = "KAPPA",
      defaultValue = "1",
      description =
          "Effort cost scale in (kappa*e^2 + phi*e)/(1-e), >= 0 (default: ${DEFAULT-VALUE}).")
  private double kappa;

  @Option(
      names = "--phi",
      paramLabel = "PHI",
      defaultValue = "0",
      description = "Marginal effort cost at e = 0, >= 0 (default: ${DEFAULT-VALUE}).")
  private double phi;

  @Option(
      names = "--discount-rate",
      paramLabel = "R",
      defaultValue = "0.05",
      description = "Discount rate per period, >= 0 (default: ${DEFAULT-VALUE}).")
  private double discountRate;

  @Option(
      names = "--horizon",
      paramLabel = "T",
      defaultValue = "5",
      description = "Periods the effort pays over, >= 1 (default: ${DEFAULT-VALUE}).")
  private int horizon;

  @Option(
      names = "--update-share",
      paramLabel = "L",
      defaultValue = "0.5",
      description =
          "Share of the allocation moved to last period's own energy each period, in [0, 1]"
              + " (default: ${DEFAULT-VALUE}).")
  private double updateShare;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  private static final Map<String, String> OPTION_OF_PARAMETER =
      Map.of(
          "a", "--a",
          "k", "--k",
          "energy0", "--energy0",
          "kappa", "--kappa",
          "phi", "--phi",
          "price", "--price",
          "discountRate", "--discount-rate",
          "horizon", "--horizon",
          "updateShare", "--update-share");

  @Override
  public Integer call() {
    List<EfficiencyTable.Row> rows;
    try {
      EfficiencyFirm firm = new EfficiencyFirm(a, k, energy0, new EffortCost(kappa, phi));
      rows = EfficiencyTable.rows(firm, prices, discountRate, horizon, updateShare);
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(e, OPTION_OF_PARAMETER);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, toJson(rows));
      return 0;
    }
    out.println(
        "Efficiency effort, a = "
            + TextTable.number(a)
            + ", k = "
            + TextTable.number(k)
            + ", E0 = "
            + TextTable.number(energy0)
            + ", kappa = "
            + TextTable.number(kappa)
            + ", phi = "
            + TextTable.number(phi)
            + "; updating: r = "
            + TextTable.number(discountRate)
            + ", T = "
            + horizon
            + ", share = "
            + TextTable.number(updateShare));
    TextTable table =
        new TextTable(
            "price",
            "effort",
            "compute",
            "energy_per_compute",
            "energy",
            "energy_without_effort",
            "effort_updating");
    for (EfficiencyTable.Row r : rows) {
      table.row(
          r.price(),
          r.effort(),
          r.compute(),
          r.energyPerCompute(),
          r.energy(),
          r.energyWithoutEffort(),
          r.effortUpdating());
    }
    table.print(out);
    out.flush();
    return 0;
  }

  private ObjectNode toJson(List<EfficiencyTable.Row> rows) {
    ObjectNode root = Json.object();
    root.put("a", a).put("k", k).put("energy0", energy0).put("kappa", kappa).put("phi", phi);
    root.put("discountRate", discountRate).put("horizon", horizon).put("updateShare", updateShare);
    ArrayNode array = root.putArray("rows");
    for (EfficiencyTable.Row r : rows) {
      array
          .addObject()
          .put("price", r.price())
          .put("effort", r.effort())
          .put("compute", r.compute())
          .put("energyPerCompute", r.energyPerCompute())
          .put("energy", r.energy())
          .put("energyWithoutEffort", r.energyWithoutEffort())
          .put("effortUpdating", r.effortUpdating());
    }
    return root;
  }
}
