package org.computecap.sim.calibration;

import java.util.List;
import java.util.Locale;
import org.computecap.economics.market.CalibratedPower;

/**
 * Writes the calibrated scenario's YAML ({@link EpochCalibration}) from the extract's runs: the
 * same runs and settings always give the same bytes, so a test can regenerate the shipped file and
 * compare.
 */
public final class EpochScenario {
  /** The command that writes the shipped scenario from the shipped extract, for its header. */
  public static final String COMMAND =
      "./computecap data epoch-scenario --in data/epoch-ai/notable-models-1e23-2023-2025.csv"
          + " --out scenarios/epoch-calibrated.yaml";

  private EpochScenario() {}

  /** The scenario file's text; {@code command} is the command line its header names. */
  public static String yaml(List<EpochRun> runs, EpochCalibration.Settings s, String command) {
    List<Organisation> orgs = EpochCalibration.organisations(runs);
    double centsPerUnit = EpochCalibration.centsPerUnit(runs, s);
    long cap = EpochCalibration.capPermits(orgs, s);
    double observed = 0;
    for (Organisation o : orgs) {
      observed += EpochCalibration.observedUnits(o, s);
    }
    long frontier = orgs.stream().filter(Organisation::frontier).count();
    StringBuilder y = new StringBuilder();
    header(y, command, runs, orgs, s, centsPerUnit, observed, frontier);
    y.append("name: epoch-calibrated\n");
    y.append("description: >-\n");
    y.append(
        wrap(
            String.format(
                Locale.ROOT,
                "The %d organisations that led Epoch AI's notable training runs of at least 1e23"
                    + " FLOP in 2023-2025, each a developer with P2's power benefit calibrated to"
                    + " its observed compute a year at the data's cost of compute, under a"
                    + " risk-weighted cap of %s of their observed compute (frontier organisations"
                    + " rated H, multiplier %s). Data: Epoch AI (epochai.org), CC BY 4.0.",
                orgs.size(),
                percent(s.capShare()),
                trim(s.alpha())),
            "  "));
    y.append("seed: 1\n");
    program(y, s, cap, orgs.size());
    y.append("market:\n");
    y.append("  centsPerUtil: ")
        .append(centsPerUnit)
        .append("   # one utility = q, the cost")
        .append(" of one unit of compute\n");
    y.append("  trading: CALL_AUCTION\n");
    y.append("  gridStepPpm: 5000\n");
    y.append("  bandFactor: 4.0\n");
    y.append("developers:\n");
    for (Organisation o : orgs) {
      developer(y, o, s);
    }
    return y.toString();
  }

  private static void header(
      StringBuilder y,
      String command,
      List<EpochRun> runs,
      List<Organisation> orgs,
      EpochCalibration.Settings s,
      double centsPerUnit,
      double observed,
      long frontier) {
    double[] byYear = EpochCalibration.computeByYear(runs);
    String[] lines = {
      "GENERATED, do not edit: " + command,
      "(EpochScenarioTest regenerates it from the shipped extract and compares.)",
      "",
      "Data: Epoch AI (epochai.org), CC BY 4.0: the Notable AI Models dataset; the extract, its"
          + " source and licence note are in data/epoch-ai/ (README.md).",
      "",
      String.format(
          Locale.ROOT,
          "%d training runs of at least 1e23 FLOP published 2023-01-01..2025-12-31, led by %d"
              + " organisations (a run with several is attributed whole to the first listed).",
          runs.size(),
          orgs.size()),
      String.format(
          Locale.ROOT,
          "Their compute: %s FLOP in 2023, %s in 2024, %s in 2025 (growth %s a year, fitted)."
              + " Demand here is each organisation's mean year and does not grow; --set"
              + " demand.growthPpm=%d adds the fitted growth (the cap stays flat).",
          sci(byYear[0]),
          sci(byYear[1]),
          sci(byYear[2]),
          percent(EpochCalibration.growth(runs)),
          EpochCalibration.growthPpm(runs)),
      String.format(
          Locale.ROOT,
          "Unit: %s FLOP. Observed compute a year (2023-2025 over 3): %s units in all.",
          sci(s.unitFlop()),
          String.format(Locale.ROOT, "%.0f", observed)),
      String.format(
          Locale.ROOT,
          "Cost of compute q = $%.4g per unit (%s $/FLOP, the median of cost over compute of the"
              + " %d runs with a cost).",
          centsPerUnit / 100,
          sci(EpochCalibration.costPerFlopUsd(runs)),
          runs.stream().filter(r -> r.costUsd() != null).count()),
      String.format(
          Locale.ROOT,
          "Benefit: v_i(c) = theta_i c^beta / beta, beta = %s, theta_i = C_i^(1-beta) in"
              + " utilities of q, so v_i'(C_i) = q: each organisation runs its observed compute C_i"
              + " when a unit costs q.",
          trim(s.beta())),
      String.format(
          Locale.ROOT,
          "Risk: H (riskType 1, multiplier %s) for the %d organisations with a run flagged"
              + " 'Frontier model', L otherwise; no safety effort, so classes never move.",
          trim(s.alpha()),
          frontier),
      "Size class: FRONTIER = H; ACADEMIC = Academia or Government; LARGE = largest run >= 1e25"
          + " FLOP; SMALL otherwise.",
      String.format(
          Locale.ROOT,
          "Cap: %s of the observed compute a year, in permits of one risk-weighted unit; every"
              + " developer STRATEGIC (P2 Eq. 1: evades when rho*linear < p).",
          percent(s.capShare())),
      "Every other number (penalty, audits, allocation, trading) is a stated choice, not data:"
          + " docs/research.md, 'A scenario calibrated from real training runs'.",
    };
    for (String line : lines) {
      for (String w : wrap(line, "").split("\n")) {
        y.append(w.isEmpty() ? "#" : "# " + w).append('\n');
      }
    }
  }

  private static void program(StringBuilder y, EpochCalibration.Settings s, long cap, int n) {
    y.append("program:\n");
    y.append("  name: P2 risk-weighted training compute, calibrated to Epoch AI's notable runs\n");
    y.append("  coveredQuantity: risk-weighted training compute\n");
    y.append("  unit: ").append(sci(s.unitFlop())).append(" FLOP\n");
    y.append("  scope: TRAINING\n");
    y.append("  periods: {first: 1, count: ").append(s.periods()).append(", label: yearly}\n");
    y.append("  cap: {startPermits: ").append(cap).append(", linearReductionPpm: 0}\n");
    y.append("  allocation: {method: UNIFORM, freeSharePpm: 1000000, newEntrantReservePpm: 0}\n");
    y.append("  risk: {alphaPpm: ").append(s.alphaPpm()).append(", unevaluatedSignal: H}\n");
    y.append("  penalty: {linearCentsPerPermit: ")
        .append(s.linearPenaltyCents())
        .append(", quadraticCentsPerPermitSquared: ")
        .append(s.quadraticPenaltyCents())
        .append(", makeGood: false}\n");
    long auditCost = 1_000_000;
    y.append("  audit: {probabilityPpm: ")
        .append(s.auditProbabilityPpm())
        .append(", auditCostCents: ")
        .append(auditCost)
        .append(", budgetPerPeriodCents: ")
        .append(auditCost * n)
        .append("}\n");
    y.append("  banking: false\n");
    y.append("  auction: {reservePriceCents: 100, purchaseLimitPpm: 1000000}\n");
    y.append(
        "  exchange: {tickCents: 1, lotPermits: 1, selfTradePrevention: true, books: SINGLE}\n");
  }

  private static void developer(StringBuilder y, Organisation o, EpochCalibration.Settings s) {
    double c = EpochCalibration.observedUnits(o, s);
    double[] b = o.computeByYear();
    y.append(
        String.format(
            Locale.ROOT,
            "  # %s (%s, %s): %d run%s, %s FLOP in 2023-2025 (%s, %s, %s), largest %s%s\n",
            o.name(),
            o.category(),
            o.country(),
            o.runs(),
            o.runs() == 1 ? "" : "s",
            sci(o.totalFlop()),
            sci(b[0]),
            sci(b[1]),
            sci(b[2]),
            sci(o.largestRunFlop()),
            o.frontier() ? ", frontier" : ""));
    y.append("  - name: ").append(o.slug()).append('\n');
    y.append("    count: 1\n");
    y.append("    sizeClass: ").append(EpochCalibration.sizeClass(o)).append('\n');
    y.append("    strategy: STRATEGIC\n");
    y.append("    benefit: POWER\n");
    y.append("    theta: ")
        .append(CalibratedPower.theta(c, s.beta(), 1.0))
        .append("   # observed ")
        .append(String.format(Locale.ROOT, "%.2f", c))
        .append(" units a year\n");
    y.append("    beta: ").append(s.beta()).append('\n');
    y.append("    riskType: ").append(o.frontier() ? 1 : 0).append('\n');
  }

  static String sci(double x) {
    if (x == 0) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.3g", x);
    if (!s.contains("e")) {
      s = String.format(Locale.ROOT, "%.2e", x);
    }
    return s.replace("e+", "e").replaceAll("\\.?0+e", "e").replace("e0", "e");
  }

  static String percent(double share) {
    return trim(share * 100) + "%";
  }

  static String trim(double x) {
    if (x == Math.rint(x)) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.3g", x).replaceAll("\\.?0+$", "");
  }

  /** Wraps text at 96 columns, each line after the first with {@code indent}. */
  private static String wrap(String text, String indent) {
    StringBuilder out = new StringBuilder(indent);
    int col = indent.length();
    for (String word : text.split(" ")) {
      if (col > indent.length() && col + 1 + word.length() > 96) {
        out.append('\n').append(indent);
        col = indent.length();
      } else if (col > indent.length()) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
    }
    return indent.isEmpty() ? out.toString() : out.append('\n').toString();
  }
}
