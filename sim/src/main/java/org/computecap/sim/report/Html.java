package org.computecap.sim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.SimulationResult;

/**
 * The self-contained report.html: one page a policy researcher can read offline, with the charts of
 * SPEC §9 (price vs theory, compute and energy vs the no-cap baseline, compliance and evasion,
 * audits and penalties, welfare vs the planner, who earned and who paid) as inline SVG and a short
 * explanation beside each. No script, no external file.
 */
public final class Html {

  private Html() {}

  /** The report for {@code r}; {@code replications} is extra HTML (may be empty). */
  public static String report(SimulationResult r, String replications) {
    List<PeriodResult> ps = r.periods();
    int n = ps.size();
    int[] xs = new int[n];
    for (int j = 0; j < n; j++) {
      xs[j] = ps.get(j).period();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>ComputeCap simulation: ")
        .append(escape(r.scenario()))
        .append("</title><style>")
        .append("body{font-family:sans-serif;max-width:900px;margin:2em auto;")
        .append("color:#222;line-height:1.45}table{border-collapse:collapse;")
        .append("font-size:12px;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 6px;text-align:right}th{background:#f3f3f3}")
        .append("td:first-child,th:first-child{text-align:left}")
        .append("figure{margin:1.5em 0}figcaption{font-size:13px;color:#444}")
        .append("code{background:#f3f3f3;padding:0 3px}</style></head><body>");
    sb.append("<h1>")
        .append(escape(r.scenario()))
        .append("</h1><p>")
        .append(escape(r.description()))
        .append("</p>");
    sb.append("<p>Seed <code>")
        .append(r.seed())
        .append("</code>, ")
        .append(r.journalEntries())
        .append(" engine commands in the journal, final ")
        .append("state hash <code>")
        .append(escape(r.stateHash()))
        .append("</code>. ")
        .append("Every number below comes from the market engine itself (the same ")
        .append("engine a live market runs); the theory lines come from the economics ")
        .append("library solved on the same developers and the same permit supply.</p>");
    programTable(sb, r.program());
    findings(sb, ps);
    periodTable(sb, ps);
    sb.append(replications);
    figure(
        sb,
        Svg.lines(
            "Permit price",
            "cents per permit",
            xs,
            List.of(
                new Svg.Series("simulated (VWAP)", col(ps, PeriodResult::clearingPrice), false),
                new Svg.Series(
                    "theory (P2 Eq. 6)", col(ps, PeriodResult::theoreticalPrice), true))),
        "The simulated price is the volume-weighted average of the period's trades on "
            + "the engine's order book; the theoretical price is the competitive equilibrium "
            + "of the same developers for the permits in circulation. Agreement means the "
            + "market discovers the price the theory predicts, with nobody knowing it.");
    figure(
        sb,
        Svg.lines(
            "Compute",
            "compute units",
            xs,
            List.of(
                new Svg.Series("simulated", col(ps, PeriodResult::totalCompute), false),
                new Svg.Series("no-cap baseline", col(ps, PeriodResult::baselineCompute), true),
                new Svg.Series("competitive", col(ps, PeriodResult::competitiveCompute), true))),
        "Compute actually used against what the same developers would use without a "
            + "cap (P1 Sec 5: x*_cap < x*_nocap) and against the competitive equilibrium. "
            + "The baseline is missing when a benefit function has no finite no-cap optimum.");
    figure(
        sb,
        Svg.lines(
            "Energy",
            "energy (MWh)",
            xs,
            List.of(new Svg.Series("total energy", col(ps, PeriodResult::totalEnergy), false))),
        "Energy is compute times each developer's energy per unit (its E_i), so it "
            + "falls both with less compute and with compute moving to efficient firms.");
    figure(
        sb,
        Svg.lines(
            "Compliance and evasion",
            "share",
            xs,
            List.of(
                new Svg.Series("compliance rate", col(ps, PeriodResult::complianceRate), false),
                new Svg.Series("evasion rate", col(ps, PeriodResult::evasionRate), false))),
        "Compliance is the share of developers that surrendered their reported "
            + "obligation. Evasion is the share of the true obligation left unreported: "
            + "zero while audits deter (rho·linear >= p, P2 Cor 3), positive once the "
            + "permit price exceeds the expected marginal penalty.");
    figure(
        sb,
        Svg.lines(
            "Audits and penalties",
            "count / dollars",
            xs,
            List.of(
                new Svg.Series("audits", colInt(ps, PeriodResult::audits), false),
                new Svg.Series("shortfalls detected", colInt(ps, PeriodResult::detected), false),
                new Svg.Series(
                    "penalties ($)", colLong(ps, p -> p.penaltiesCollected() / 100.0), false))),
        "Audits are drawn by the engine's seeded lottery at period close; an audit "
            + "measures true quantity with noise and the engine charges phi(D) on the "
            + "shortfall it reveals.");
    figure(
        sb,
        Svg.lines(
            "Welfare lost against the planner",
            "planner welfare - welfare",
            xs,
            List.of(
                new Svg.Series(
                    "permit market", col(ps, p -> p.plannerWelfare() - p.welfare()), false),
                new Svg.Series(
                    "uniform command-and-control",
                    col(ps, p -> p.plannerWelfare() - p.uniformWelfare()),
                    true))),
        "Welfare is total benefit of the compute used, in the benefit functions' units. "
            + "The chart shows how far each allocation falls short of the planner's optimum "
            + "(P2 Prop 5), the most the cap allows: a working permit market sits on zero, "
            + "while uniform command-and-control, which gives every developer the same "
            + "compute (Prop 6), loses what trading would have gained. Absolute values are in "
            + "the table above and in periods.csv.");
    whoPaid(sb, r.developers());
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void programTable(StringBuilder sb, Map<String, String> program) {
    if (program.isEmpty()) {
      return;
    }
    sb.append("<h2>Program</h2><table>");
    for (Map.Entry<String, String> e : program.entrySet()) {
      sb.append("<tr><td>")
          .append(escape(e.getKey()))
          .append("</td><td>")
          .append(escape(e.getValue()))
          .append("</td></tr>");
    }
    sb.append("</table>");
  }

  /** A few sentences a reader can quote, computed from the periods. */
  static void findings(StringBuilder sb, List<PeriodResult> ps) {
    sb.append("<h2>Key findings</h2><ul>");
    double worst = 0;
    int worstPeriod = 0;
    double minWelfare = Double.POSITIVE_INFINITY;
    int aboveUniform = 0;
    long penalties = 0;
    int audits = 0;
    long small = 0;
    StringBuilder evasive = new StringBuilder();
    double maxEvasion = 0;
    for (PeriodResult p : ps) {
      if (Double.isFinite(p.priceError()) && p.priceError() >= worst) {
        worst = p.priceError();
        worstPeriod = p.period();
      }
      if (Double.isFinite(p.welfareRatio())) {
        minWelfare = Math.min(minWelfare, p.welfareRatio());
      }
      aboveUniform += p.welfare() >= p.uniformWelfare() ? 1 : 0;
      penalties += p.penaltiesCollected();
      audits += p.audits();
      small += p.revenueSmallFirms();
      if (p.evasionRate() > 0) {
        evasive.append(evasive.length() == 0 ? "" : ", ").append(p.period());
        maxEvasion = Math.max(maxEvasion, p.evasionRate());
      }
    }
    item(
        sb,
        String.format(
            Locale.ROOT,
            "The market price stayed within %.2f%% of the "
                + "competitive price of the economics library (largest gap in period %d).",
            100 * worst,
            worstPeriod));
    PeriodResult last = ps.get(ps.size() - 1);
    if (Double.isFinite(last.baselineCompute()) && last.baselineCompute() > 0) {
      item(
          sb,
          String.format(
              Locale.ROOT,
              "Compute in period %d was %.1f%% below the "
                  + "developers' no-cap optimum (P1: x*_cap < x*_nocap).",
              last.period(),
              100 * (1 - last.totalCompute() / last.baselineCompute())));
    }
    item(
        sb,
        Double.isFinite(minWelfare)
            ? String.format(
                Locale.ROOT,
                "Welfare was at least %.4f of the planner's optimum (in the periods where no"
                    + " compute ran above the cap) and at or above uniform command-and-control"
                    + " in %d of %d periods.",
                minWelfare,
                aboveUniform,
                ps.size())
            : "Evasion put compute above the cap in every period, so welfare is not compared"
                + " with the planner's optimum (see excessCompute in periods.csv).");
    item(
        sb,
        evasive.length() == 0
            ? "No developer under-reported: audits deterred "
                + "evasion in every period (rho·linear >= p)."
            : String.format(
                Locale.ROOT,
                "Developers under-reported in periods %s, up to "
                    + "%.2f%% of the true obligation: there the permit price exceeded the expected "
                    + "marginal penalty rho·linear (P2 Cor 3).",
                evasive,
                100 * maxEvasion));
    item(
        sb,
        String.format(
            Locale.ROOT,
            "%d audits, $%,.0f in penalties; small companies "
                + "and academic labs %s $%,.0f net on the exchange; %d developers relocated.",
            audits,
            penalties / 100.0,
            small < 0 ? "paid" : "made",
            Math.abs(small) / 100.0,
            last.leakedFirms()));
    sb.append("</ul>");
  }

  private static void item(StringBuilder sb, String text) {
    sb.append("<li>").append(escape(text)).append("</li>");
  }

  private static void periodTable(StringBuilder sb, List<PeriodResult> ps) {
    sb.append("<table><tr><th>period</th><th>cap</th><th>price</th><th>theory</th>")
        .append("<th>volume</th><th>compute</th><th>baseline</th>")
        .append("<th>compliance</th><th>evasion</th><th>audits</th>")
        .append("<th>penalties $</th><th>welfare / planner</th><th>leaked</th></tr>");
    for (PeriodResult p : ps) {
      sb.append("<tr><td>")
          .append(p.period())
          .append("</td><td>")
          .append(Svg.g(p.capPermits()))
          .append("</td><td>")
          .append(money(p.clearingPrice()))
          .append("</td><td>")
          .append(money(p.theoreticalPrice()))
          .append("</td><td>")
          .append(Svg.g(p.volume()))
          .append("</td><td>")
          .append(Svg.g(p.totalCompute()))
          .append("</td><td>")
          .append(Double.isFinite(p.baselineCompute()) ? Svg.g(p.baselineCompute()) : "n/a")
          .append("</td><td>")
          .append(pct(p.complianceRate()))
          .append("</td><td>")
          .append(pct(p.evasionRate()))
          .append("</td><td>")
          .append(p.audits())
          .append("</td><td>")
          .append(Svg.g(p.penaltiesCollected() / 100.0))
          .append("</td><td>")
          .append(
              Double.isFinite(p.welfareRatio())
                  ? String.format(Locale.ROOT, "%.4f", p.welfareRatio())
                  : "n/a")
          .append("</td><td>")
          .append(p.leakedFirms())
          .append("</td></tr>");
    }
    sb.append("</table><p>Prices in cents per permit.</p>");
  }

  private static void whoPaid(StringBuilder sb, List<DeveloperRow> devs) {
    List<DeveloperRow> sorted = new ArrayList<>(devs);
    sorted.sort(
        Comparator.comparingLong(DeveloperRow::netTradingCents)
            .reversed()
            .thenComparingLong(DeveloperRow::accountId));
    List<String> labels = new ArrayList<>();
    double[] values = new double[sorted.size()];
    String[] colors = new String[sorted.size()];
    Map<String, long[]> byClass = new TreeMap<>();
    for (int j = 0; j < sorted.size(); j++) {
      DeveloperRow d = sorted.get(j);
      labels.add(d.name() + " (" + d.sizeClass() + ")");
      values[j] = d.netTradingCents() / 100.0;
      colors[j] = Svg.COLORS[classIndex(d.sizeClass())];
      long[] t = byClass.computeIfAbsent(d.sizeClass(), k -> new long[6]);
      t[0]++;
      t[1] += d.permitsAllocated();
      t[2] += d.permitsBought();
      t[3] += d.permitsSold();
      t[4] += d.netTradingCents();
      t[5] += d.penaltiesCents();
    }
    figure(
        sb,
        Svg.bars(
            "Who earned and who paid",
            "net cash from permits ($, log scale)",
            labels,
            values,
            colors),
        "Net cash each developer made from permits over the "
            + "run: exchange sales less exchange and primary-auction purchases, one bar "
            + "per developer on a signed log scale (blue frontier, red large labs, green "
            + "small companies, purple academic labs; hover for the name and amount). "
            + "Developers whose free allocation exceeds what they use sell the surplus: "
            + "P1's claim that efficiency becomes revenue for small firms.");
    sb.append("<table><tr><th>size class</th><th>developers</th><th>allocated</th>")
        .append("<th>bought</th><th>sold</th><th>net cash from permits $</th>")
        .append("<th>penalties $</th></tr>");
    for (Map.Entry<String, long[]> e : byClass.entrySet()) {
      long[] t = e.getValue();
      sb.append("<tr><td>")
          .append(escape(e.getKey()))
          .append("</td><td>")
          .append(t[0])
          .append("</td><td>")
          .append(Svg.g(t[1]))
          .append("</td><td>")
          .append(Svg.g(t[2]))
          .append("</td><td>")
          .append(Svg.g(t[3]))
          .append("</td><td>")
          .append(Svg.g(t[4] / 100.0))
          .append("</td><td>")
          .append(Svg.g(t[5] / 100.0))
          .append("</td></tr>");
    }
    sb.append("</table>");
  }

  private static int classIndex(String sizeClass) {
    switch (sizeClass) {
      case "FRONTIER":
        return 0;
      case "LARGE":
        return 1;
      case "SMALL":
        return 2;
      default:
        return 3;
    }
  }

  private static void figure(StringBuilder sb, String svg, String caption) {
    sb.append("<figure>")
        .append(svg)
        .append("<figcaption>")
        .append(escape(caption))
        .append("</figcaption></figure>");
  }

  private static double[] col(
      List<PeriodResult> ps, java.util.function.ToDoubleFunction<PeriodResult> f) {
    double[] out = new double[ps.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = f.applyAsDouble(ps.get(j));
    }
    return out;
  }

  private static double[] colInt(
      List<PeriodResult> ps, java.util.function.ToIntFunction<PeriodResult> f) {
    return col(ps, p -> f.applyAsInt(p));
  }

  private static double[] colLong(
      List<PeriodResult> ps, java.util.function.ToDoubleFunction<PeriodResult> f) {
    return col(ps, f);
  }

  static String money(double cents) {
    return Double.isFinite(cents) ? String.format(Locale.ROOT, "%,.2f", cents) : "n/a";
  }

  static String pct(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "n/a";
  }

  /** Escapes text for HTML and SVG. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
