package org.computecap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.economics.insurance.ManipulationIncentive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze insurance}: whether gaming a safety evaluation from H to L pays, without and with
 * an insurer that keeps charging the high-risk premium (P2 Prop 9). The premium gap {@code delta =
 * PH - PL} is the only arithmetic here; the thresholds and the comparison come from {@link
 * ManipulationIncentive}.
 */
@Command(
    name = "insurance",
    mixinStandardHelpOptions = true,
    description =
        "Insurance and evaluation gaming (P2 Prop 9): the private cost below which"
            + " manipulating the evaluation pays, without and with insurance.")
final class AnalyzeInsurance implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--price",
      paramLabel = "P",
      required = true,
      description = "Permit price p, >= 0.")
  private double price;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      required = true,
      description = "Risk multiplier of a high-risk (H) evaluation, >= 1.")
  private double alpha;

  @Option(
      names = "--compute",
      paramLabel = "C",
      required = true,
      description = "Compute c the developer runs, >= 0.")
  private double compute;

  @Option(
      names = "--premium-low",
      paramLabel = "PL",
      required = true,
      description = "Insurance premium per unit of compute for a low-risk (L) signal.")
  private double premiumLow;

  @Option(
      names = "--premium-high",
      paramLabel = "PH",
      required = true,
      description = "Insurance premium per unit of compute for a high-risk (H) signal, >= PL.")
  private double premiumHigh;

  @Option(
      names = "--manipulation-cost",
      paramLabel = "G",
      required = true,
      description = "Private cost gamma of manipulating the evaluation, >= 0.")
  private double manipulationCost;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  private static final Map<String, String> OPTION_OF_PARAMETER =
      Map.of("p", "--price", "alpha", "--alpha", "c", "--compute", "gamma", "--manipulation-cost");

  @Override
  public Integer call() {
    try {
      return report();
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(e, OPTION_OF_PARAMETER);
    }
  }

  private int report() {
    OptionChecks.finiteAtLeast("--premium-low", premiumLow, 0);
    double delta = premiumHigh - premiumLow;
    if (!(delta >= 0)) {
      throw new IllegalArgumentException(
          "--premium-high: "
              + premiumHigh
              + " is below --premium-low "
              + premiumLow
              + "; the premium gap must be >= 0");
    }
    double without = ManipulationIncentive.thresholdWithout(price, alpha, compute);
    double with = ManipulationIncentive.thresholdWith(price, alpha, compute, delta);
    boolean paysWithout = ManipulationIncentive.pays(manipulationCost, without);
    boolean paysWith = ManipulationIncentive.pays(manipulationCost, with);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("thresholdWithout", without);
      root.put("thresholdWith", with);
      root.put("profitableWithout", paysWithout);
      root.put("profitableWith", paysWith);
      root.put("premiumDelta", delta);
      Json.print(out, root);
      return 0;
    }
    new TextTable("quantity", "value", "meaning")
        .row("thresholdWithout", without, "manipulation pays below this cost: p*(alpha-1)*c")
        .row("thresholdWith", with, "with insurance: max(0, [p*(alpha-1) - delta]*c)")
        .row("profitableWithout", paysWithout, "G < thresholdWithout")
        .row("profitableWith", paysWith, "G < thresholdWith")
        .row("premiumDelta", delta, "delta = PH - PL")
        .print(out);
    return 0;
  }
}
