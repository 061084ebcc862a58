package org.computecap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.economics.audit.AuditDesign;
import org.computecap.economics.audit.DetectionFunction;
import org.computecap.economics.audit.NoisyAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze audit}: the audit design a regulator needs (P2 Prop 8, Remark 7, App. A) for a
 * permit price and a penalty {@code phi(D) = linear·D + quadratic·D^2}: the deterring audit
 * probability with perfect metering and with Gaussian metering noise, what it costs, and whether
 * the audit budget pays for it. All figures come from {@link AuditDesign} and {@link NoisyAudit}.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Audit design (P2 Prop 8, Remark 7, App. A): deterring audit probability,"
            + " enforcement cost and budget feasibility.")
final class AnalyzeAudit implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--price",
      paramLabel = "P",
      required = true,
      description = "Permit price p, >= 0.")
  private double price;

  @Option(
      names = "--linear",
      paramLabel = "A",
      required = true,
      description = "Linear penalty coefficient (phi'(0)), > 0.")
  private double linear;

  @Option(
      names = "--quadratic",
      paramLabel = "B",
      required = true,
      description = "Quadratic penalty coefficient, >= 0.")
  private double quadratic;

  @Option(
      names = "--audit-cost",
      paramLabel = "K",
      required = true,
      description = "Cost of auditing one developer, >= 0.")
  private double auditCost;

  @Option(
      names = "--budget",
      paramLabel = "BUD",
      required = true,
      description = "Regulator's audit budget per period, >= 0.")
  private double budget;

  @Option(
      names = "--developers",
      paramLabel = "N",
      required = true,
      description = "Number of regulated developers, >= 1.")
  private long developers;

  @Option(
      names = "--noise-sigma",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Standard deviation of the Gaussian metering noise for rhoStarNoisy,"
              + " > 0 (default: ${DEFAULT-VALUE}).")
  private double noiseSigma;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  private static final Map<String, String> OPTION_OF_PARAMETER =
      Map.of(
          "p",
          "--price",
          "price",
          "--price",
          "linear",
          "--linear",
          "quadratic",
          "--quadratic",
          "auditCost",
          "--audit-cost",
          "budget",
          "--budget",
          "n",
          "--developers",
          "sigma",
          "--noise-sigma");

  @Override
  public Integer call() {
    try {
      return report();
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(e, OPTION_OF_PARAMETER);
    }
  }

  private int report() {
    double rhoStar = AuditDesign.rhoStar(price, linear);
    double enforcementCost = AuditDesign.enforcementCost(developers, auditCost, price, linear);
    double rhoMax = AuditDesign.rhoMax(budget, developers, auditCost);
    boolean feasible = AuditDesign.feasible(price, linear, budget, developers, auditCost);
    double rhoStarNoisy =
        NoisyAudit.minimumAuditProbability(
            price, linear, quadratic, DetectionFunction.gaussian(noiseSigma));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("rhoStar", rhoStar);
      root.put("enforcementCost", enforcementCost);
      root.put("rhoMax", rhoMax);
      root.put("feasible", feasible);
      root.put("rhoStarNoisy", rhoStarNoisy);
      root.put("noiseSigma", noiseSigma);
      Json.print(out, root);
      return 0;
    }
    new TextTable("quantity", "value", "meaning")
        .row("rhoStar", rhoStar, "audit probability that deters every shortfall, p/linear")
        .row("enforcementCost", enforcementCost, "expected audit spending at rhoStar, n*K*rhoStar")
        .row("rhoMax", rhoMax, "highest audit probability the budget pays, min(1, BUD/(n*K))")
        .row("feasible", feasible, "rhoStar <= rhoMax: the budget sustains truthful compliance")
        .row(
            "rhoStarNoisy",
            rhoStarNoisy,
            "deterring probability with Gaussian metering noise, sigma = "
                + TextTable.number(noiseSigma))
        .print(out);
    if (rhoStar > 1) {
      out.println(
          "rhoStar > 1: no audit probability deters at this price; a larger linear"
              + " penalty is needed.");
      out.flush();
    }
    return 0;
  }
}
